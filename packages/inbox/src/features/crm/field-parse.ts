import { CRM_CURRENCIES, isCrmEmail, isCrmPhone, type TCrmCurrency, type TCrmMoney } from '@charla/protocol';
import { numberFormat } from '../../lib/intl-cache';

/** What an inline editor's text turns into: a value to send, or the reason it cannot be sent. */
export type Parsed<T> =
  | { ok: true; value: T }
  | { ok: false; error: 'invalidNumber' | 'required' | 'invalidEmail' | 'invalidPhone' };

/** Digits a currency shows after the decimal point (JPY 0, EUR 2, BHD 3). */
export function currencyDigits(currency: string): number {
  try {
    return numberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** "1.234,5" or "1,234.50" → minor units of `currency`; empty → null (no value). */
export function parseMoney(amount: string, currency: TCrmCurrency): Parsed<TCrmMoney | null> {
  const text = amount.trim().replace(/\s/g, '');
  if (text === '') return { ok: true, value: null };
  const digits = currencyDigits(currency);
  // A final "." or "," followed by at most the currency's digits is the decimal separator;
  // any other separator groups thousands ("12,000 USD" is twelve thousand).
  const decimals = digits === 0 ? '' : `(?:[.,](\\d{1,${digits}}))?`;
  const match = new RegExp(`^(\\d[\\d.,]*?)${decimals}$`).exec(text);
  if (!match) return { ok: false, error: 'invalidNumber' };
  const whole = (match[1] ?? '').replace(/[.,]/g, '');
  const fraction = (match[2] ?? '').padEnd(digits, '0');
  const amountMinor = Number(whole) * 10 ** digits + Number(fraction || '0');
  if (!Number.isSafeInteger(amountMinor)) return { ok: false, error: 'invalidNumber' };
  return { ok: true, value: { amountMinor, currency } };
}

/** Minor units → the plain number an amount input shows ("1234.5" for 123450 EUR). */
export function moneyToInput(money: TCrmMoney | null): string {
  if (!money) return '';
  const digits = currencyDigits(money.currency);
  return digits === 0 ? String(money.amountMinor) : (money.amountMinor / 10 ** digits).toFixed(digits);
}

/** "a@x.com, b@y.com" → ["a@x.com", "b@y.com"] (commas, semicolons or new lines). */
export function parseList(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The kinds of contact a person's list field holds, and the server's own check of each. */
const CONTACT_CHECKS = { email: isCrmEmail, phone: isCrmPhone } as const;
export type ContactKind = keyof typeof CONTACT_CHECKS;

/** A person's emails or phones typed as one line → the list, or why the server would refuse it. */
export function parseContactList(text: string, kind: ContactKind): Parsed<string[]> {
  const items = parseList(text);
  if (items.every(CONTACT_CHECKS[kind])) return { ok: true, value: items };
  return { ok: false, error: kind === 'email' ? 'invalidEmail' : 'invalidPhone' };
}

/** A `datetime-local` input value (the viewer's time zone) ↔ epoch milliseconds. */
export function dateTimeInputToMs(value: string): number | null {
  if (value.trim() === '') return null;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? null : ms;
}
export function msToDateTimeInput(ms: number | null): string {
  if (ms === null) return '';
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export const CURRENCIES: readonly TCrmCurrency[] = CRM_CURRENCIES;
