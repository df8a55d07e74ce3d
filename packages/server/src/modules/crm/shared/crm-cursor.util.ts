import { AppError } from '../../../lib/app-error';

const ID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The opaque cursor that points just after the record `id` (lists are newest first by UUIDv7 id). */
export function encodeCrmCursor(id: string): string {
  return Buffer.from(`c1:${id}`).toString('base64url');
}

/** The id a cursor points after; throws INVALID_CURSOR when it was not made by `encodeCrmCursor`. */
export function decodeCrmCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  const text = Buffer.from(cursor, 'base64url').toString();
  const id = text.startsWith('c1:') ? text.slice(3) : '';
  if (!ID_SHAPE.test(id))
    throw new AppError('INVALID_CURSOR', { details: [{ path: 'cursor', message: 'Invalid cursor' }] });
  return id;
}

/** Splits the `limit + 1` rows a store returned into a page and the cursor of the next one. */
export function toCrmPage<Row extends { id: string }>(
  rows: Row[],
  limit: number,
): { rows: Row[]; nextCursor: string | null } {
  if (rows.length <= limit) return { rows, nextCursor: null };
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { rows: page, nextCursor: last ? encodeCrmCursor(last.id) : null };
}
