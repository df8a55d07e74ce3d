import type { TLanguage } from '../common';
import { pseudoDictionary } from './pseudo';

export type TRealLanguage = Exclude<TLanguage, 'en-XA' | 'ar-XB'>;

/** The languages people choose from, each named in itself. */
export const realLanguages: readonly { code: TRealLanguage; label: string }[] = [
  { code: 'en', label: 'English' },
  { code: 'es', label: 'Español' },
  { code: 'pt-BR', label: 'Português (Brasil)' },
  { code: 'fr', label: 'Français' },
  { code: 'de', label: 'Deutsch' },
];

export const pseudoLanguages: readonly TLanguage[] = ['en-XA', 'ar-XB'];

/** Whether a language is written right to left (the Arabic pseudo-locale, for now). */
export function isRtl(language: TLanguage): boolean {
  return language === 'ar-XB';
}

/** The BCP 47 tag `Intl` formats with: the pseudo-locales format as their base language. */
export function intlLocale(language: TLanguage): string {
  if (language === 'en-XA') return 'en';
  if (language === 'ar-XB') return 'ar';
  return language;
}

/** A language code from anything (a stored value, a browser's `navigator.language`); null when unknown. */
export function matchLanguage(value: string | null | undefined): TLanguage | null {
  if (!value) return null;
  const lower = value.toLowerCase();
  const exact = [...realLanguages.map((l) => l.code), ...pseudoLanguages].find(
    (c) => c.toLowerCase() === lower,
  );
  if (exact) return exact;
  const base = lower.split('-')[0];
  if (base === 'pt') return 'pt-BR';
  return realLanguages.find((l) => l.code === base)?.code ?? null;
}

/**
 * A dictionary per language from the real translations: the pseudo-locales are generated from the
 * English one, so they can never miss a key.
 */
export function withPseudoLocales<T>(dictionaries: Record<TRealLanguage, T>): Record<TLanguage, T> {
  return {
    ...dictionaries,
    'en-XA': pseudoDictionary(dictionaries.en),
    'ar-XB': pseudoDictionary(dictionaries.en, true),
  };
}
