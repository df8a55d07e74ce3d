/**
 * ISO 4217 currencies Charla accepts, with their number of minor-unit digits. Money is stored
 * and sent as an integer count of minor units (cents for EUR, yen for JPY), so no rounding ever
 * happens on the server; clients format it with these digits.
 */
export const CRM_CURRENCY_DIGITS = {
  AED: 2,
  ARS: 2,
  AUD: 2,
  BGN: 2,
  BHD: 3,
  BRL: 2,
  CAD: 2,
  CHF: 2,
  CLP: 0,
  CNY: 2,
  COP: 2,
  CZK: 2,
  DKK: 2,
  EUR: 2,
  GBP: 2,
  HKD: 2,
  HUF: 2,
  IDR: 2,
  ILS: 2,
  INR: 2,
  ISK: 0,
  JPY: 0,
  KRW: 0,
  KWD: 3,
  MXN: 2,
  MYR: 2,
  NOK: 2,
  NZD: 2,
  PEN: 2,
  PHP: 2,
  PLN: 2,
  RON: 2,
  SAR: 2,
  SEK: 2,
  SGD: 2,
  THB: 2,
  TRY: 2,
  TWD: 2,
  USD: 2,
  UYU: 2,
  VND: 0,
  ZAR: 2,
} as const satisfies Record<string, number>;

export type TCrmCurrency = keyof typeof CRM_CURRENCY_DIGITS;

export const CRM_CURRENCIES = Object.keys(CRM_CURRENCY_DIGITS) as [TCrmCurrency, ...TCrmCurrency[]];

/** True when `code` is an accepted ISO 4217 currency code. */
export function isCrmCurrency(code: string): code is TCrmCurrency {
  return Object.hasOwn(CRM_CURRENCY_DIGITS, code);
}

/** Converts a major-unit amount (12.5 EUR) to integer minor units (1250), rounding half away from zero. */
export function toMinorUnits(amount: number, currency: TCrmCurrency): number {
  const factor = 10 ** CRM_CURRENCY_DIGITS[currency];
  return Math.sign(amount) * Math.round(Math.abs(amount) * factor);
}
