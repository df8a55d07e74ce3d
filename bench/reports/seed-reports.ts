import SQLite from 'better-sqlite3';

// Bulk seed for the reports benchmark: a year of conversations with realistic timelines, written
// with prepared statements in one transaction (minutes → seconds). Deterministic (seeded PRNG).

const YEAR_START = Date.UTC(2025, 0, 1);
const DAY = 86_400_000;

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type SeedOptions = { conversations: number; messages: number; users: string[] };

type Rand = () => number;
type SeedEvent = {
  at: number;
  kind: 'system' | 'user' | 'visitor' | 'bot';
  author: string | null;
  meta: string | null;
};
type Outcome = { status: string; reason: string; assignee: string | null; closed: number | null };

const pickWith = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
const systemEvent = (at: number, event: object): SeedEvent => ({
  at,
  kind: 'system',
  author: null,
  meta: JSON.stringify({ event }),
});

/** A live chat request: missed, or taken (sometimes reassigned) and closed by the user, a few still open. */
function liveChat(rand: Rand, users: string[], created: number, events: SeedEvent[]): Outcome {
  const outcome: Outcome = {
    status: 'closed',
    reason: 'bot_ended',
    assignee: null,
    closed: created + 300_000,
  };
  const asked = created + 30_000;
  events.push(systemEvent(asked, { type: 'live_chat_requested' }));
  if (rand() < 0.2) {
    events.push(systemEvent(asked + 120_000, { type: 'missed' }));
    return { ...outcome, reason: 'missed' };
  }
  let assignee = pickWith(rand, users);
  const took = asked + Math.floor(5_000 + rand() * 300_000);
  events.push(systemEvent(took, { type: 'joined', userId: assignee, userName: 'x', avatarUrl: null }));
  if (rand() < 0.1) {
    const to = pickWith(rand, users);
    events.push(
      systemEvent(took + 60_000, {
        type: 'reassigned',
        byUserId: assignee,
        byName: 'x',
        toUserId: to,
        toName: 'x',
      }),
    );
    assignee = to;
  }
  const closed = took + Math.floor(rand() * 3_600_000);
  if (rand() < 0.03) return { status: 'assigned', reason: '', assignee, closed: null };
  return { status: 'closed', reason: 'closed_by_user', assignee, closed };
}

/** One conversation: when it started, what happened, and its messages in order. */
function conversationOf(rand: Rand, users: string[], perConversation: number) {
  // Busier on weekday afternoons, like a real site.
  const day = Math.floor(rand() * 365);
  const hour = rand() < 0.7 ? 9 + Math.floor(rand() * 9) : Math.floor(rand() * 24);
  const created = YEAR_START + day * DAY + hour * 3_600_000 + Math.floor(rand() * 3_600_000);
  const events: SeedEvent[] = [];
  const outcome: Outcome =
    rand() < 0.6
      ? liveChat(rand, users, created, events)
      : { status: 'closed', reason: 'bot_ended', assignee: null, closed: created + 300_000 };
  const last = outcome.closed ?? created + 3_600_000;
  while (events.length < perConversation) {
    const kind = outcome.assignee && rand() < 0.4 ? 'user' : rand() < 0.5 ? 'visitor' : 'bot';
    events.push({
      at: created + Math.floor(rand() * (last - created)),
      kind,
      author: kind === 'user' ? outcome.assignee : null,
      meta: null,
    });
  }
  events.sort((a, b) => a.at - b.at);
  return { created, events, last, ...outcome };
}

function prepare(db: SQLite.Database) {
  const now = YEAR_START;
  db.prepare(
    `insert into visitors (id, token_hash, number, created_at, last_seen_at, context) values ('bench-v', 'bench', 1, ?, ?, '{}')`,
  ).run(now, now);
  for (const id of ['bench-pb-1', 'bench-pb-2', 'bench-pb-3'])
    db.prepare(
      `insert into playbooks (id, public_id, name, status, revision, document, allowed_origins, created_at, updated_at) values (?, ?, ?, 'active', 1, '{}', '[]', ?, ?)`,
    ).run(id, `pub-${id}`, `Playbook ${id.slice(-1)}`, now, now);
  return {
    conv: db.prepare(
      `insert into conversations (id, visitor_id, playbook_id, status, close_reason, assignee_id, run_state, created_at, updated_at, closed_at, last_message_at) values (?, 'bench-v', ?, ?, ?, ?, '{}', ?, ?, ?, ?)`,
    ),
    msg: db.prepare(
      `insert into messages (id, conversation_id, seq, author_kind, author_id, author_name, body, meta, created_at) values (?, ?, ?, ?, ?, 'x', '{"type":"doc","content":[]}', ?, ?)`,
    ),
    rating: db.prepare(
      `insert into conversation_ratings (conversation_id, visitor_id, scale, score, comment, created_at, updated_at) values (?, 'bench-v', 'stars', ?, ?, ?, ?)`,
    ),
  };
}

export function seedReports(file: string, options: SeedOptions): { conversations: number; messages: number } {
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const rand = prng(21);
  const { conv, msg, rating } = prepare(db);
  const perConversation = Math.max(4, Math.round(options.messages / options.conversations));
  let messages = 0;
  const insertAll = db.transaction(() => {
    for (let i = 0; i < options.conversations; i += 1) {
      const id = `bc-${i}`;
      const c = conversationOf(rand, options.users, perConversation);
      const playbook = pickWith(rand, ['bench-pb-1', 'bench-pb-2', 'bench-pb-3']);
      conv.run(id, playbook, c.status, c.reason || null, c.assignee, c.created, c.last, c.closed, c.last);
      c.events.forEach((e, seq) => msg.run(`${id}-${seq + 1}`, id, seq + 1, e.kind, e.author, e.meta, e.at));
      messages += c.events.length;
      if (c.closed && c.assignee && rand() < 0.25)
        rating.run(
          id,
          1 + Math.floor(rand() * 5),
          rand() < 0.3 ? 'Thanks!' : null,
          c.closed + 60_000,
          c.closed + 60_000,
        );
    }
  });
  insertAll();
  db.exec('analyze');
  db.close();
  return { conversations: options.conversations, messages };
}
