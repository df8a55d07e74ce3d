import {
  CRM_CURRENCY_DIGITS,
  isCrmCurrency,
  toMinorUnits,
  type TConversationPanelDto,
  type TCrmCurrency,
  type TPutConversationPanelRequest,
} from '@charla/protocol';
import { draftSchemas } from '../../lib/draft-schemas';
import { numberFormat } from '../../lib/intl-cache';

/** The side panel as the form edits it: every field a string. */
export type PanelForm = {
  amount: string;
  currency: TCrmCurrency;
  expectedCloseDate: string;
  personName: string;
  personEmail: string;
  personPhone: string;
  organizationName: string;
  organizationAddress: string;
  notes: string;
};
export type PanelField = keyof PanelForm;
export type PanelValidation =
  | { ok: true; value: TPutConversationPanelRequest }
  | { ok: false; errors: Partial<Record<PanelField, string>> };

const FIELD_OF_PATH: Record<string, PanelField> = {
  value: 'amount',
  'value.amountMinor': 'amount',
  'value.currency': 'currency',
  expectedCloseDate: 'expectedCloseDate',
  'person.name': 'personName',
  'person.email': 'personEmail',
  'person.phone': 'personPhone',
  'organization.name': 'organizationName',
  'organization.address': 'organizationAddress',
  notes: 'notes',
};

/** Formats minor units back to an editable amount in the reader's locale ("12,345.67", "12.345,67"). */
export function formatAmount(amountMinor: number, currency: TCrmCurrency, locale = 'en'): string {
  const digits = CRM_CURRENCY_DIGITS[currency];
  // Latin digits: parseAmount reads what it shows, in every locale (Arabic included).
  const options = { minimumFractionDigits: digits, maximumFractionDigits: digits, numberingSystem: 'latn' };
  return numberFormat(locale, options).format(amountMinor / 10 ** digits);
}

export function panelToForm(
  panel: TConversationPanelDto,
  defaultCurrency: TCrmCurrency = 'EUR',
  locale = 'en',
): PanelForm {
  const currency = panel.value?.currency ?? defaultCurrency;
  return {
    amount: panel.value ? formatAmount(panel.value.amountMinor, currency, locale) : '',
    currency,
    expectedCloseDate: panel.expectedCloseDate ?? '',
    personName: panel.person.name ?? '',
    personEmail: panel.person.email ?? '',
    personPhone: panel.person.phone ?? '',
    organizationName: panel.organization.name ?? '',
    organizationAddress: panel.organization.address ?? '',
    notes: panel.notes,
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** Parses an amount typed as "1,250.50", "1250,5" or "1250"; null when it is not a number. */
export function parseAmount(text: string): number | null {
  const compact = text.replace(/\s/g, '');
  if (!/^\d[\d.,]*$/.test(compact)) return null;
  const lastSep = Math.max(compact.lastIndexOf('.'), compact.lastIndexOf(','));
  const decimals =
    lastSep >= 0 && compact.length - lastSep - 1 <= 3 && compact.length - lastSep - 1 !== 3
      ? compact.slice(lastSep + 1)
      : '';
  const integer = (
    decimals === '' && lastSep >= 0 && compact.length - lastSep - 1 !== 3
      ? compact.slice(0, lastSep)
      : decimals === ''
        ? compact
        : compact.slice(0, lastSep)
  ).replace(/[.,]/g, '');
  const value = Number(`${integer}.${decimals || '0'}`);
  return Number.isFinite(value) ? value : null;
}

/** Validates the form with the protocol's own schema, so inline errors match the server's. */
export function validatePanelForm(
  form: PanelForm,
  messages: { amount: string; invalid?: string },
): PanelValidation {
  const errors: Partial<Record<PanelField, string>> = {};
  let value: TPutConversationPanelRequest['value'] = null;
  if (form.amount.trim() !== '') {
    const amount = parseAmount(form.amount);
    if (amount === null || !isCrmCurrency(form.currency)) errors.amount = messages.amount;
    else value = { amountMinor: toMinorUnits(amount, form.currency), currency: form.currency };
  }
  const candidate = {
    value,
    expectedCloseDate: orNull(form.expectedCloseDate),
    person: {
      name: orNull(form.personName),
      email: orNull(form.personEmail),
      phone: orNull(form.personPhone),
    },
    organization: { name: orNull(form.organizationName), address: orNull(form.organizationAddress) },
    notes: form.notes,
  };
  // Checked like the server checks it once the schemas have loaded (draft-schemas.ts).
  const schema = draftSchemas()?.ZConversationPanelFields;
  if (!schema) return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value: candidate };
  const parsed = schema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = FIELD_OF_PATH[issue.path.join('.')];
      if (field && !errors[field]) errors[field] = messages.invalid ?? issue.message;
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, value: parsed.data };
}
