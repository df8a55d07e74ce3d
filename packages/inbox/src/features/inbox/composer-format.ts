export type TextSelection = { text: string; start: number; end: number };
export type InlineFormat = 'bold' | 'italic';

const MARKERS: Record<InlineFormat, string> = { bold: '**', italic: '_' };

/** Wraps the selection in bold/italic Markdown (or unwraps it when it is already wrapped). */
export function toggleInline(sel: TextSelection, format: InlineFormat, placeholder: string): TextSelection {
  const marker = MARKERS[format];
  const before = sel.text.slice(0, sel.start);
  const selected = sel.text.slice(sel.start, sel.end);
  const after = sel.text.slice(sel.end);
  if (before.endsWith(marker) && after.startsWith(marker)) {
    return {
      text: before.slice(0, -marker.length) + selected + after.slice(marker.length),
      start: sel.start - marker.length,
      end: sel.end - marker.length,
    };
  }
  const inner = selected === '' ? placeholder : selected;
  return {
    text: `${before}${marker}${inner}${marker}${after}`,
    start: sel.start + marker.length,
    end: sel.start + marker.length + inner.length,
  };
}

/** Turns the selection into a Markdown link to `href`. */
export function insertLink(sel: TextSelection, href: string, placeholder: string): TextSelection {
  const before = sel.text.slice(0, sel.start);
  const label = sel.text.slice(sel.start, sel.end) || placeholder;
  const after = sel.text.slice(sel.end);
  const inserted = `[${label.replace(/[[\]]/g, '\\$&')}](${href})`;
  return { text: before + inserted + after, start: sel.start + 1, end: sel.start + 1 + label.length };
}

/** Makes every selected line a bullet item, or removes the bullets when all already are. */
export function toggleList(sel: TextSelection): TextSelection {
  const lineStart = sel.text.lastIndexOf('\n', sel.start - 1) + 1;
  const nextBreak = sel.text.indexOf('\n', sel.end);
  const lineEnd = nextBreak === -1 ? sel.text.length : nextBreak;
  const lines = sel.text.slice(lineStart, lineEnd).split('\n');
  const allBullets = lines.every((line) => line.startsWith('- '));
  const changed = lines
    .map((line) => (allBullets ? line.slice(2) : line.startsWith('- ') ? line : `- ${line}`))
    .join('\n');
  // A list must start after a blank line or at the top to parse as a list.
  const needsBreak =
    !allBullets &&
    lineStart > 0 &&
    sel.text.slice(0, lineStart) !== '' &&
    !sel.text.slice(0, lineStart).endsWith('\n\n') &&
    !sel.text
      .slice(0, lineStart - 1)
      .split('\n')
      .pop()
      ?.startsWith('- ');
  const prefix = needsBreak ? '\n' : '';
  const text = sel.text.slice(0, lineStart) + prefix + changed + sel.text.slice(lineEnd);
  const end = lineStart + prefix.length + changed.length;
  return { text, start: end, end };
}

/** True when Enter alone should send (no Shift; not while an IME is composing). */
export function isSendKey(event: { key: string; shiftKey: boolean; isComposing: boolean }): boolean {
  return event.key === 'Enter' && !event.shiftKey && !event.isComposing;
}
