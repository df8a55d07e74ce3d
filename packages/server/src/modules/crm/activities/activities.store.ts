import type { Db } from '../../../db/database';
import { reindexCrmRecord } from '../../search/index';
import type { CrmActivitiesTable } from '../../../db/schema.crm';
import { inRankOrder, rankedIds } from '../shared/crm-query.store';
import { createVersionedStore } from '../shared/versioned.store';

export type ActivityRow = CrmActivitiesTable;
export type ActivityListFilter = {
  /** The list page's search box: full-text, ranked (see rankedIds). */
  q?: string;
  type?: ActivityRow['type'];
  done?: boolean;
  assigneeId?: string;
  personId?: string;
  organizationId?: string;
  leadId?: string;
  dealId?: string;
  dueFrom?: number;
  dueBefore?: number;
  /** Only those with no due date. */
  undated?: boolean;
  afterId?: string;
  limit: number;
};

export function createActivitiesStore(db: Db) {
  return {
    ...createVersionedStore(db, 'crm_activities', (id) => reindexCrmRecord(db, 'activity', id)),
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
      const ranked = await rankedIds(db, 'activity', filter.q);
      if (ranked?.length === 0) return [];
      let query = db.selectFrom('crm_activities').selectAll();
      if (ranked) query = query.where('id', 'in', ranked);
      if (filter.type) query = query.where('type', '=', filter.type);
      if (filter.done !== undefined) query = query.where('done', '=', filter.done ? 1 : 0);
      if (filter.assigneeId) query = query.where('assignee_id', '=', filter.assigneeId);
      if (filter.personId) query = query.where('person_id', '=', filter.personId);
      if (filter.organizationId) query = query.where('organization_id', '=', filter.organizationId);
      if (filter.leadId) query = query.where('lead_id', '=', filter.leadId);
      if (filter.dealId) query = query.where('deal_id', '=', filter.dealId);
      if (filter.dueFrom !== undefined) query = query.where('due_at', '>=', filter.dueFrom);
      if (filter.dueBefore !== undefined) query = query.where('due_at', '<', filter.dueBefore);
      if (filter.undated) query = query.where('due_at', 'is', null);
      if (ranked) return inRankOrder(await query.execute(), ranked, filter.afterId, filter.limit);
      if (filter.afterId) query = query.where('id', '<', filter.afterId);
      return query
        .orderBy('id', 'desc')
        .limit(filter.limit + 1)
        .execute();
    },
  };
}
export type ActivitiesStore = ReturnType<typeof createActivitiesStore>;
