import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { SearchData } from './search-data';

// Bulk seed for the search benchmark, written straight into the tables the search reads (the
// conversations, their profiles and the message index), the way the stores leave them. The
// `messages` table itself is not filled: search never reads it (the index holds the text).

export type SeedSize = { conversations: number; messages: number; users: string[] };

const START = Date.UTC(2025, 0, 1);
const CONTEXT = JSON.stringify({
  pageUrl: null,
  pageTitle: null,
  referrer: null,
  userAgent: null,
  language: null,
  timeZone: null,
  firstSeenAt: START,
  pagesSeen: [],
});

type Conversation = {
  id: string;
  visitorId: string;
  number: number;
  status: 'waiting' | 'assigned' | 'closed';
  assignee: string | null;
  at: number;
  name: string;
  email: string;
};

function conversationAt(i: number, data: SearchData, users: string[]): Conversation {
  const r = data.rand();
  const status = r < 0.7 ? 'closed' : r < 0.8 ? 'waiting' : 'assigned';
  const name = data.visitorName(i);
  return {
    id: `c${String(i).padStart(6, '0')}`,
    visitorId: `v${i}`,
    number: 1000 + i,
    status,
    assignee: status === 'assigned' ? (users[i % users.length] as string) : null,
    at: START + i * 60_000,
    name,
    email: `${name.split(' ')[0]?.toLowerCase()}${i}@example.com`,
  };
}

/** Every message as [conversation index, seq, text], in batches. */
function* messageBatches(size: SeedSize, data: SearchData, batch: number) {
  const perConversation = size.messages / size.conversations;
  let rows: [number, number, string][] = [];
  for (let c = 0; c < size.conversations; c += 1)
    for (let seq = 1; seq <= perConversation; seq += 1) {
      rows.push([c, seq, data.message()]);
      if (rows.length === batch) {
        yield rows;
        rows = [];
      }
    }
  if (rows.length > 0) yield rows;
}

export function seedSqlite(file: string, size: SeedSize, data: SearchData): void {
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const visitor = db.prepare(
    `insert into visitors (id, token_hash, number, created_at, last_seen_at, context) values (?, ?, ?, ?, ?, ?)`,
  );
  const conversation = db.prepare(
    `insert into conversations (id, visitor_id, status, assignee_id, run_state, created_at, updated_at, last_message_at, closed_at, visitor_name, visitor_email, search_text, last_seq) values (?, ?, ?, ?, '{}', ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const profile = db.prepare(
    `insert into conversation_profiles (conversation_id, display_name, display_email, doc, updated_at) values (?, ?, ?, ?, ?)`,
  );
  const profileFts = db.prepare(
    `insert into conversation_profiles_fts (rowid, doc) select rowid, doc from conversation_profiles where conversation_id = ?`,
  );
  const message = db.prepare(
    `insert into search_messages (body, conversation_id, message_id, seq) values (?, ?, ?, ?)`,
  );
  const perConversation = size.messages / size.conversations;
  const conversations: Conversation[] = [];
  db.transaction(() => {
    for (let i = 0; i < size.conversations; i += 1) {
      const c = conversationAt(i, data, size.users);
      conversations.push(c);
      visitor.run(c.visitorId, `t${i}`, c.number, c.at, c.at, CONTEXT);
      conversation.run(
        c.id,
        c.visitorId,
        c.status,
        c.assignee,
        c.at,
        c.at,
        c.at,
        c.status === 'closed' ? c.at : null,
        c.name,
        c.email,
        `${c.name} ${c.email}`.toLowerCase(),
        perConversation,
      );
      profile.run(c.id, c.name, c.email, `Visitor #${c.number}\n${c.name}\n${c.email}`, c.at);
      profileFts.run(c.id);
    }
  })();
  for (const rows of messageBatches(size, data, 50_000))
    db.transaction(() => {
      for (const [c, seq, text] of rows)
        message.run(text, conversations[c]?.id, `${conversations[c]?.id}-${seq}`, seq);
    })();
  db.exec(`insert into search_messages (search_messages) values ('optimize')`);
  db.close();
}

export async function seedPostgres(
  url: string,
  schema: string,
  size: SeedSize,
  data: SearchData,
): Promise<void> {
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await client.connect();
  const perConversation = size.messages / size.conversations;
  const cs = Array.from({ length: size.conversations }, (_, i) => conversationAt(i, data, size.users));
  const col = <T>(f: (c: Conversation) => T) => cs.map(f);
  await client.query(
    `insert into visitors (id, token_hash, number, created_at, last_seen_at, context)
     select v, 't' || v, n, a, a, $4 from unnest($1::text[], $2::int[], $3::bigint[]) as u(v, n, a)`,
    [col((c) => c.visitorId), col((c) => c.number), col((c) => c.at), CONTEXT],
  );
  await client.query(
    `insert into conversations (id, visitor_id, status, assignee_id, run_state, created_at, updated_at, last_message_at, closed_at, visitor_name, visitor_email, search_text, last_seq)
     select id, v, s, a, '{}', t, t, t, case when s = 'closed' then t end, nm, em, lower(nm || ' ' || em), $8
     from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::text[], $7::text[]) as u(id, v, s, a, t, nm, em)`,
    [
      col((c) => c.id),
      col((c) => c.visitorId),
      col((c) => c.status),
      col((c) => c.assignee),
      col((c) => c.at),
      col((c) => c.name),
      col((c) => c.email),
      perConversation,
    ],
  );
  await client.query(
    `insert into conversation_profiles (conversation_id, display_name, display_email, doc, updated_at)
     select id, nm, em, 'Visitor #' || n || chr(10) || nm || chr(10) || em, t
     from unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::bigint[]) as u(id, nm, em, n, t)`,
    [col((c) => c.id), col((c) => c.name), col((c) => c.email), col((c) => c.number), col((c) => c.at)],
  );
  for (const rows of messageBatches(size, data, 20_000)) {
    const ids = rows.map(([c]) => cs[c]?.id);
    await client.query(
      `insert into search_messages (message_id, conversation_id, seq, body)
       select c || '-' || s, c, s, b from unnest($1::text[], $2::int[], $3::text[]) as u(c, s, b)`,
      [ids, rows.map(([, seq]) => seq), rows.map(([, , text]) => text)],
    );
  }
  await client.query('vacuum analyze search_messages');
  await client.query('vacuum analyze conversation_profiles');
  await client.query('analyze conversations');
  await client.end();
}
