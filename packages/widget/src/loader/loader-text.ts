import type { TRichText } from '@charla/protocol';

/** The launcher's words when the config carries none (the server sends them in the playbook's language). */
export const LOADER_TEXT = { open: 'Open chat', close: 'Close chat', dismiss: 'Dismiss' };

/**
 * Plain text of the greeting: the loader shows it through textContent, so it needs no HTML
 * renderer (and stays inside its 3 KB budget).
 */
export function greetingPlainText(doc: TRichText | undefined): string {
  if (!doc) return '';
  const lines: string[] = [];
  for (const block of doc.content) {
    const paragraphs = block.type === 'paragraph' ? [block] : block.type === 'bullet_list' ? block.items : [];
    for (const paragraph of paragraphs)
      lines.push((paragraph.content ?? []).map((node) => node.text).join(''));
  }
  return lines.filter((line) => line.trim() !== '').join('\n');
}
