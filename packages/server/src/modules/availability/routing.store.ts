import { sql } from 'kysely';
import type { Db } from '../../db/database';

/** A picked user had no room left when their routing row was locked (issue 19). */
export class AtCapacity extends Error {}

/** Open assigned chats per user (only users with at least one are in the map). */
async function openCounts(db: Db, userIds: string[]): Promise<Map<string, number>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('conversations')
    .select(['assignee_id', sql<number>`count(*)`.as('open')])
    .where('status', '=', 'assigned')
    .where('assignee_id', 'in', userIds)
    .groupBy('assignee_id')
    .execute();
  return new Map(rows.map((r) => [r.assignee_id ?? '', Number(r.open)]));
}

/** Capacities, loads, the pick's lock and the watchdog's and auto-assignment's due lists. */
export function createRoutingStore(db: Db) {
  return {
    /** Capacity and last pick of each user who has a routing row. */
    async routingOf(userIds: string[]) {
      if (userIds.length === 0)
        return new Map<string, { capacity: number | null; lastRoutedAt: number | null }>();
      const rows = await db.selectFrom('user_routing').selectAll().where('user_id', 'in', userIds).execute();
      return new Map(
        rows.map((r) => [
          r.user_id,
          { capacity: r.capacity, lastRoutedAt: r.last_routed_at === null ? null : Number(r.last_routed_at) },
        ]),
      );
    },
    async setCapacity(userId: string, capacity: number | null): Promise<void> {
      await db
        .insertInto('user_routing')
        .values({ user_id: userId, capacity, last_routed_at: null })
        .onConflict((oc) => oc.column('user_id').doUpdateSet({ capacity }))
        .execute();
    },
    openCounts: (userIds: string[]) => openCounts(db, userIds),

    /**
     * Inside the transaction that gives a user a chat: locks the user's routing row (PostgreSQL
     * holds the row lock of the upsert until the commit, so concurrent picks of one user queue;
     * SQLite runs one write transaction at a time), records the pick, and counts their open chats
     * as committed now. At capacity it throws AtCapacity and the whole change rolls back.
     */
    async claimRoom(tx: Db, userId: string, now: number): Promise<void> {
      const row = await tx
        .insertInto('user_routing')
        .values({ user_id: userId, capacity: null, last_routed_at: now })
        .onConflict((oc) => oc.column('user_id').doUpdateSet({ last_routed_at: now }))
        .returning('capacity')
        .executeTakeFirstOrThrow();
      if (row.capacity === null) return;
      const open = await tx
        .selectFrom('conversations')
        .select(sql<number>`count(*)`.as('n'))
        .where('status', '=', 'assigned')
        .where('assignee_id', '=', userId)
        .executeTakeFirstOrThrow();
      if (Number(open.n) >= row.capacity) throw new AtCapacity();
    },

    /** Assigned chats whose reply deadline passed (the watchdog takes each through its transition). */
    async watchdogDueIds(now: number, limit: number): Promise<string[]> {
      const rows = await db
        .selectFrom('conversations')
        .select('id')
        .where('status', '=', 'assigned')
        .where('watchdog_deadline', '<=', now)
        .limit(limit)
        .execute();
      return rows.map((r) => r.id);
    },
    /**
     * Assigned chats whose card takes them back when the assignee goes offline, with an assignee
     * not among `online`. (The routing text is written only by JSON.stringify of the parsed card
     * routing, so its `"whenOffline":true` is exact; the rest of the JSON is never queried.)
     */
    async watchedAssignedOutside(online: string[], limit: number): Promise<string[]> {
      let q = db
        .selectFrom('conversations')
        .select('id')
        .where('status', '=', 'assigned')
        .where('routing', 'like', '%"whenOffline":true%');
      if (online.length > 0) q = q.where('assignee_id', 'not in', online);
      return (await q.limit(limit).execute()).map((r) => r.id);
    },
    /** Waiting chats of cards with automatic assignment (retried as room frees up), oldest first. */
    async autoRoutedWaitingIds(now: number, limit: number): Promise<string[]> {
      const rows = await db
        .selectFrom('conversations')
        .select('id')
        .where('status', '=', 'waiting')
        .where('routing', 'is not', null)
        .where('routing', 'not like', '%"mode":"manual"%')
        .where((eb) => eb.or([eb('waiting_deadline', 'is', null), eb('waiting_deadline', '>', now)]))
        .orderBy('waiting_since')
        .limit(limit)
        .execute();
      return rows.map((r) => r.id);
    },
  };
}
