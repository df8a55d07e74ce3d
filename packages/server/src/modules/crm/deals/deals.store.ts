import type { Db } from '../../../db/database';
import { reindexCrmRecord } from '../../search/index';
import type { CrmDealsTable } from '../../../db/schema.crm';
import { inRankOrder, rankedIds } from '../shared/crm-query.store';
import { createVersionedStore } from '../shared/versioned.store';

export type DealRow = CrmDealsTable;
export type DealListFilter = {
  /** The list page's search box: full-text, ranked (see rankedIds). */
  q?: string;
  status?: DealRow['status'];
  ownerId?: string;
  pipelineId?: string;
  stageId?: string;
  personId?: string;
  organizationId?: string;
  afterId?: string;
  limit: number;
};

export function createDealsStore(db: Db) {
  return {
    ...createVersionedStore(db, 'crm_deals', (id) => reindexCrmRecord(db, 'deal', id)),
    /** Call inside a transaction: a lead converted into this deal forgets it. */
    async delete(id: string): Promise<void> {
      await db
        .updateTable('crm_leads')
        .set({ converted_deal_id: null })
        .where('converted_deal_id', '=', id)
        .execute();
      await db.deleteFrom('crm_deals').where('id', '=', id).execute();
      await reindexCrmRecord(db, 'deal', id);
    },
    async countWhere(where: { pipelineId?: string; stageId?: string }): Promise<number> {
      let query = db.selectFrom('crm_deals').select((eb) => eb.fn.countAll<number>().as('n'));
      if (where.pipelineId) query = query.where('pipeline_id', '=', where.pipelineId);
      if (where.stageId) query = query.where('stage_id', '=', where.stageId);
      return Number((await query.executeTakeFirstOrThrow()).n);
    },
    async list(filter: DealListFilter): Promise<DealRow[]> {
      const ranked = await rankedIds(db, 'deal', filter.q);
      if (ranked?.length === 0) return [];
      let query = db.selectFrom('crm_deals').selectAll();
      if (ranked) query = query.where('id', 'in', ranked);
      if (filter.status) query = query.where('status', '=', filter.status);
      if (filter.ownerId) query = query.where('owner_id', '=', filter.ownerId);
      if (filter.pipelineId) query = query.where('pipeline_id', '=', filter.pipelineId);
      if (filter.stageId) query = query.where('stage_id', '=', filter.stageId);
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
export type DealsStore = ReturnType<typeof createDealsStore>;
