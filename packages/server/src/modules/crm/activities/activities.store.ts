import type { Db } from '../../../db/database';
import { reindexCrmRecord } from '../../search/crm-index.store';
import type { CrmActivitiesTable } from '../../../db/schema.crm';
import { matchesSearch } from '../shared/crm-query.store';
import type { CrmSearch } from '../shared/crm-search.util';

export type ActivityRow = CrmActivitiesTable;
export type ActivityListFilter = {
  search?: CrmSearch;
  type?: ActivityRow['type'];
  done?: boolean;
  assigneeId?: string;
  personId?: string;
  organizationId?: string;
  leadId?: string;
  dealId?: string;
  afterId?: string;
  limit: number;
};

export function createActivitiesStore(db: Db) {
  return {
    async insert(row: ActivityRow): Promise<void> {
      await db.insertInto('crm_activities').values(row).execute();
      await reindexCrmRecord(db, 'activity', row.id);
    },
    async findById(id: string): Promise<ActivityRow | null> {
      return (
        (await db.selectFrom('crm_activities').selectAll().where('id', '=', id).executeTakeFirst()) ?? null
      );
    },
    /** Applies `patch` and adds one to the version; only while the version is `expectedVersion` when given. */
    async update(
      id: string,
      patch: Partial<Omit<ActivityRow, 'id' | 'created_at' | 'source' | 'version'>>,
      expectedVersion?: number,
    ): Promise<boolean> {
      let query = db
        .updateTable('crm_activities')
        .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
        .where('id', '=', id);
      if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
      const updated = Number((await query.executeTakeFirst()).numUpdatedRows) === 1;
      if (updated) await reindexCrmRecord(db, 'activity', id);
      return updated;
    },
    /** Conversion: the lead's activities also belong to the deal it became. */
    async attachLeadActivitiesToDeal(leadId: string, dealId: string, now: number): Promise<void> {
      await db
        .updateTable('crm_activities')
        .set({ deal_id: dealId, updated_at: now })
        .where('lead_id', '=', leadId)
        .where('deal_id', 'is', null)
        .execute();
    },
    async delete(id: string): Promise<void> {
      await db.deleteFrom('crm_activities').where('id', '=', id).execute();
      await reindexCrmRecord(db, 'activity', id);
    },
    async list(filter: ActivityListFilter): Promise<ActivityRow[]> {
      let query = db.selectFrom('crm_activities').selectAll();
      if (filter.search) query = query.where(matchesSearch('search_text', filter.search));
      if (filter.type) query = query.where('type', '=', filter.type);
      if (filter.done !== undefined) query = query.where('done', '=', filter.done ? 1 : 0);
      if (filter.assigneeId) query = query.where('assignee_id', '=', filter.assigneeId);
      if (filter.personId) query = query.where('person_id', '=', filter.personId);
      if (filter.organizationId) query = query.where('organization_id', '=', filter.organizationId);
      if (filter.leadId) query = query.where('lead_id', '=', filter.leadId);
      if (filter.dealId) query = query.where('deal_id', '=', filter.dealId);
      if (filter.afterId) query = query.where('id', '<', filter.afterId);
      return query
        .orderBy('id', 'desc')
        .limit(filter.limit + 1)
        .execute();
    },
  };
}
export type ActivitiesStore = ReturnType<typeof createActivitiesStore>;
