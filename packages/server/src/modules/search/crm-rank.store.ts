import { sql } from 'kysely';
import type { Db } from '../../db/database';
import type { CrmSearchType } from './crm-index.store';
import { queryTokens } from './fold-text';
import { toPostgresPhrases, toSqlitePhrases } from './fts-query';
import { isPostgres } from './message-index.store';

/** The CRM list pages rank at most this many matches (their pages then filter and page them). */
export const CRM_RANKED_MAX = 500;

/**
 * Ids of the CRM records of one type whose text matches every word of `q` (the inbox search's
 * rules: case and accents folded, the last word also as a prefix; the parts of a word such as
 * an email as a phrase), best first; ties newest first. Symbols alone match nothing.
 */
export async function rankCrmRecords(db: Db, type: CrmSearchType, q: string): Promise<string[]> {
  // The tokens of each whitespace-separated word (at most 8 words of 8 tokens).
  const groups = q
    .split(/\s+/)
    .map((word) => queryTokens(word))
    .filter((g) => g.length > 0)
    .slice(0, 8);
  const ids = await rankByTokens(db, type, groups);
  // A phone number typed in any format: its digits as one word, the prefix of the bare digits
  // every phone is indexed with too ("+49 (151) 234" finds +491512345678).
  const digits = /^\+?[\d\s().-]+$/.test(q.trim()) ? q.replace(/\D/g, '') : '';
  if (digits.length < 3) return ids;
  const more = await rankByTokens(db, type, [[digits]]);
  return [...new Set([...ids, ...more])].slice(0, CRM_RANKED_MAX);
}

async function rankByTokens(db: Db, type: CrmSearchType, groups: string[][]): Promise<string[]> {
  if (groups.length === 0) return [];
  const query = isPostgres(db)
    ? sql<{ id: string }>`select d.entity_id as id from crm_search_docs d
        cross join to_tsquery('simple', ${toPostgresPhrases(groups)}) as q(query)
        where d.tsv @@ q.query and d.entity_type = ${type}
        order by ts_rank(d.tsv, q.query) desc, d.updated_at desc, d.entity_id desc limit ${CRM_RANKED_MAX}`
    : sql<{ id: string }>`select d.entity_id as id from crm_search_fts f
        cross join crm_search_docs d on d.rowid = f.rowid
        where crm_search_fts match ${toSqlitePhrases(groups)} and d.entity_type = ${type}
        order by bm25(crm_search_fts), d.updated_at desc, d.entity_id desc limit ${CRM_RANKED_MAX}`;
  return (await query.execute(db)).rows.map((r) => r.id);
}
