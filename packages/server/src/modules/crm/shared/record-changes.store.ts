import type { Db } from '../../../db/database';
import type { CrmChangesTable, CrmEntityType } from '../../../db/schema.crm';

export type ChangeRow = CrmChangesTable;

/** The change history of CRM records (`crm_changes`). */
export function createRecordChangesStore(db: Db) {
  return {
    /** Call in the transaction of the change itself, so history and record never disagree. */
    async insert(rows: ChangeRow[]): Promise<void> {
      if (rows.length > 0) await db.insertInto('crm_changes').values(rows).execute();
    },
    /** Newest first, `limit + 1` rows, older than `beforeId` when given. */
    async list(
      entityType: CrmEntityType,
      entityId: string,
      beforeId: string | undefined,
      limit: number,
    ): Promise<ChangeRow[]> {
      let query = db
        .selectFrom('crm_changes')
        .selectAll()
        .where('entity_type', '=', entityType)
        .where('entity_id', '=', entityId);
      if (beforeId) query = query.where('id', '<', beforeId);
      return query
        .orderBy('id', 'desc')
        .limit(limit + 1)
        .execute();
    },
    async deleteFor(entityType: CrmEntityType, entityId: string): Promise<void> {
      await db
        .deleteFrom('crm_changes')
        .where('entity_type', '=', entityType)
        .where('entity_id', '=', entityId)
        .execute();
    },
  };
}
export type RecordChangesStore = ReturnType<typeof createRecordChangesStore>;
