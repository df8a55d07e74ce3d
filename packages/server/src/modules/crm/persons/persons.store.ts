import type { Db } from '../../../db/database';
import { reindexCrmRecord, refreshProfilesLinkedTo } from '../../search/index';
import type { CrmPersonIdentitiesTable, CrmPersonsTable } from '../../../db/schema.crm';
import { inRankOrder, rankedIds } from '../shared/crm-query.store';
import { createVersionedStore, type VersionedPatch } from '../shared/versioned.store';

export type PersonRow = CrmPersonsTable;
export type PersonIdentity = Omit<CrmPersonIdentitiesTable, 'person_id'>;
export type PersonListFilter = {
  /** The list page's search box: full-text, ranked (see rankedIds). */
  q?: string;
  organizationId?: string;
  ownerId?: string;
  afterId?: string;
  limit: number;
};

export function createPersonsStore(db: Db) {
  return {
    ...personRowQueries(db),
    ...personListQueries(db),
  };
}

/** One person: read, write (with its identities and search entry), match. */
function personRowQueries(db: Db) {
  async function replaceIdentities(personId: string, identities: PersonIdentity[]): Promise<void> {
    await db.deleteFrom('crm_person_identities').where('person_id', '=', personId).execute();
    if (identities.length > 0)
      await db
        .insertInto('crm_person_identities')
        .values(identities.map((i) => ({ person_id: personId, ...i })))
        .execute();
  }

  const base = createVersionedStore(db, 'crm_persons');
  return {
    findById: (id: string) => base.findById(id),
    findByIds: (ids: string[]) => base.findByIds(ids),
    /** Call inside a transaction: the row and its email/phone identities go together. */
    async insert(row: PersonRow, identities: PersonIdentity[]): Promise<void> {
      await base.insert(row);
      await replaceIdentities(row.id, identities);
      await reindexCrmRecord(db, 'person', row.id);
    },
    /** The oldest person having any of these exact (normalized) emails or phones. */
    async findByIdentity(identities: PersonIdentity[]): Promise<PersonRow | null> {
      if (identities.length === 0) return null;
      const row = await db
        .selectFrom('crm_persons')
        .selectAll()
        .where((eb) =>
          eb(
            'id',
            'in',
            eb
              .selectFrom('crm_person_identities')
              .select('person_id')
              .where((inner) =>
                inner.or(
                  identities.map((i) =>
                    inner.and([inner('kind', '=', i.kind), inner('value', '=', i.value)]),
                  ),
                ),
              ),
          ),
        )
        .orderBy('id')
        .limit(1)
        .executeTakeFirst();
      return row ?? null;
    },
    /**
     * Applies `patch` and adds one to the version, only while the version is `expectedVersion`
     * when given; call inside a transaction when `identities` is given.
     */
    async update(
      id: string,
      patch: VersionedPatch<'crm_persons'>,
      identities?: PersonIdentity[],
      expectedVersion?: number,
    ): Promise<boolean> {
      if (!(await base.update(id, patch, expectedVersion))) return false;
      if (identities) await replaceIdentities(id, identities);
      await reindexCrmRecord(db, 'person', id);
      await refreshProfilesLinkedTo(db, 'person', id);
      return true;
    },
    async delete(id: string): Promise<void> {
      await db.deleteFrom('crm_persons').where('id', '=', id).execute();
      await reindexCrmRecord(db, 'person', id);
      await refreshProfilesLinkedTo(db, 'person', id);
    },
    /** Newest first, `limit + 1` rows. Search covers name, emails, phones and the organization's name. */
  };
}

/** Lists and names. */
function personListQueries(db: Db) {
  return {
    async list(filter: PersonListFilter): Promise<PersonRow[]> {
      const ranked = await rankedIds(db, 'person', filter.q);
      if (ranked?.length === 0) return [];
      let query = db.selectFrom('crm_persons').selectAll();
      if (ranked) query = query.where('id', 'in', ranked);
      if (filter.organizationId) query = query.where('organization_id', '=', filter.organizationId);
      if (filter.ownerId) query = query.where('owner_id', '=', filter.ownerId);
      if (ranked) return inRankOrder(await query.execute(), ranked, filter.afterId, filter.limit);
      if (filter.afterId) query = query.where('id', '<', filter.afterId);
      return query
        .orderBy('id', 'desc')
        .limit(filter.limit + 1)
        .execute();
    },
    async namesByIds(ids: string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map();
      const rows = await db.selectFrom('crm_persons').select(['id', 'name']).where('id', 'in', ids).execute();
      return new Map(rows.map((r) => [r.id, r.name]));
    },
  };
}
export type PersonsStore = ReturnType<typeof createPersonsStore>;
