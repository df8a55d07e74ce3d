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
  /** Only conversations carrying this label (issue 16). */
  labelId?: string | undefined;
  limit: number;
};

/** The best match of one conversation, with the conversation's row; lower `score` ranks higher. */
export type ConversationMatch = {
  conversationId: string;
  field: 'message' | 'profile';
  messageId: string | null;
  seq: number | null;
  text: string;
  score: number;
  row: ConversationRow;
};

/**
 * R14 in SQL, on a column holding conversation ids: only conversations in the viewer's folders
 * (waiting, closed, or assigned to the viewer) and those a mention lets them read (R29),
 * narrowed to one folder when asked. Without a
 * folder it excludes the few conversations assigned to someone else (a small hashed set, read
 * once through the status index) instead of looking up the conversation of every match.
 */
function visibleIds(column: RawBuilder<unknown>, s: ConversationSearch) {
  const visible = visibleInFolder(column, s.viewerId, s.folder);
  if (s.labelId === undefined) return visible;
  return sql`${visible} and ${column} in (select cl.conversation_id from conversation_labels cl
    where cl.label_id = ${s.labelId})`;
}

function visibleInFolder(column: RawBuilder<unknown>, viewerId: string, folder: TFolder | undefined) {
  // A private note's mention lets its user read that one conversation (R29): found without a
  // folder (it is in none of theirs), never in one.
  if (folder === undefined)
    return sql`(${column} not in (select h.id from conversations h
      where h.status = 'assigned' and (h.assignee_id is null or h.assignee_id <> ${viewerId}))
      or ${column} in (select r.conversation_id from conversation_readers r where r.user_id = ${viewerId}))`;
  const status =
    folder === 'unassigned'
      ? sql`v.status = 'waiting'`
      : folder === 'closed'
        ? sql`v.status = 'closed'`
        : sql`v.status = 'assigned' and v.assignee_id = ${viewerId}`;
  return sql`${column} in (select v.id from conversations v where ${status})`;
}

/**
 * Only the newest matching messages the viewer may see are ranked, at most this many (ids and
 * FTS5 rowids grow with time): a word found in half the messages then costs about what a rare
 * one does. SQLite's FTS5 walks its index newest first and stops; PostgreSQL walks its primary
 * key backwards until it has them, so for a word in 1% of messages this is the number of rows it
 * reads ×100 (500 cost 50–80 ms under load at 1,000,000 messages; 200 cost 5–20 ms). 200 messages
 * still fill a page of 20 conversations with the best of their recent mentions.
 */
const CANDIDATES = 200;

/** Hit columns are prefixed, so `c.*` (the conversation row) rides along without clashes. */
type HitRow = ConversationRow & {
  hit_conversation_id: string;
  hit_message_id: string | null;
  hit_seq: number | string | null;
  hit_score: number | string;
  hit_text: string;
};

/*
 * One best message per conversation, best conversations first; the message's text and the
 * conversation's row are read for the returned page only. SQLite: the FTS5 table is the outer
 * loop, walked newest first (ORDER BY rowid DESC stops after CANDIDATES), and min() takes the
 * other columns from the row with the minimum. PostgreSQL picks, from its statistics, between the
 * GIN index plus a top-N sort and a backward walk of the primary key stopping at the newest
 * matches; DISTINCT ON keeps each conversation's best.
 */
function messageHits(db: Db, s: ConversationSearch): RawBuilder<HitRow> {
  if (isPostgres(db)) {
    const q = sql`to_tsquery('simple', ${toPostgresTsQuery(s.tokens)})`;
    return sql<HitRow>`with hits as materialized (select m.conversation_id, m.message_id, m.seq, m.tsv
        from search_messages m where m.tsv @@ ${q} and ${visibleIds(sql`m.conversation_id`, s)}
        order by m.message_id desc limit ${CANDIDATES}),
      best as (select distinct on (conversation_id) conversation_id, message_id, seq,
        -ts_rank(tsv, ${q}) as score from hits order by conversation_id, score, seq),
      page as (select * from best order by score, conversation_id limit ${s.limit})
      select c.*, p.conversation_id as hit_conversation_id, p.message_id as hit_message_id,
        p.seq as hit_seq, p.score as hit_score, t.body as hit_text
      from page p join search_messages t on t.message_id = p.message_id
      join conversations c on c.id = p.conversation_id order by p.score, p.conversation_id`;
  }
  return sql<HitRow>`with hits as materialized (select m.rowid as row_key, m.conversation_id,
        m.message_id, m.seq, bm25(search_messages) as score from search_messages m
        where search_messages match ${toSqliteMatch(s.tokens)}
        and ${visibleIds(sql`m.conversation_id`, s)}
        order by m.rowid desc limit ${CANDIDATES}),
      page as materialized (select conversation_id, message_id, seq, min(score) as score, row_key
        from hits group by conversation_id order by score, conversation_id limit ${s.limit})
      select c.*, p.conversation_id as hit_conversation_id, p.message_id as hit_message_id,
        p.seq as hit_seq, p.score as hit_score, t.body as hit_text
      from page p cross join search_messages t on t.rowid = p.row_key
      cross join conversations c on c.id = p.conversation_id order by p.score, p.conversation_id`;
}

/** Conversations whose person (profile document) matches, best first. */
function profileHits(db: Db, s: ConversationSearch): RawBuilder<HitRow> {
  const columns = sql`c.*, p.conversation_id as hit_conversation_id, null as hit_message_id,
    null as hit_seq, p.doc as hit_text`;
  return isPostgres(db)
    ? sql<HitRow>`select ${columns}, -ts_rank(p.tsv, q.query) as hit_score
        from conversation_profiles p cross join to_tsquery('simple', ${toPostgresTsQuery(s.tokens)}) as q(query)
        join conversations c on c.id = p.conversation_id
        where p.tsv @@ q.query and ${visibleIds(sql`p.conversation_id`, s)}
        order by hit_score, p.conversation_id limit ${s.limit}`
    : sql<HitRow>`select ${columns}, bm25(conversation_profiles_fts) as hit_score
        from conversation_profiles_fts f cross join conversation_profiles p on p.rowid = f.rowid
        cross join conversations c on c.id = p.conversation_id
        where conversation_profiles_fts match ${toSqliteMatch(s.tokens)}
        and ${visibleIds(sql`p.conversation_id`, s)}
        order by hit_score, p.conversation_id limit ${s.limit}`;
}

function toMatch(hit: HitRow, field: ConversationMatch['field']): ConversationMatch {
  const { hit_conversation_id, hit_message_id, hit_seq, hit_score, hit_text, ...row } = hit;
  return {
    conversationId: hit_conversation_id,
    field,
    messageId: hit_message_id,
    seq: hit_seq === null ? null : Number(hit_seq),
    text: hit_text,
    score: Number(hit_score),
    row,
  };
}

/**
 * Conversations the viewer may see matching every query word, best first: those whose person
 * (name, email, phone, panel, linked records) matches, then those with a matching message. One
 * query each (run side by side on PostgreSQL's pool), each returning the page's rows whole.
 */
export async function searchConversations(db: Db, s: ConversationSearch): Promise<ConversationMatch[]> {
  if (s.tokens.length === 0) return [];
  const [profiles, messages] = await Promise.all([
    profileHits(db, s).execute(db),
    messageHits(db, s).execute(db),
  ]);
  const seen = new Set<string>();
  const result: ConversationMatch[] = [];
  const hits = [
    ...profiles.rows.map((h) => toMatch(h, 'profile')),
    ...messages.rows.map((h) => toMatch(h, 'message')),
  ];
  for (const hit of hits) {
    if (seen.has(hit.conversationId) || result.length >= s.limit) continue;
    seen.add(hit.conversationId);
    result.push(hit);
  }
  return result;
}
