import { randomBytes } from 'node:crypto';
import type { TestServer } from '../../test/harness';
import { newId } from '../../lib/ids';
import { createConversationsStore, type ConversationRow } from '../conversations/index';
import { createVisitorsStore } from '../visitors/index';

let visitorNumber = 5000;

/** A visitor row, as the widget's first contact leaves it. */
export async function seedVisitor(server: TestServer, at = Date.now()): Promise<string> {
  const id = newId();
  visitorNumber += 1;
  await createVisitorsStore(server.charla.services.database.db).insert({
    id,
    token_hash: randomBytes(16).toString('hex'),
    number: visitorNumber,
    created_at: at,
    last_seen_at: at,
    context: JSON.stringify({
      pageUrl: null,
      pageTitle: null,
      referrer: null,
      userAgent: null,
      language: null,
      timeZone: null,
      firstSeenAt: at,
      pagesSeen: [],
    }),
  });
  return id;
}

/**
 * A conversation written through the real conversations store (so its search index is kept by
 * the same transactions as in production), with `messages` visitor/user messages.
 */
export async function seedConversation(
  server: TestServer,
  options: {
    messages: string[];
    status: ConversationRow['status'];
    assigneeId?: string | null;
    visitorName?: string | null;
    at?: number;
    /** An existing visitor (another conversation of the same person); a new one when absent. */
    visitorId?: string;
  },
): Promise<string> {
  const db = server.charla.services.database.db;
  const store = createConversationsStore(db);
  const at = options.at ?? Date.now();
  const visitorId = options.visitorId ?? (await seedVisitor(server, at));
  const id = newId();
  await store.insert({
    id,
    visitor_id: visitorId,
    playbook_id: null,
    playbook_revision: null,
    status: 'waiting',
    close_reason: null,
    assignee_id: null,
    last_seq: 0,
    waiting_deadline: null,
    run_state: '{}',
    language: 'en',
    start_key: null,
    created_at: at,
    updated_at: at,
    waiting_since: at,
    assigned_at: null,
    closed_at: null,
    closed_by: null,
    last_message_at: at,
    last_message_preview: '',
    visitor_name: options.visitorName ?? null,
    visitor_email: null,
    search_text: (options.visitorName ?? '').toLowerCase(),
    offline_due: null,
    team_id: null,
    routing: null,
    watchdog_deadline: null,
    visitor_read_seq: 0,
    user_read_seq: 0,
    readers_rev: 0,
    labels_rev: 0,
  });
  for (const [i, text] of options.messages.entries()) {
    const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
    await store.appendMessage(
      {
        id: newId(),
        conversation_id: id,
        author_kind: i % 2 === 0 ? 'visitor' : 'user',
        author_id: null,
        author_name: 'x',
        author_avatar_url: null,
        client_msg_id: null,
        body: JSON.stringify(body),
        meta: null,
        created_at: at + i,
      },
      {},
      undefined,
      async () => undefined,
    );
  }
  const closed = options.status === 'closed';
  await store.update(id, {
    status: options.status,
    assignee_id: options.assigneeId ?? null,
    ...(closed ? { closed_at: at + options.messages.length, close_reason: 'closed_by_user' } : {}),
  });
  return id;
}
