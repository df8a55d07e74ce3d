import type { Db } from '../../../db/database';
import { reindexCrmRecord } from '../../search/crm-index.store';
import type { CrmDealsTable } from '../../../db/schema.crm';
import { recordMatchesSearch } from '../shared/crm-query.store';
import type { CrmSearch } from '../shared/crm-search.util';

export type DealRow = CrmDealsTable;
export type DealListFilter = {
  search?: CrmSearch;
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
    async insert(row: DealRow): Promise<void> {
      await db.insertInto('crm_deals').values(row).execute();
      await reindexCrmRecord(db, 'deal', row.id);
    },
    async findById(id: string): Promise<DealRow | null> {
      return (await db.selectFrom('crm_deals').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
    },
    async findByIds(ids: string[]): Promise<DealRow[]> {
      if (ids.length === 0) return [];
      return db.selectFrom('crm_deals').selectAll().where('id', 'in', ids).orderBy('id').execute();
    },
    /** Applies `patch` and adds one to the version; only while the version is `expectedVersion` when given. */
    async update(
      id: string,
      patch: Partial<Omit<DealRow, 'id' | 'created_at' | 'source' | 'version'>>,
      expectedVersion?: number,
    ): Promise<boolean> {
      let query = db
        .updateTable('crm_deals')
        .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
        .where('id', '=', id);
      if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
      const updated = Number((await query.executeTakeFirst()).numUpdatedRows) === 1;
      if (updated) await reindexCrmRecord(db, 'deal', id);
      return updated;
    },
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
      let query = db.selectFrom('crm_deals').selectAll();
      if (filter.search) query = query.where(recordMatchesSearch('crm_deals', filter.search));
      if (filter.status) query = query.where('status', '=', filter.status);
      if (filter.ownerId) query = query.where('owner_id', '=', filter.ownerId);
      if (filter.pipelineId) query = query.where('pipeline_id', '=', filter.pipelineId);
      if (filter.stageId) query = query.where('stage_id', '=', filter.stageId);
      if (filter.personId) query = query.where('person_id', '=', filter.personId);
      if (filter.organizationId) query = query.where('organization_id', '=', filter.organizationId);
      if (filter.afterId) query = query.where('id', '<', filter.afterId);
      return query
        .orderBy('id', 'desc')
        .limit(filter.limit + 1)
        .execute();
    },
  };
}
export type DealsStore = ReturnType<typeof createDealsStore>;
