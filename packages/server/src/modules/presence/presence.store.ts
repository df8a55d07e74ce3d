import type { Db } from '../../db/database';

/**
 * Presence heartbeats: one row per (user, server process) while that process holds a live
 * inbox connection for the user. Stored in the database so every process agrees.
 */
export function createPresenceStore(db: Db) {
  return {
    async beat(userIds: string[], node: string, now: number): Promise<void> {
      if (userIds.length === 0) return;
      await db
        .insertInto('presence')
        .values(userIds.map((user_id) => ({ user_id, node, last_seen_at: now })))
        .onConflict((oc) => oc.columns(['user_id', 'node']).doUpdateSet({ last_seen_at: now }))
        .execute();
    },
    async onlineUserIds(since: number): Promise<string[]> {
      const rows = await db
        .selectFrom('presence')
        .innerJoin('users', 'users.id', 'presence.user_id')
        .select('users.id')
        .distinct()
        .where('presence.last_seen_at', '>=', since)
        .where('users.online_switch', '=', 1)
        .where('users.active', '=', 1)
        .execute();
      return rows.map((r) => r.id);
    },
    /** Forgets one process's heartbeat for a user; true when there was one. */
    async remove(userId: string, node: string): Promise<boolean> {
      const result = await db
        .deleteFrom('presence')
        .where('user_id', '=', userId)
        .where('node', '=', node)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async prune(before: number): Promise<void> {
      await db.deleteFrom('presence').where('last_seen_at', '<', before).execute();
    },
  };
}
export type PresenceStore = ReturnType<typeof createPresenceStore>;
