import { visitorNumberLabel, withPseudoLocales, type TLanguage } from '@charla/protocol';

const TITLE = withPseudoLocales({
  en: { lead: '{who} lead', deal: '{who} deal' },
  es: { lead: 'Lead de {who}', deal: 'Oportunidad de {who}' },
  'pt-BR': { lead: 'Lead de {who}', deal: 'Negócio de {who}' },
  fr: { lead: 'Prospect {who}', deal: 'Affaire {who}' },
  de: { lead: 'Lead {who}', deal: 'Deal {who}' },
});

/**
 * The title of a lead or deal created from the side panel without one, in the company's language:
 * the organization, else the person, else the visitor's number.
 */
export function defaultRecordTitle(
  kind: 'lead' | 'deal',
  who: { organization?: string | null; person?: string | null; email?: string | null; visitorNumber: number },
  language: TLanguage,
): string {
  const name =
    who.organization?.trim() ||
    who.person?.trim() ||
    who.email ||
    visitorNumberLabel(who.visitorNumber, language);
  return TITLE[language][kind].replace('{who}', () => name).slice(0, 200);
}
