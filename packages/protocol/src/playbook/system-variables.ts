import type { TLanguage } from '../common';
import { withPseudoLocales } from '../i18n/languages';
import type { TPlaybookDocument, TVariableType } from './playbook.schema';

export type TSystemVariableKey =
  | 'visitor_name'
  | 'visitor_email'
  | 'visitor_phone'
  | 'company_name'
  | 'page_url'
  | 'referrer'
  | 'locale'
  | 'back_at';

export type TSystemVariable = {
  key: TSystemVariableKey;
  label: Record<TLanguage, string>;
  type: TVariableType;
  /** Set by the server from the page context when a run starts; captures cannot write it. */
  fromContext: boolean;
  /** Counts as a visitor identity for CRM records (rule 14). */
  identity: boolean;
};

/** Variables every playbook has without declaring them. */
export const SYSTEM_VARIABLES: readonly TSystemVariable[] = [
  {
    key: 'visitor_name',
    label: withPseudoLocales({ en: 'Name', es: 'Nombre', 'pt-BR': 'Nome', fr: 'Nom', de: 'Name' }),
    type: 'text',
    fromContext: false,
    identity: true,
  },
  {
    key: 'visitor_email',
    label: withPseudoLocales({ en: 'Email', es: 'Email', 'pt-BR': 'E-mail', fr: 'E-mail', de: 'E-Mail' }),
    type: 'email',
    fromContext: false,
    identity: true,
  },
  {
    key: 'visitor_phone',
    label: withPseudoLocales({
      en: 'Phone',
      es: 'Teléfono',
      'pt-BR': 'Telefone',
      fr: 'Téléphone',
      de: 'Telefon',
    }),
    type: 'phone',
    fromContext: false,
    identity: true,
  },
  {
    key: 'company_name',
    label: withPseudoLocales({
      en: 'Company',
      es: 'Empresa',
      'pt-BR': 'Empresa',
      fr: 'Entreprise',
      de: 'Firma',
    }),
    type: 'text',
    fromContext: false,
    identity: true,
  },
  {
    key: 'page_url',
    label: withPseudoLocales({
      en: 'Page URL',
      es: 'URL de la página',
      'pt-BR': 'URL da página',
      fr: 'URL de la page',
      de: 'Seiten-URL',
    }),
    type: 'text',
    fromContext: true,
    identity: false,
  },
  {
    key: 'referrer',
    label: withPseudoLocales({
      en: 'Referrer',
      es: 'Referente',
      'pt-BR': 'Origem',
      fr: 'Référent',
      de: 'Referrer',
    }),
    type: 'text',
    fromContext: true,
    identity: false,
  },
  {
    key: 'locale',
    label: withPseudoLocales({ en: 'Locale', es: 'Idioma', 'pt-BR': 'Idioma', fr: 'Langue', de: 'Sprache' }),
    type: 'text',
    fromContext: true,
    identity: false,
  },
  // Issue 19: set by the server when the live chat card goes offline outside business hours
  // ("on Monday at 9:00", in the visitor's language and time zone); empty otherwise.
  {
    key: 'back_at',
    label: withPseudoLocales({
      en: 'Back at (business hours)',
      es: 'Volvemos (horario)',
      'pt-BR': 'Voltamos (horário)',
      fr: 'Retour (horaires)',
      de: 'Zurück um (Öffnungszeiten)',
    }),
    type: 'text',
    fromContext: true,
    identity: false,
  },
];

export const SYSTEM_VARIABLE_KEYS: readonly TSystemVariableKey[] = SYSTEM_VARIABLES.map((v) => v.key);

/** Keys whose value identifies the visitor well enough to create a person or organization. */
export const IDENTITY_VARIABLE_KEYS: readonly TSystemVariableKey[] = SYSTEM_VARIABLES.filter(
  (v) => v.identity,
).map((v) => v.key);

/** Keys the server sets from the page context at the start of every run. */
export const CONTEXT_VARIABLE_KEYS: readonly TSystemVariableKey[] = SYSTEM_VARIABLES.filter(
  (v) => v.fromContext,
).map((v) => v.key);

/** True when `key` names a system variable. */
export function isSystemVariableKey(key: string): key is TSystemVariableKey {
  return (SYSTEM_VARIABLE_KEYS as readonly string[]).includes(key);
}

/** Every variable a document can use, system ones first, as key → type (first declaration wins). */
export function declaredVariableTypes(doc: TPlaybookDocument): Map<string, TVariableType> {
  const types = new Map<string, TVariableType>();
  for (const v of SYSTEM_VARIABLES) types.set(v.key, v.type);
  for (const v of doc.variables) if (!types.has(v.key)) types.set(v.key, v.type);
  return types;
}
