import type { TLanguage } from '../common';
import { withPseudoLocales } from './languages';

export type TLoaderWords = { open: string; close: string; dismiss: string };

const WORDS = withPseudoLocales<TLoaderWords>({
  en: { open: 'Open chat', close: 'Close chat', dismiss: 'Dismiss' },
  es: { open: 'Abrir chat', close: 'Cerrar chat', dismiss: 'Descartar' },
  'pt-BR': { open: 'Abrir chat', close: 'Fechar chat', dismiss: 'Dispensar' },
  fr: { open: 'Ouvrir le chat', close: 'Fermer le chat', dismiss: 'Ignorer' },
  de: { open: 'Chat öffnen', close: 'Chat schließen', dismiss: 'Schließen' },
});

/**
 * The few words the widget's launcher says before the chat frame loads, in `language`. They come
 * with the widget config, so the loader carries no dictionary (its 3 KB budget).
 */
export function loaderWords(language: TLanguage): TLoaderWords {
  return WORDS[language];
}
