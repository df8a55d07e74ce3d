import type { TLanguage } from '../common';
import { realLanguages, withPseudoLocales } from './languages';

const LABEL = withPseudoLocales({
  en: 'Visitor #{number}',
  es: 'Visitante #{number}',
  'pt-BR': 'Visitante #{number}',
  fr: 'Visiteur nº {number}',
  de: 'Besucher #{number}',
});

/** "Visitor #1234" in `language`: how a visitor without a name or email is called. */
export function visitorNumberLabel(number: number, language: TLanguage): string {
  return LABEL[language].replace('{number}', String(number));
}

/** Whether a display name is only the numbered fallback (in any language), so it can be said in the reader's. */
export function isVisitorNumberLabel(name: string, number: number): boolean {
  const trimmed = name.trim();
  return (
    trimmed === '' ||
    realLanguages.some((l) => visitorNumberLabel(number, l.code) === trimmed) ||
    visitorNumberLabel(number, 'en-XA') === trimmed
  );
}
