import type { Db } from '../../db/database';
import type { UsersTable } from '../../db/schema';
import type { SharedCaches } from '../../lib/shared-caches';

export type UserRow = UsersTable;

export function createUsersStore(db: Db, caches: SharedCaches) {
  const findById = async (id: string): Promise<UserRow | null> =>
    (await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
  // Every chat message's DTO shows its assignee and its notification reads its recipient (issue 25:
  // not a query per message); `update` forgets the user on every process.
  const recentById = caches.cached('users', findById, { max: 5_000 });
  return {
    async countUsers(): Promise<number> {
      const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    findById,
    /** `findById` from memory; a change made through this store shows at once on every process. */
    recentById,
    async findByEmail(email: string): Promise<UserRow | null> {
      return (await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst()) ?? null;
    },
    async listAll(): Promise<UserRow[]> {
      return db.selectFrom('users').selectAll().orderBy('name').orderBy('id').execute();
    },
    async insert(row: UserRow): Promise<void> {
      await db.insertInto('users').values(row).execute();
    },
    async update(id: string, patch: Partial<Omit<UserRow, 'id' | 'created_at'>>): Promise<void> {
      await db.updateTable('users').set(patch).where('id', '=', id).execute();
      recentById.forget(id);
    },
    /** The ids of active users among `ids`. */
    async activeIds(ids: readonly string[]): Promise<Set<string>> {
      if (ids.length === 0) return new Set();
      const rows = await db
        .selectFrom('users')
        .select('id')
        .where('id', 'in', [...ids])
        .where('active', '=', 1)
        .execute();
      return new Set(rows.map((r) => r.id));
    },
    async countActiveAdmins(): Promise<number> {
      const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('role', '=', 'admin')
        .where('active', '=', 1)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
export type UsersStore = ReturnType<typeof createUsersStore>;
