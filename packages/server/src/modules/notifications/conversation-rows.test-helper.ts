import { randomBytes } from 'node:crypto';
// eslint-disable-next-line no-restricted-imports -- a test fixture; raw SQL survives schema changes in the conversations module
import { sql } from 'kysely';
import type { Db } from '../../db/database';
import { newId } from '../../lib/ids';

/**
 * Inserts a bare visitor + conversation row so the send-time visibility re-check has something to
 * read; raw SQL keeps it independent of the conversations module, which is being written.
 */
export async function insertConversationRow(
  db: Db,
  state: { status: 'bot' | 'waiting' | 'assigned' | 'closed'; assigneeId: string | null },
): Promise<string> {
  const visitorId = newId();
  const id = newId();
  const now = Date.now();
  await sql`insert into visitors (id, token_hash, number, created_at, last_seen_at, context) values (${visitorId}, ${randomBytes(16).toString('hex')}, ${Math.floor(Math.random() * 1e6)}, ${now}, ${now}, ${'{}'})`.execute(
    db,
  );
  await sql`insert into conversations (id, visitor_id, status, assignee_id, run_state, created_at, updated_at, last_message_at) values (${id}, ${visitorId}, ${state.status}, ${state.assigneeId}, ${'{}'}, ${now}, ${now}, ${now})`.execute(
    db,
  );
  return id;
}

export async function setConversationState(
  db: Db,
  id: string,
  state: { status: 'bot' | 'waiting' | 'assigned' | 'closed'; assigneeId: string | null },
): Promise<void> {
  await sql`update conversations set status = ${state.status}, assignee_id = ${state.assigneeId} where id = ${id}`.execute(
    db,
  );
}
