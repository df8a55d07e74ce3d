import { z } from 'zod';

/** Sortable text id (UUIDv7). */
export const ZId = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'Not a valid id');
export type TId = z.infer<typeof ZId>;

/** Epoch milliseconds. */
export const ZTimestamp = z.number().int().nonnegative();

export const ZEmail = z
  .string()
  .trim()
  .max(254)
  .email()
  .transform((s) => s.toLowerCase());

export const ZCursorQuery = z
  .object({
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict();
export type TCursorQuery = z.infer<typeof ZCursorQuery>;

/** A page of items; `nextCursor` is null on the last page. */
export function ZPage<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
export type TPage<T> = { items: T[]; nextCursor: string | null };

export const ZErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
    /** The request's id, also in the server's log lines for it (X-Request-Id). */
    requestId: z.string().optional(),
  }),
});

/**
 * The languages Charla speaks (R26), plus two pseudo-locales generated from English for tests:
 * `en-XA` (accented, lengthened) and `ar-XB` (the same, right-to-left). Pickers list only the real
 * ones (`realLanguages` in i18n/languages.ts).
 */
export const ZLanguage = z.enum(['en', 'es', 'pt-BR', 'fr', 'de', 'en-XA', 'ar-XB']);
export type TLanguage = z.infer<typeof ZLanguage>;
