import { sql } from 'kysely';
import { readById } from '../../db/batched-reads';
import { compiledQuery } from '../../db/compiled-query';
import type { Db } from '../../db/database';
import type { ConversationsTable, MessagesTable } from '../../db/schema';
import { refreshConversationProfile } from '../search/index';
import { createDeadlinesStore } from './deadlines.store';
import { createFoldersStore } from './folders.store';
import { createReadPositionsStore } from './read-positions.store';
import { createReadersStore } from './readers.store';
import { createTimelineStore, touchesIdentity } from './timeline.store';

export type { ExpectedState, WithinChange } from './timeline.store';
export type { FolderPageQuery } from './folders.store';
export type { ReadMover } from './read-positions.store';

export type ConversationRow = ConversationsTable;
export type MessageRow = MessagesTable;
export type NewMessage = Omit<MessageRow, 'seq'>;

/** Read before every chat message: compiled once (issue 25). */
const conversationById = compiledQuery((db, slots: { id: string }) =>
  db.selectFrom('conversations').selectAll().where('id', '=', slots.id),
);

/** PostgreSQL: the rows asked in one turn of the event loop, in one statement (db/batched-reads.ts). */
const conversationsByIds = compiledQuery((db, slots: { ids: string[] }) =>
  db
    .selectFrom('conversations')
    .selectAll()
    .where('id', '=', sql<string>`any(${slots.ids})`),
);

export function createConversationsStore(db: Db) {
  const byId = readById(db, conversationById, conversationsByIds);
  return {
    ...createTimelineStore(db),
    ...createFoldersStore(db),
    ...createDeadlinesStore(db),
    ...createReadersStore(db),
    ...createReadPositionsStore(db),

    async findById(id: string): Promise<ConversationRow | null> {
      return (await byId(id)) ?? null;
    },

    async findByStartKey(visitorId: string, startKey: string): Promise<ConversationRow | null> {
      return (
        (await db
          .selectFrom('conversations')
          .selectAll()
          .where('visitor_id', '=', visitorId)
          .where('start_key', '=', startKey)
          .executeTakeFirst()) ?? null
      );
    },

    async listForVisitor(visitorId: string, limit: number): Promise<ConversationRow[]> {
      return db
        .selectFrom('conversations')
        .selectAll()
        .where('visitor_id', '=', visitorId)
        .orderBy('created_at', 'desc')
        .limit(limit)
        .execute();
    },

    /** Compare-and-set on the playbook run state (its JSON text), so two answers never both apply. */
    async updateRunState(
      id: string,
      expectedRunState: string,
      patch: Partial<ConversationRow>,
    ): Promise<boolean> {
      const write = async (q: Db): Promise<boolean> => {
        const result = await q
          .updateTable('conversations')
          .set(patch)
          .where('id', '=', id)
          .where('run_state', '=', expectedRunState)
          .executeTakeFirst();
        const updated = Number(result.numUpdatedRows) === 1;
        if (updated && touchesIdentity(patch)) await refreshConversationProfile(q, id);
        return updated;
      };
      return touchesIdentity(patch) ? db.transaction().execute(write) : write(db);
    },

    async update(id: string, patch: Partial<ConversationRow>): Promise<void> {
      if (!touchesIdentity(patch)) {
        await db.updateTable('conversations').set(patch).where('id', '=', id).execute();
        return;
      }
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('conversations').set(patch).where('id', '=', id).execute();
        await refreshConversationProfile(trx, id);
      });
    },
  };
}
export type ConversationsStore = ReturnType<typeof createConversationsStore>;
