import type { Db } from '../../../db/database';

/** Tables a CRM record may reference by id. */
export type CrmReferenceTable =
  | 'users'
  | 'crm_persons'
  | 'crm_organizations'
  | 'crm_leads'
  | 'crm_deals'
  | 'crm_pipelines'
  | 'crm_stages'
  | 'conversations';

export function createCrmReferencesStore(db: Db) {
  return {
    /** The subset of `ids` that exist in `table`. */
    async existingIds(table: CrmReferenceTable, ids: string[]): Promise<Set<string>> {
      if (ids.length === 0) return new Set();
      const rows = await db.selectFrom(table).select('id').where('id', 'in', ids).execute();
      return new Set(rows.map((r) => r.id));
    },
    /** The name (title for leads and deals) of each id of `table` that exists. */
    async namesOf(table: CrmReferenceTable, ids: string[]): Promise<Map<string, string>> {
      if (ids.length === 0 || table === 'conversations') return new Map();
      const rows =
        table === 'crm_leads' || table === 'crm_deals'
          ? await db.selectFrom(table).select(['id', 'title as name']).where('id', 'in', ids).execute()
          : await db.selectFrom(table).select(['id', 'name']).where('id', 'in', ids).execute();
      return new Map(rows.map((r) => [r.id, r.name]));
    },
  };
}
export type CrmReferencesStore = ReturnType<typeof createCrmReferencesStore>;
