import type { Db } from '../../../db/database';
import { reindexCrmRecord } from '../../search/index';
import type { CrmLeadsTable } from '../../../db/schema.crm';
import { inRankOrder, rankedIds } from '../shared/crm-query.store';
import { createVersionedStore } from '../shared/versioned.store';

export type LeadRow = CrmLeadsTable;
export type LeadListFilter = {
  /** The list page's search box: full-text, ranked (see rankedIds). */
  q?: string;
  status?: LeadRow['status'];
  ownerId?: string;
  personId?: string;
  organizationId?: string;
  afterId?: string;
  limit: number;
};

export function createLeadsStore(db: Db) {
  return {
    ...createVersionedStore(db, 'crm_leads', (id) => reindexCrmRecord(db, 'lead', id)),
    /** Marks an open lead converted; false when it was not open any more (a concurrent conversion won). */
    async markConverted(id: string, dealId: string, now: number): Promise<boolean> {
      const result = await db
        .updateTable('crm_leads')
        .set((eb) => ({
          status: 'converted',
          converted_deal_id: dealId,
          updated_at: now,
          version: eb('version', '+', 1),
        }))
        .where('id', '=', id)
        .where('status', '=', 'open')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async delete(id: string): Promise<void> {
      await db.deleteFrom('crm_leads').where('id', '=', id).execute();
      await reindexCrmRecord(db, 'lead', id);
    },
    async list(filter: LeadListFilter): Promise<LeadRow[]> {
      const ranked = await rankedIds(db, 'lead', filter.q);
      if (ranked?.length === 0) return [];
      let query = db.selectFrom('crm_leads').selectAll();
      if (ranked) query = query.where('id', 'in', ranked);
      if (filter.status) query = query.where('status', '=', filter.status);
      if (filter.ownerId) query = query.where('owner_id', '=', filter.ownerId);
      if (filter.personId) query = query.where('person_id', '=', filter.personId);
      if (filter.organizationId) query = query.where('organization_id', '=', filter.organizationId);
      if (ranked) return inRankOrder(await query.execute(), ranked, filter.afterId, filter.limit);
      if (filter.afterId) query = query.where('id', '<', filter.afterId);
      return query
        .orderBy('id', 'desc')
        .limit(filter.limit + 1)
        .execute();
    },
  };
}
export type LeadsStore = ReturnType<typeof createLeadsStore>;
