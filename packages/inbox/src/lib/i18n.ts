import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { isolateBidi, type TLanguage } from '@charla/protocol';
import { en } from '../locales/en';
import { es } from '../locales/es';

export const languages: readonly { code: TLanguage; label: string }[] = [
  { code: 'en', label: 'English' },
  { code: 'es', label: 'Español' },
];

const STORAGE_KEY = 'charla.language';

function initialLanguage(): TLanguage {
  // Pure modules that import the API client are unit-tested in Node, where neither exists.
  if (typeof localStorage === 'undefined' || typeof navigator === 'undefined') return 'en';
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'en' || stored === 'es') return stored;
  return navigator.language.toLowerCase().startsWith('es') ? 'es' : 'en';
}

void i18next.use(initReactI18next).init({
  resources: { en: { translation: en }, es: { translation: es } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  // React escapes HTML itself; the one thing interpolated values still need is bidi isolation, so
  // an RLO in a visitor's name cannot reverse the rest of a sentence ("Close the chat with …?").
  interpolation: { escapeValue: true, escape: (value: string) => isolateBidi(value) },
  returnNull: false,
});
if (typeof document !== 'undefined') document.documentElement.lang = i18next.language;

/** Switches the UI language now and remembers it on this device. */
export function setLanguage(language: TLanguage): void {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  void i18next.changeLanguage(language);
}

export function currentLanguage(): TLanguage {
  return i18next.language === 'es' ? 'es' : 'en';
}

export { i18next };
