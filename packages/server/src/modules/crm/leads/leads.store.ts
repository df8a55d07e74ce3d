import type { Db } from '../../../db/database';
import { reindexCrmRecord } from '../../search/crm-index.store';
import type { CrmLeadsTable } from '../../../db/schema.crm';
import { recordMatchesSearch } from '../shared/crm-query.store';
import type { CrmSearch } from '../shared/crm-search.util';

export type LeadRow = CrmLeadsTable;
export type LeadListFilter = {
  search?: CrmSearch;
  status?: LeadRow['status'];
  ownerId?: string;
  personId?: string;
  organizationId?: string;
  afterId?: string;
  limit: number;
};

export function createLeadsStore(db: Db) {
  return {
    async insert(row: LeadRow): Promise<void> {
      await db.insertInto('crm_leads').values(row).execute();
      await reindexCrmRecord(db, 'lead', row.id);
    },
    async findById(id: string): Promise<LeadRow | null> {
      return (await db.selectFrom('crm_leads').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
    },
    async findByIds(ids: string[]): Promise<LeadRow[]> {
      if (ids.length === 0) return [];
      return db.selectFrom('crm_leads').selectAll().where('id', 'in', ids).orderBy('id').execute();
    },
    /** Applies `patch` and adds one to the version; only while the version is `expectedVersion` when given. */
    async update(
      id: string,
      patch: Partial<Omit<LeadRow, 'id' | 'created_at' | 'source' | 'version'>>,
      expectedVersion?: number,
    ): Promise<boolean> {
      let query = db
        .updateTable('crm_leads')
        .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
        .where('id', '=', id);
      if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
      const updated = Number((await query.executeTakeFirst()).numUpdatedRows) === 1;
      if (updated) await reindexCrmRecord(db, 'lead', id);
      return updated;
    },
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
      let query = db.selectFrom('crm_leads').selectAll();
      if (filter.search) query = query.where(recordMatchesSearch('crm_leads', filter.search));
      if (filter.status) query = query.where('status', '=', filter.status);
      if (filter.ownerId) query = query.where('owner_id', '=', filter.ownerId);
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
export type LeadsStore = ReturnType<typeof createLeadsStore>;
