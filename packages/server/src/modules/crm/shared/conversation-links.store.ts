import type { Db } from '../../../db/database';
import type { CrmEntityType } from '../../../db/schema.crm';
import { refreshConversationProfile } from '../../search/index';

export function createConversationLinksStore(db: Db) {
  return {
    /** Links a record to a conversation; linking twice is a no-op. */
    async link(
      conversationId: string,
      entityType: CrmEntityType,
      entityId: string,
      now: number,
    ): Promise<void> {
      await db
        .insertInto('crm_conversation_links')
        .values({
          conversation_id: conversationId,
          entity_type: entityType,
          entity_id: entityId,
          created_at: now,
        })
        .onConflict((oc) => oc.columns(['conversation_id', 'entity_type', 'entity_id']).doNothing())
        .execute();
      if (entityType === 'person' || entityType === 'organization')
        await refreshConversationProfile(db, conversationId);
    },
    /** Conversation ids per record id, oldest link first. */
    async conversationIdsFor(entityType: CrmEntityType, entityIds: string[]): Promise<Map<string, string[]>> {
      const result = new Map<string, string[]>();
      if (entityIds.length === 0) return result;
      const rows = await db
        .selectFrom('crm_conversation_links')
        .select(['entity_id', 'conversation_id'])
        .where('entity_type', '=', entityType)
        .where('entity_id', 'in', entityIds)
        .orderBy('created_at')
        .orderBy('conversation_id')
        .execute();
      for (const row of rows)
        result.set(row.entity_id, [...(result.get(row.entity_id) ?? []), row.conversation_id]);
      return result;
    },
    async entityIdsOf(conversationId: string, entityType: CrmEntityType): Promise<string[]> {
      const rows = await db
        .selectFrom('crm_conversation_links')
        .select('entity_id')
        .where('conversation_id', '=', conversationId)
        .where('entity_type', '=', entityType)
        .orderBy('created_at')
        .orderBy('entity_id')
        .execute();
      return rows.map((r) => r.entity_id);
    },
    async unlinkEntity(entityType: CrmEntityType, entityId: string): Promise<void> {
      const linked = await db
        .selectFrom('crm_conversation_links')
        .select('conversation_id')
        .where('entity_type', '=', entityType)
        .where('entity_id', '=', entityId)
        .execute();
      await db
        .deleteFrom('crm_conversation_links')
        .where('entity_type', '=', entityType)
        .where('entity_id', '=', entityId)
        .execute();
      for (const { conversation_id } of linked) await refreshConversationProfile(db, conversation_id);
    },
  };
}
export type ConversationLinksStore = ReturnType<typeof createConversationLinksStore>;
