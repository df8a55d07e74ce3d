import type { Db } from '../../../db/database';
import type { CrmConversationPanelsTable } from '../../../db/schema.crm';
import { refreshConversationProfile } from '../../search/index';

export type PanelRow = CrmConversationPanelsTable;

export function createConversationPanelsStore(db: Db) {
  return {
    async find(conversationId: string): Promise<PanelRow | null> {
      return (
        (await db
          .selectFrom('crm_conversation_panels')
          .selectAll()
          .where('conversation_id', '=', conversationId)
          .executeTakeFirst()) ?? null
      );
    },
    /** Inserts or replaces the conversation's one panel record. */
    async save(row: PanelRow): Promise<void> {
      const { conversation_id: _id, ...rest } = row;
      await db
        .insertInto('crm_conversation_panels')
        .values(row)
        .onConflict((oc) => oc.column('conversation_id').doUpdateSet(rest))
        .execute();
      await refreshConversationProfile(db, row.conversation_id);
    },
  };
}
export type ConversationPanelsStore = ReturnType<typeof createConversationPanelsStore>;
