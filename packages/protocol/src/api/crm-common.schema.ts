import { z } from 'zod';
import { ZId } from '../common';
import { CRM_EMAIL_MAX, CRM_EMAIL_PATTERN, CRM_PHONE_MAX, normalizeCrmPhone } from './crm-contact';
import { CRM_CURRENCIES } from './crm-currencies';

/** Largest money amount in minor units: safe as a JS number and as a bigint column. */
export const MAX_MONEY_MINOR = 1e15;

export const ZCrmCurrency = z.enum(CRM_CURRENCIES, {
  error: 'Unknown currency (use an ISO 4217 code such as EUR)',
});

/** Money as an integer count of minor units (1250 EUR = 12.50 €) and its currency. */
export const ZCrmMoney = z
  .strictObject({
    amountMinor: z.number().int().min(0, 'Must not be negative').max(MAX_MONEY_MINOR),
    currency: ZCrmCurrency,
  })
  .meta({ description: 'Integer minor units (cents): { amountMinor: 1250, currency: "EUR" } is 12.50 EUR.' });
export type TCrmMoney = z.infer<typeof ZCrmMoney>;

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/** True when `value` is a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
  if (!DATE_SHAPE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export const ZCrmDate = z.string().refine(isCalendarDate, 'Use a calendar date written YYYY-MM-DD');

export { normalizeCrmPhone } from './crm-contact';

/** A phone number, stored normalized as `+` and its digits. */
export const ZCrmPhone = z
  .string()
  .max(CRM_PHONE_MAX)
  .refine((s) => normalizeCrmPhone(s) !== null, 'Not a valid phone number')
  .transform((s) => normalizeCrmPhone(s) ?? s);

/** A lower-cased email address. */
export const ZCrmEmail = z
  .string()
  .trim()
  .max(CRM_EMAIL_MAX)
  .pipe(z.email({ pattern: CRM_EMAIL_PATTERN, message: 'Not a valid email address' }))
  .transform((s) => s.toLowerCase());

export const ZCrmSource = z.enum(['manual', 'chatbot', 'live_chat', 'api']);
export type TCrmSource = z.infer<typeof ZCrmSource>;

/** A referenced record with the name to show for it. */
export const ZCrmRef = z.object({ id: z.string(), name: z.string() });
export type TCrmRef = z.infer<typeof ZCrmRef>;

export const ZCrmName = z.string().trim().min(1).max(200);
export const ZCrmSearchQuery = z.string().trim().min(1).max(200);

/** Query fields every CRM list takes: search, opaque cursor and page size. */
export const crmListQueryBase = {
  q: ZCrmSearchQuery.optional().meta({
    description: 'Case-insensitive search (name, email, phone, organization)',
  }),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
};

export const ZCrmIdParams = z.strictObject({ id: ZId });

/** A page of CRM records; pass `nextCursor` back as `cursor` for the next page (null: last page). */
export function ZCrmPage<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
