import { sql } from 'kysely';
import type { Db } from '../../db/database';
import { searchConversations, type ConversationSearch } from './conversation-search.store';
import { toPostgresTsQuery, toSqliteMatch } from './fts-query';
import { isPostgres } from './message-index.store';
import { indexQueuedMessages } from './message-indexer.store';

export type { ConversationMatch, ConversationSearch } from './conversation-search.store';

export type CrmMatch = { type: string; id: string; title: string; doc: string; score: number };

export function createSearchStore(db: Db) {
  return {
    /** Indexes the messages queued since the last batch first (SQLite): a search sees every message. */
    async searchConversations(s: ConversationSearch) {
      await indexQueuedMessages(db);
      return searchConversations(db, s);
    },

    /** The background job's batch (modules/search/message-indexer.store.ts). */
    indexQueuedMessages: () => indexQueuedMessages(db),

    /** CRM records with every query word in any of their text fields, best first. */
    async searchCrm(s: { tokens: string[]; type: string | undefined; limit: number }): Promise<CrmMatch[]> {
      if (s.tokens.length === 0) return [];
      const type = s.type === undefined ? sql`true` : sql`d.entity_type = ${s.type}`;
      const query = isPostgres(db)
        ? sql<CrmMatch>`select d.entity_type as type, d.entity_id as id, d.title, d.doc,
            -ts_rank(d.tsv, q.query) as score
            from crm_search_docs d cross join to_tsquery('simple', ${toPostgresTsQuery(s.tokens)}) as q(query)
            where d.tsv @@ q.query and ${type} order by score, d.updated_at desc limit ${s.limit}`
        : sql<CrmMatch>`select d.entity_type as type, d.entity_id as id, d.title, d.doc,
            bm25(crm_search_fts) as score
            from crm_search_fts f cross join crm_search_docs d on d.rowid = f.rowid
            where crm_search_fts match ${toSqliteMatch(s.tokens)} and ${type}
            order by score, d.updated_at desc limit ${s.limit}`;
      return (await query.execute(db)).rows.map((r) => ({ ...r, score: Number(r.score) }));
    },
  };
}
export type SearchStore = ReturnType<typeof createSearchStore>;
