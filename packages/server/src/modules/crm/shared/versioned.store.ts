import type { Kysely } from 'kysely';
import type { Db } from '../../../db/database';
import type { CrmTables } from '../../../db/schema.crm';

/** The CRM tables whose rows carry a version (every change adds one). */
export type VersionedTable =
  'crm_persons' | 'crm_organizations' | 'crm_leads' | 'crm_deals' | 'crm_activities';
type RowOf<T extends VersionedTable> = CrmTables[T];
/** What a PATCH may set: never the id, creation time, source or version. */
export type VersionedPatch<T extends VersionedTable> = Partial<
  Omit<RowOf<T>, 'id' | 'created_at' | 'source' | 'version'>
>;

// One table at a time, chosen at run time: Kysely cannot narrow a union of table names, so the
// queries see the table as its two shared columns and the rows are typed by `T` at the edges.
type Shared = { id: string; version: number };
type OneTable = Kysely<Record<'t', Shared>>;

/**
 * Insert, read by id, read many by id and the version-checked update every versioned CRM store
 * shares: an update adds one to the version and, given `expectedVersion`, applies only while the
 * stored version is still that one (false otherwise, so the service answers 409 CONFLICT).
 */
export function createVersionedStore<T extends VersionedTable>(
  db: Db,
  table: T,
  /** Runs in the same transaction after a row is written (the search index follows the row). */
  afterWrite: (id: string) => Promise<void> = async () => undefined,
) {
  const one = db as unknown as OneTable;
  const name = table as unknown as 't';
  return {
    async insert(row: RowOf<T>): Promise<void> {
      await one.insertInto(name).values(row).execute();
      await afterWrite(row.id);
    },
    async findById(id: string): Promise<RowOf<T> | null> {
      const row = await one.selectFrom(name).selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? null : (row as RowOf<T>);
    },
    async findByIds(ids: string[]): Promise<RowOf<T>[]> {
      if (ids.length === 0) return [];
      const rows = await one.selectFrom(name).selectAll().where('id', 'in', ids).orderBy('id').execute();
      return rows as RowOf<T>[];
    },
    /** Applies `patch` and adds one to the version; only while the version is `expectedVersion` when given. */
    async update(id: string, patch: VersionedPatch<T>, expectedVersion?: number): Promise<boolean> {
      let query = one
        .updateTable(name)
        .set((eb) => ({ ...(patch as Partial<Shared>), version: eb('version', '+', 1) }))
        .where('id', '=', id);
      if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
      const updated = Number((await query.executeTakeFirst()).numUpdatedRows) === 1;
      if (updated) await afterWrite(id);
      return updated;
    },
  };
}
