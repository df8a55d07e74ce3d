import type { Db } from '../../db/database';

/** Conversations by id, or every conversation carrying a label. */
export type RevisedConversations = { id: string } | { carrying: string };

/**
 * Counts a change of conversations' readers or labels on their rows, inside the change's
 * transaction: whoever remembers them by revision reads them again (issue 25, migration 0031).
 */
export async function countRevision(
  tx: Db,
  column: 'readers_rev' | 'labels_rev',
  conversations: RevisedConversations,
): Promise<void> {
  await tx
    .updateTable('conversations')
    .set((eb) => ({ [column]: eb(column, '+', 1) }))
    .where((eb) =>
      'id' in conversations
        ? eb('id', '=', conversations.id)
        : eb(
            'id',
            'in',
            eb
              .selectFrom('conversation_labels')
              .select('conversation_id')
              .where('label_id', '=', conversations.carrying),
          ),
    )
    .execute();
}
