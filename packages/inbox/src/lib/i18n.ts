import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import {
  intlLocale,
  isolateBidi,
  isRtl,
  matchLanguage,
  pseudoDictionary,
  realLanguages,
  type TLanguage,
} from '@charla/protocol';
import { en } from '../locales/en';
import { es } from '../locales/es';
import de from '../locales/de.json';
import fr from '../locales/fr.json';
import ptBR from '../locales/pt-BR.json';
import { completePlurals } from '../locales/plural-forms';

export const languages = realLanguages;

const STORAGE_KEY = 'charla.language';

// The pseudo-locales are generated from English when the inbox is built (vite.config.ts defines
// them); unit tests and the dev server, which have no such define, generate them here.
declare const __CHARLA_PSEUDO_LOCALES__: { 'en-XA': typeof en; 'ar-XB': typeof en } | undefined;
const generated =
  typeof __CHARLA_PSEUDO_LOCALES__ !== 'undefined'
    ? __CHARLA_PSEUDO_LOCALES__
    : { 'en-XA': pseudoDictionary(en), 'ar-XB': pseudoDictionary(en, true) };
// Generated from English (one/other), read with their base language's plural rules (Arabic's six).
const pseudo = {
  'en-XA': completePlurals(generated['en-XA'], 'en-XA'),
  'ar-XB': completePlurals(generated['ar-XB'], 'ar-XB'),
};

/** The languages translated after English and Spanish; a missing key falls back to English. */
export const newerLocales = { 'pt-BR': ptBR, fr, de } as const;

/** This device's explicit choice (the language menu, or `?lang=` in a test), if any. */
function storedLanguage(): TLanguage | null {
  if (typeof localStorage === 'undefined') return null;
  const fromUrl = typeof location === 'undefined' ? null : new URLSearchParams(location.search).get('lang');
  const fromQuery = matchLanguage(fromUrl);
  if (fromQuery) localStorage.setItem(STORAGE_KEY, fromQuery);
  return fromQuery ?? matchLanguage(localStorage.getItem(STORAGE_KEY));
}

function initialLanguage(): TLanguage {
  // Pure modules that import the API client are unit-tested in Node, where neither exists.
  if (typeof navigator === 'undefined') return 'en';
  const browser = navigator.languages.map((l) => matchLanguage(l)).find((l) => l !== null) ?? null;
  return storedLanguage() ?? browser ?? 'en';
}

void i18next.use(initReactI18next).init({
  resources: {
    en: { translation: en },
    es: { translation: es },
    'pt-BR': { translation: ptBR },
    fr: { translation: fr },
    de: { translation: de },
    'en-XA': { translation: pseudo['en-XA'] },
    'ar-XB': { translation: pseudo['ar-XB'] },
  },
  lng: initialLanguage(),
  fallbackLng: 'en',
  // React escapes HTML itself; the one thing interpolated values still need is bidi isolation, so
  // an RLO in a visitor's name cannot reverse the rest of a sentence ("Close the chat with …?").
  interpolation: { escapeValue: true, escape: (value: string) => isolateBidi(value) },
  returnNull: false,
});
markDocument(currentLanguage());

function markDocument(language: TLanguage): void {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = language;
  document.documentElement.dir = isRtl(language) ? 'rtl' : 'ltr';
}

/** Switches the UI language now and remembers it on this device. */
export function setLanguage(language: TLanguage): void {
  localStorage.setItem(STORAGE_KEY, language);
  applyLanguage(language);
}

/** Switches the UI language without remembering it here (the account's language, applied at sign-in). */
export function applyLanguage(language: TLanguage): void {
  markDocument(language);
  void i18next.changeLanguage(language);
}

/** The account's language applies unless this device chose one itself. */
export function applyAccountLanguage(language: TLanguage): void {
  if (storedLanguage() === null && language !== currentLanguage()) applyLanguage(language);
}

export function currentLanguage(): TLanguage {
  return matchLanguage(i18next.language) ?? 'en';
}

/** The BCP 47 tag to format dates, numbers and lists with (the pseudo-locales format as their base). */
export function currentLocale(): string {
  return intlLocale(currentLanguage());
}

export { i18next };
