import type { TRichText } from '@charla/protocol';

/** The few words the launcher says before the frame (and its full dictionary) loads. */
export const LOADER_TEXT = {
  en: { open: 'Open chat', close: 'Close chat', dismiss: 'Dismiss' },
  es: { open: 'Abrir chat', close: 'Cerrar chat', dismiss: 'Descartar' },
  'pt-BR': { open: 'Abrir chat', close: 'Fechar chat', dismiss: 'Dispensar' },
  fr: { open: 'Ouvrir le chat', close: 'Fermer le chat', dismiss: 'Ignorer' },
  de: { open: 'Chat öffnen', close: 'Chat schließen', dismiss: 'Schließen' },
  // The pseudo-locales, as pseudoLocalize words them (kept literal: the loader has a byte budget).
  'en-XA': { open: '[Öþéñ çĥåţ !!]', close: '[Çļöšé çĥåţ !!]', dismiss: '[Ðîšṁîšš !!]' },
  'ar-XB': {
    open: '\u202e[Öþéñ çĥåţ !!]\u202c',
    close: '\u202e[Çļöšé çĥåţ !!]\u202c',
    dismiss: '\u202e[Ðîšṁîšš !!]\u202c',
  },
} as const;

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
