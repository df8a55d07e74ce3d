import type { Db } from '../../db/database';
import type { ConversationsTable } from '../../db/schema';

/** Who moves a read position: the conversation's visitor, or a user who may see it (R14). */
export type ReadMover = { visitorId: string } | { userId: string };

/** What a moved read position tells: who may see the conversation now (with its revisions). */
type ReadState = Pick<
  ConversationsTable,
  'status' | 'assignee_id' | 'visitor_id' | 'readers_rev' | 'labels_rev'
>;

export function createReadPositionsStore(db: Db) {
  return {
    /**
     * Moves a read position forward (never back, never past the last message). When it moved:
     * who may see the conversation as it is at that moment; null when it did not.
     */
    async setReadSeq(
      id: string,
      side: 'visitor' | 'user',
      seq: number,
      by: ReadMover,
    ): Promise<ReadState | null> {
      const column = side === 'visitor' ? 'visitor_read_seq' : 'user_read_seq';
      let update = db
        .updateTable('conversations')
        .set({ [column]: seq })
        .where('id', '=', id)
        .where(column, '<', seq)
        .where('last_seq', '>=', seq);
      if ('visitorId' in by) update = update.where('visitor_id', '=', by.visitorId);
      // R14 as `canUserSee` (protocol) decides it without note readers: not assigned, or mine.
      else
        update = update.where((eb) =>
          eb.or([eb('status', '<>', 'assigned'), eb('assignee_id', '=', by.userId)]),
        );
      const moved = await update
        .returning(['status', 'assignee_id', 'visitor_id', 'readers_rev', 'labels_rev'])
        .executeTakeFirst();
      return moved ?? null;
    },
  };
}
