import type { Db } from '../../../db/database';
import { reindexCrmRecord, refreshProfilesLinkedTo } from '../../search/index';
import type { CrmOrganizationsTable } from '../../../db/schema.crm';
import { inRankOrder, rankedIds } from '../shared/crm-query.store';
import { createVersionedStore } from '../shared/versioned.store';

export type OrganizationRow = CrmOrganizationsTable;
export type OrganizationListFilter = {
  /** The list page's search box: full-text, ranked (see rankedIds). */
  q?: string;
  afterId?: string;
  limit: number;
};

export function createOrganizationsStore(db: Db) {
  return {
    ...createVersionedStore(db, 'crm_organizations', async (id) => {
      await reindexCrmRecord(db, 'organization', id);
      await refreshProfilesLinkedTo(db, 'organization', id);
    }),
    /** The oldest organization with exactly this (lower-cased) name. */
    async findByNameLc(nameLc: string): Promise<OrganizationRow | null> {
      return (
        (await db
          .selectFrom('crm_organizations')
          .selectAll()
          .where('name_lc', '=', nameLc)
          .orderBy('id')
          .limit(1)
          .executeTakeFirst()) ?? null
      );
    },
    async delete(id: string): Promise<void> {
      await db.deleteFrom('crm_organizations').where('id', '=', id).execute();
      await reindexCrmRecord(db, 'organization', id);
      await refreshProfilesLinkedTo(db, 'organization', id);
    },
    /** Newest first, `limit + 1` rows so the caller knows whether another page follows. */
    async list(filter: OrganizationListFilter): Promise<OrganizationRow[]> {
      const ranked = await rankedIds(db, 'organization', filter.q);
      if (ranked?.length === 0) return [];
      let query = db.selectFrom('crm_organizations').selectAll();
      if (ranked) query = query.where('id', 'in', ranked);
      if (ranked) return inRankOrder(await query.execute(), ranked, filter.afterId, filter.limit);
      if (filter.afterId) query = query.where('id', '<', filter.afterId);
      return query
        .orderBy('id', 'desc')
        .limit(filter.limit + 1)
        .execute();
    },
    async namesByIds(ids: string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map();
      const rows = await db
        .selectFrom('crm_organizations')
        .select(['id', 'name'])
        .where('id', 'in', ids)
        .execute();
      return new Map(rows.map((r) => [r.id, r.name]));
    },
  };
}
export type OrganizationsStore = ReturnType<typeof createOrganizationsStore>;
