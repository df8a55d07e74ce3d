import { sql, type RawBuilder } from 'kysely';
import type { TFolder } from '@charla/protocol';
import type { Db } from '../../db/database';
import type { ConversationRow } from '../conversations/index';
import { toPostgresTsQuery, toSqliteMatch } from './fts-query';
import { isPostgres } from './message-index.store';

export type ConversationSearch = {
  tokens: string[];
  viewerId: string;
  folder: TFolder | undefined;
  limit: number;
};

/** The best match of one conversation; lower `score` ranks higher (bm25 sense). */
export type ConversationMatch = {
  conversationId: string;
  field: 'message' | 'profile';
  messageId: string | null;
  seq: number | null;
  text: string;
  score: number;
};

export type CrmMatch = { type: string; id: string; title: string; doc: string; score: number };

/**
 * R14 in SQL: only conversations in the viewer's folders (waiting, closed, or assigned to the
 * viewer), narrowed to one folder when asked. `c` is the conversations alias.
 */
function visibleTo(viewerId: string, folder: TFolder | undefined): RawBuilder<unknown> {
  const visible = sql`(c.status in ('waiting', 'closed') or (c.status = 'assigned' and c.assignee_id = ${viewerId}))`;
  if (folder === 'unassigned') return sql`${visible} and c.status = 'waiting'`;
  if (folder === 'closed') return sql`${visible} and c.status = 'closed'`;
  if (folder === 'mine') return sql`${visible} and c.status = 'assigned'`;
  return visible;
}

/** `row_key`: where the message's text is (its FTS5 rowid on SQLite, its id on PostgreSQL). */
/*
 * On SQLite the full-text table is always the outer loop (CROSS JOIN fixes the order): the
 * planner otherwise may walk every conversation and probe the index once per conversation.
 */

/*
 * PostgreSQL picks, from its statistics, between the GIN index plus a top-N sort and a backward
 * walk of the primary key stopping at the newest matches (forcing the first made frequent words
 * 20× slower in the benchmark).
 */

/**
 * Only the newest matching messages the viewer may see are ranked, at most this many (ids and
 * FTS5 rowids grow with time): a word found in half the messages then costs about what a rare
 * one does. SQLite's FTS5 walks its index newest first and stops.
 */
const CANDIDATES = 500;

type Hit = {
  conversation_id: string;
  message_id: string | null;
  seq: number | null;
  score: number;
  row_key?: string | number;
};

async function messageHits(db: Db, s: ConversationSearch): Promise<Hit[]> {
  const where = visibleTo(s.viewerId, s.folder);
  const tsQuery = toPostgresTsQuery(s.tokens);
  // One best message per conversation, best conversations first. SQLite's min() takes the other
  // columns from the row with the minimum; PostgreSQL says so with DISTINCT ON.
  const query = isPostgres(db)
    ? sql<Hit>`with hits as materialized (select m.conversation_id, m.message_id, m.seq, m.tsv
          from search_messages m join conversations c on c.id = m.conversation_id
          where m.tsv @@ to_tsquery('simple', ${tsQuery}) and ${where}
          order by m.message_id desc limit ${CANDIDATES})
        select *, message_id as row_key from (select distinct on (conversation_id) conversation_id, message_id, seq,
          -ts_rank(tsv, to_tsquery('simple', ${tsQuery})) as score from hits
          order by conversation_id, score, seq) best order by score, conversation_id limit ${s.limit}`
    : sql<Hit>`with hits as materialized (select m.rowid as row_key, m.conversation_id, m.message_id, m.seq,
          bm25(search_messages) as score from search_messages m cross join conversations c on c.id = m.conversation_id
          where search_messages match ${toSqliteMatch(s.tokens)} and ${where}
          order by m.rowid desc limit ${CANDIDATES})
        select conversation_id, message_id, seq, min(score) as score, row_key from hits
        group by conversation_id order by score, conversation_id limit ${s.limit}`;
  return (await query.execute(db)).rows;
}

async function profileHits(db: Db, s: ConversationSearch): Promise<(Hit & { doc: string })[]> {
  const where = visibleTo(s.viewerId, s.folder);
  const query = isPostgres(db)
    ? sql<Hit & { doc: string }>`select p.conversation_id, null as message_id, null as seq, p.doc,
        -ts_rank(p.tsv, q.query) as score
        from conversation_profiles p cross join to_tsquery('simple', ${toPostgresTsQuery(s.tokens)}) as q(query)
        join conversations c on c.id = p.conversation_id
        where p.tsv @@ q.query and ${where} order by score, p.conversation_id limit ${s.limit}`
    : sql<Hit & { doc: string }>`select p.conversation_id, null as message_id, null as seq, p.doc,
        bm25(conversation_profiles_fts) as score
        from conversation_profiles_fts f cross join conversation_profiles p on p.rowid = f.rowid
        cross join conversations c on c.id = p.conversation_id
        where conversation_profiles_fts match ${toSqliteMatch(s.tokens)} and ${where}
        order by score, p.conversation_id limit ${s.limit}`;
  return (await query.execute(db)).rows;
}

/** The indexed text of the hit messages, by key (an FTS5 lookup by rowid, or the primary key). */
async function messageTexts(db: Db, keys: (string | number)[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const list = sql.join(keys.map((key) => sql`${key}`));
  const { rows } = isPostgres(db)
    ? await sql<{ key: string; body: string }>`select message_id as key, body
        from search_messages where message_id in (${list})`.execute(db)
    : await sql<{ key: number; body: string }>`select rowid as key, body
        from search_messages where rowid in (${list})`.execute(db);
  return new Map(rows.map((r) => [String(r.key), r.body]));
}

export function createSearchStore(db: Db) {
  return {
    /**
     * Conversations the viewer may see matching every query word, best first: those whose person
     * (name, email, phone, panel, linked records) matches, then those with a matching message.
     */
    async searchConversations(s: ConversationSearch): Promise<ConversationMatch[]> {
      if (s.tokens.length === 0) return [];
      const [profiles, messages] = await Promise.all([profileHits(db, s), messageHits(db, s)]);
      const texts = await messageTexts(
        db,
        messages.map((m) => m.row_key ?? ''),
      );
      const seen = new Set<string>();
      const result: ConversationMatch[] = [];
      const hits: (Hit & { doc: string | null })[] = [
        ...profiles,
        ...messages.map((m) => ({ ...m, doc: null })),
      ];
      for (const h of hits) {
        if (seen.has(h.conversation_id) || result.length >= s.limit) continue;
        seen.add(h.conversation_id);
        const text = h.doc ?? texts.get(String(h.row_key)) ?? '';
        result.push({
          conversationId: h.conversation_id,
          field: h.doc === null ? 'message' : 'profile',
          messageId: h.message_id,
          seq: h.seq === null ? null : Number(h.seq),
          text,
          score: Number(h.score),
        });
      }
      return result;
    },

    async conversationsByIds(ids: string[]): Promise<ConversationRow[]> {
      if (ids.length === 0) return [];
      return db.selectFrom('conversations').selectAll().where('id', 'in', ids).execute();
    },

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
