import { sql, type RawBuilder } from 'kysely';
import type { TFolder } from '@charla/protocol';
import type { Db } from '../../db/database';
import type { ConversationRow } from '../conversations/conversations.store';
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

type Hit = { conversation_id: string; message_id: string | null; seq: number | null; score: number };

async function messageHits(db: Db, s: ConversationSearch): Promise<Hit[]> {
  const where = visibleTo(s.viewerId, s.folder);
  // One best message per conversation, best conversations first. SQLite's min() takes the other
  // columns from the row with the minimum; PostgreSQL says so with DISTINCT ON.
  const query = isPostgres(db)
    ? sql<Hit>`select * from (select distinct on (m.conversation_id) m.conversation_id, m.message_id, m.seq,
        -ts_rank(m.tsv, q.query) as score
        from search_messages m cross join to_tsquery('simple', ${toPostgresTsQuery(s.tokens)}) as q(query)
        join conversations c on c.id = m.conversation_id
        where m.tsv @@ q.query and ${where}
        order by m.conversation_id, score, m.seq) best order by score, conversation_id limit ${s.limit}`
    : sql<Hit>`with hits as materialized (select conversation_id, message_id, seq, bm25(search_messages) as score
          from search_messages where search_messages match ${toSqliteMatch(s.tokens)})
        select h.conversation_id, h.message_id, h.seq, min(h.score) as score
        from hits h join conversations c on c.id = h.conversation_id where ${where}
        group by h.conversation_id order by score, h.conversation_id limit ${s.limit}`;
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
        from conversation_profiles_fts f join conversation_profiles p on p.rowid = f.rowid
        join conversations c on c.id = p.conversation_id
        where conversation_profiles_fts match ${toSqliteMatch(s.tokens)} and ${where}
        order by score, p.conversation_id limit ${s.limit}`;
  return (await query.execute(db)).rows;
}

async function messageTexts(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const list = sql.join(ids.map((id) => sql`${id}`));
  const { rows } = await sql<{ message_id: string; body: string }>`select message_id, body
    from search_messages where message_id in (${list})`.execute(db);
  return new Map(rows.map((r) => [r.message_id, r.body]));
}

export function createSearchStore(db: Db) {
  return {
    /**
     * Conversations the viewer may see matching every query word, best first: those whose person
     * (name, email, phone, panel, linked records) matches, then those with a matching message.
     */
    async searchConversations(s: ConversationSearch): Promise<ConversationMatch[]> {
      if (s.tokens.length === 0) return [];
      const profiles = await profileHits(db, s);
      const messages = await messageHits(db, s);
      const texts = await messageTexts(
        db,
        messages.map((m) => m.message_id ?? ''),
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
        const text = h.doc ?? texts.get(h.message_id ?? '') ?? '';
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
            from crm_search_fts f join crm_search_docs d on d.rowid = f.rowid
            where crm_search_fts match ${toSqliteMatch(s.tokens)} and ${type}
            order by score, d.updated_at desc limit ${s.limit}`;
      return (await query.execute(db)).rows.map((r) => ({ ...r, score: Number(r.score) }));
    },
  };
}
export type SearchStore = ReturnType<typeof createSearchStore>;
