import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { LIKE_ESCAPE, type CrmSearch } from './crm-search.util';

/** `column LIKE pattern ESCAPE '!'`, the pattern bound as a parameter, never interpolated. */
export function likePattern(column: string, pattern: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} like ${pattern} escape ${sql.lit(LIKE_ESCAPE)}`;
}

/** True when the (lower-cased) column contains the search text or, for phone-like queries, its digits. */
export function matchesSearch(column: string, search: CrmSearch): Expression<SqlBool> {
  if (search.digits === null) return likePattern(column, search.text);
  return sql<SqlBool>`(${likePattern(column, search.text)} or ${likePattern(column, search.digits)})`;
}

/** For leads and deals: the title matches, or the linked person (name, email, phone) or organization does. */
export function recordMatchesSearch(
  table: 'crm_leads' | 'crm_deals',
  search: CrmSearch,
): Expression<SqlBool> {
  const personIds = sql`select id from crm_persons where ${matchesSearch('crm_persons.search_text', search)}`;
  const organizationIds = sql`select id from crm_organizations where ${likePattern('crm_organizations.name_lc', search.text)}`;
  return sql<SqlBool>`(${matchesSearch(`${table}.search_text`, search)} or ${sql.ref(`${table}.person_id`)} in (${personIds}) or ${sql.ref(`${table}.organization_id`)} in (${organizationIds}))`;
}
