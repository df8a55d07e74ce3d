import type { Db } from '../../db/database';
import type { UsersTable } from '../../db/schema';
import { cached } from '../../lib/ttl-cache';

export type UserRow = UsersTable;

/** How stale `recentById` may be: a change made on another process shows after this at most. */
export const RECENT_USER_MS = 5_000;

export function createUsersStore(db: Db) {
  const findById = async (id: string): Promise<UserRow | null> =>
    (await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
  // A chat message's notification reads its one recipient (issue 25: not a query per message).
  const recentById = cached(findById, { ttlMs: RECENT_USER_MS, max: 2_000 });
  return {
    async countUsers(): Promise<number> {
      const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    findById,
    /**
     * `findById` that may answer from the last RECENT_USER_MS (a change made through this store
     * shows at once): for every notification.
     */
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
