/** The escape character of every CRM LIKE pattern (`… LIKE ? ESCAPE '!'`). */
export const LIKE_ESCAPE = '!';

/** Lower-cases text the same way for stored search columns and for queries. */
export function toSearchText(...parts: (string | null | undefined)[]): string {
  return parts
    .filter((p): p is string => typeof p === 'string' && p.length > 0)
    .join('\n')
    .toLowerCase();
}

/** A LIKE pattern matching `query` literally anywhere: `%` `_` and `!` lose their meaning. */
export function toContainsPattern(query: string): string {
  const escaped = query.toLowerCase().replace(/[!%_]/g, (c) => `${LIKE_ESCAPE}${c}`);
  return `%${escaped}%`;
}

/** When `query` looks like (part of) a phone number, the pattern for its digits; else null. */
export function toPhoneDigitsPattern(query: string): string | null {
  if (!/^\+?[\d\s().-]+$/.test(query.trim())) return null;
  const digits = query.replace(/\D/g, '');
  return digits.length >= 3 ? `%${digits}%` : null;
}

/** The patterns a store matches for a search query (text, and phone digits when it looks like one). */
export type CrmSearch = { text: string; digits: string | null };

/** Builds the search patterns for `q`, or undefined when there is nothing to search for. */
export function toCrmSearch(q: string | undefined): CrmSearch | undefined {
  if (q === undefined || q.trim() === '') return undefined;
  return { text: toContainsPattern(q.trim()), digits: toPhoneDigitsPattern(q) };
}
