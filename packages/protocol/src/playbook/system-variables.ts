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
  label: { en: string; es: string };
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
    label: { en: 'Name', es: 'Nombre' },
    type: 'text',
    fromContext: false,
    identity: true,
  },
  {
    key: 'visitor_email',
    label: { en: 'Email', es: 'Email' },
    type: 'email',
    fromContext: false,
    identity: true,
  },
  {
    key: 'visitor_phone',
    label: { en: 'Phone', es: 'Teléfono' },
    type: 'phone',
    fromContext: false,
    identity: true,
  },
  {
    key: 'company_name',
    label: { en: 'Company', es: 'Empresa' },
    type: 'text',
    fromContext: false,
    identity: true,
  },
  {
    key: 'page_url',
    label: { en: 'Page URL', es: 'URL de la página' },
    type: 'text',
    fromContext: true,
    identity: false,
  },
  {
    key: 'referrer',
    label: { en: 'Referrer', es: 'Referente' },
    type: 'text',
    fromContext: true,
    identity: false,
  },
  { key: 'locale', label: { en: 'Locale', es: 'Idioma' }, type: 'text', fromContext: true, identity: false },
  // Issue 19: set by the server when the live chat card goes offline outside business hours
  // ("on Monday at 9:00", in the visitor's language and time zone); empty otherwise.
  {
    key: 'back_at',
    label: { en: 'Back at (business hours)', es: 'Volvemos (horario)' },
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
