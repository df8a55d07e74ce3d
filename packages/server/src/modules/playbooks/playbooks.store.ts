import type { Kysely } from 'kysely';
import type {
  Database,
  PlaybookInstallsTable,
  PlaybookRevisionsTable,
  PlaybooksTable,
} from '../../db/schema';

export type PlaybookRow = PlaybooksTable;
export type PlaybookRevisionRow = PlaybookRevisionsTable;
export type PlaybookInstallRow = PlaybookInstallsTable;

type PlaybookPatch = Partial<Omit<PlaybookRow, 'id' | 'public_id' | 'created_at' | 'created_by'>>;

/** The only file of the playbooks module that talks to the database. */
export function createPlaybooksStore(db: Kysely<Database>) {
  return {
    ...playbookQueries(db),
    /** Runs `fn` in one transaction with the queries bound to it. */
    async transaction<T>(fn: (tx: PlaybookQueries) => Promise<T>): Promise<T> {
      return db.transaction().execute((trx) => fn(playbookQueries(trx)));
    },
  };
}
export type PlaybooksStore = ReturnType<typeof createPlaybooksStore>;

function playbookQueries(db: Kysely<Database>) {
  return { ...playbookRowQueries(db), ...snapshotAndInstallQueries(db) };
}
type PlaybookQueries = ReturnType<typeof playbookQueries>;

/** The playbooks rows themselves, and the lookups the service makes around them. */
function playbookRowQueries(db: Kysely<Database>) {
  return {
    /** Every playbook that is not deleted, oldest first. */
    async listLive(): Promise<PlaybookRow[]> {
      return db
        .selectFrom('playbooks')
        .selectAll()
        .where('deleted_at', 'is', null)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
    },
    /** By id, deleted ones included (conversations may still name them). */
    async findById(id: string): Promise<PlaybookRow | null> {
      return (await db.selectFrom('playbooks').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
    },
    async findByPublicId(publicId: string): Promise<PlaybookRow | null> {
      return (
        (await db.selectFrom('playbooks').selectAll().where('public_id', '=', publicId).executeTakeFirst()) ??
        null
      );
    },
    async insert(row: PlaybookRow): Promise<void> {
      await db.insertInto('playbooks').values(row).execute();
    },
    /** Compare-and-set on the revision: false when someone else saved meanwhile. */
    async updateAtRevision(id: string, expectedRevision: number, patch: PlaybookPatch): Promise<boolean> {
      const result = await db
        .updateTable('playbooks')
        .set(patch)
        .where('id', '=', id)
        .where('revision', '=', expectedRevision)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async update(id: string, patch: PlaybookPatch): Promise<void> {
      await db.updateTable('playbooks').set(patch).where('id', '=', id).execute();
    },
    /** Removes a playbook with its snapshots and installs (ON DELETE CASCADE). */
    async deleteById(id: string): Promise<void> {
      await db.deleteFrom('playbooks').where('id', '=', id).execute();
    },
  };
}

/** Published snapshots and widget installs. */
function snapshotAndInstallQueries(db: Kysely<Database>) {
  return {
    /** Stores a published snapshot; publishing the same revision twice keeps the first. */
    async insertRevision(row: PlaybookRevisionRow): Promise<void> {
      await db
        .insertInto('playbook_revisions')
        .values(row)
        .onConflict((oc) => oc.columns(['playbook_id', 'revision']).doNothing())
        .execute();
    },
    async findRevision(playbookId: string, revision: number): Promise<PlaybookRevisionRow | null> {
      return (
        (await db
          .selectFrom('playbook_revisions')
          .selectAll()
          .where('playbook_id', '=', playbookId)
          .where('revision', '=', revision)
          .executeTakeFirst()) ?? null
      );
    },
    async countRevisions(playbookId: string): Promise<number> {
      const row = await db
        .selectFrom('playbook_revisions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('playbook_id', '=', playbookId)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    /** Installs of the given playbooks, most recently seen first. */
    async listInstalls(playbookIds: readonly string[]): Promise<PlaybookInstallRow[]> {
      if (playbookIds.length === 0) return [];
      return db
        .selectFrom('playbook_installs')
        .selectAll()
        .where('playbook_id', 'in', [...playbookIds])
        .orderBy('last_seen_at', 'desc')
        .orderBy('origin')
        .execute();
    },
    /** Records a widget load: one row per (playbook, origin), with the latest page and time. */
    async upsertInstall(playbookId: string, origin: string, lastUrl: string, now: number): Promise<void> {
      await db
        .insertInto('playbook_installs')
        .values({ playbook_id: playbookId, origin, last_url: lastUrl, first_seen_at: now, last_seen_at: now })
        .onConflict((oc) =>
          oc.columns(['playbook_id', 'origin']).doUpdateSet({ last_url: lastUrl, last_seen_at: now }),
        )
        .execute();
    },
  };
}
