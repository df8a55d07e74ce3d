import type { TAgentServerFrame, TVisitorServerFrame } from '@charla/protocol';
import { listTables } from '../db/list-tables';
import type { TestServer, TestUser } from '../test/harness';
import { connectVisitor, newClientId, type FrameClient } from '../test/visitor-client';

export type Visitor = Awaited<ReturnType<typeof connectVisitor>>;

/** A concrete id for a route parameter nobody owns. */
export const UNKNOWN_ID = '01900000-0000-7000-8000-000000000000';

// Tables whose rows change on reads (session touch, presence heartbeats, the reports' derived
// rows that a background job keeps up to date) or that only the migrator writes: left out of
// "nothing changed" snapshots.
const VOLATILE_TABLES = new Set([
  'sessions',
  'presence',
  'user_presence',
  'report_facts',
  'report_fact_users',
  'kysely_migration',
  'kysely_migration_lock',
]);

/**
 * Every row of every table (except volatile ones), as one comparable string: the proof that a
 * refused request wrote nothing.
 */
export async function snapshotDatabase(server: TestServer): Promise<Record<string, string>> {
  const { database, search } = server.charla.services;
  const db = database.db;
  // SQLite indexes stored messages for search in batches (issue 25): each snapshot first indexes
  // what is queued, so the background job has nothing left to change between two snapshots and
  // the index is compared like every other table.
  await search.indexQueuedMessages();
  const tables = (await listTables(database)).filter(
    (name) => !VOLATILE_TABLES.has(name) && !name.startsWith('kysely_'),
  );
  const out: Record<string, string> = {};
  for (const table of tables.sort()) {
    // (Introspected names are not in the typed schema; the cast only names a table type, the query is generic.)
    const rows = (await db
      .selectFrom(table as 'users')
      .selectAll()
      .execute()) as unknown as Record<string, unknown>[];
    out[table] = JSON.stringify(rows.map((r) => JSON.stringify(r)).sort());
  }
  return out;
}

/** Starts a conversation as the widget does (start frame with a fresh startKey). */
export async function startChat(
  visitor: Visitor,
  publicId: string,
  context: Record<string, string> = {},
): Promise<string> {
  const ref = `start-${newClientId()}`;
  visitor.client.send({
    type: 'start',
    ref,
    playbookId: publicId,
    startKey: newClientId(),
    context: { pageUrl: 'https://www.customer.example/pricing', ...context },
  });
  const frame = await visitor.client.waitFor(
    (f): f is Extract<TVisitorServerFrame, { type: 'conversation' }> =>
      f.type === 'conversation' && f.ref === ref,
  );
  return frame.conversation.id;
}

/** Clicks "talk to someone" in the Live chat template: the conversation waits in Unassigned. */
export async function requestLiveChat(visitor: Visitor, conversationId: string): Promise<void> {
  const ref = `talk-${newClientId()}`;
  visitor.client.send({
    type: 'answer',
    ref,
    conversationId,
    clientMsgId: newClientId(),
    answer: { kind: 'button', optionId: 'talk' },
  });
  await visitor.client.waitFor((f) => f.type === 'ack' && f.ref === ref);
  await visitor.client.waitFor(
    (f) =>
      f.type === 'conversation' &&
      f.conversation.id === conversationId &&
      f.conversation.status === 'waiting',
  );
}

/** A new visitor whose conversation is assigned to `owner` (who must be online). */
export async function assignedConversation(
  server: TestServer,
  baseUrl: string,
  publicId: string,
  owner: TestUser,
): Promise<{ visitor: Visitor; conversationId: string }> {
  const visitor = await connectVisitor(baseUrl);
  const conversationId = await startChat(visitor, publicId);
  await requestLiveChat(visitor, conversationId);
  const assigned = await server.request({
    method: 'POST',
    url: `/api/v1/conversations/${conversationId}/assign`,
    as: owner,
  });
  if (assigned.statusCode !== 200) throw new Error(`assign: ${assigned.statusCode} ${assigned.body}`);
  return { visitor, conversationId };
}

export function errorCode(res: { json<T>(): T }): string | undefined {
  try {
    return res.json<{ error?: { code?: string } }>().error?.code;
  } catch {
    return undefined;
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Frames an agent socket received about one conversation. */
export function framesAbout(
  client: FrameClient<TAgentServerFrame>,
  conversationId: string,
): TAgentServerFrame[] {
  return client.frames.filter((f) => {
    if (f.type === 'conversation') return f.conversation.id === conversationId;
    if (f.type === 'message') return f.message.conversationId === conversationId;
    if (
      f.type === 'messages' ||
      f.type === 'typing' ||
      f.type === 'read' ||
      f.type === 'conversation_removed'
    )
      return f.conversationId === conversationId;
    if (f.type === 'notification') return f.notification.conversationId === conversationId;
    return false;
  });
}
