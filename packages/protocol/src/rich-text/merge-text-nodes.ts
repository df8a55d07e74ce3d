import type { TMark, TTextNode } from './rich-text.schema';

const MARK_ORDER: Record<TMark['type'], number> = { bold: 0, italic: 1, link: 2 };

/** Marks without duplicates (the first link wins), in the canonical order bold, italic, link. */
export function canonicalMarks(marks: readonly TMark[] | undefined): TMark[] {
  const byType = new Map<TMark['type'], TMark>();
  for (const mark of marks ?? []) if (!byType.has(mark.type)) byType.set(mark.type, mark);
  return [...byType.values()].sort((a, b) => MARK_ORDER[a.type] - MARK_ORDER[b.type]);
}

function marksKey(marks: readonly TMark[]): string {
  return marks.map((mark) => (mark.type === 'link' ? `link:${mark.href}` : mark.type)).join('|');
}

/** Normalizes inline content: drops empty text, canonicalizes marks and merges neighbours with equal marks. */
export function mergeTextNodes(nodes: readonly TTextNode[]): TTextNode[] {
  const merged: TTextNode[] = [];
  let lastKey: string | null = null;
  for (const node of nodes) {
    if (node.text === '') continue;
    const marks = canonicalMarks(node.marks);
    const key = marksKey(marks);
    const last = merged[merged.length - 1];
    if (last !== undefined && key === lastKey) {
      last.text += node.text;
      continue;
    }
    merged.push(
      marks.length > 0 ? { type: 'text', text: node.text, marks } : { type: 'text', text: node.text },
    );
    lastKey = key;
  }
  return merged;
}
