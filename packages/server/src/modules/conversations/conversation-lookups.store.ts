import { sql } from 'kysely';
import { readById } from '../../db/batched-reads';
import { compiledQuery } from '../../db/compiled-query';
import type { Db } from '../../db/database';
import type { TConversationDto } from '@charla/protocol';

/** Who may see a conversation now: the state R14's visibility depends on. */
export type ConversationState = { status: TConversationDto['status']; assigneeId: string | null };

/** Read for every notification (R14 at send time): compiled once (issue 25). */
const stateById = compiledQuery((db, slots: { id: string }) =>
  db.selectFrom('conversations').select(['id', 'status', 'assignee_id']).where('id', '=', slots.id),
);

/** PostgreSQL: the states asked in one turn of the event loop, in one statement (db/batched-reads.ts). */
const statesByIds = compiledQuery((db, slots: { ids: string[] }) =>
  db
    .selectFrom('conversations')
    .select(['id', 'status', 'assignee_id'])
    .where('id', '=', sql<string>`any(${slots.ids})`),
);

/**
 * Small read-only questions other modules ask about the `conversations` table, which this module
 * owns (eslint-rules/table-owners.js): notifications re-check visibility at send time, playbooks
 * keep a playbook that conversations still name.
 */
export function createConversationLookups(db: Db) {
  const stateRow = readById(db, stateById, statesByIds);
  return {
    async stateOf(conversationId: string): Promise<ConversationState | null> {
      const row = await stateRow(conversationId);
      return row ? { status: row.status, assigneeId: row.assignee_id } : null;
    },
    /** True when any conversation is pinned to this playbook. */
    async anyOnPlaybook(playbookId: string): Promise<boolean> {
      const row = await db
        .selectFrom('conversations')
        .select('id')
        .where('playbook_id', '=', playbookId)
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },
  };
}
export type ConversationLookups = ReturnType<typeof createConversationLookups>;
