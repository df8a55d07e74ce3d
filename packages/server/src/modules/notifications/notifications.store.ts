import type { Db } from '../../db/database';
import type { PushSubscriptionsTable } from '../../db/schema.notifications';
import type { SharedCaches } from '../../lib/shared-caches';

export type PushSubscriptionRow = PushSubscriptionsTable;

/** Each user's notification settings (their overrides of the company's defaults). */
function createPreferencesStore(db: Db, caches: SharedCaches) {
  async function getPreferences(userIds: readonly string[]): Promise<Map<string, string>> {
    if (userIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('notification_preferences')
      .select(['user_id', 'preferences'])
      .where('user_id', 'in', userIds)
      .execute();
    return new Map(rows.map((r) => [r.user_id, r.preferences]));
  }
  const recentPreferences = caches.cachedMany('notification-preferences', getPreferences, { max: 5_000 });

  return {
    getPreferences,
    /** `getPreferences` from memory (a change shows at once on every process): for every delivery. */
    recentPreferences,
    async setPreferences(userId: string, preferences: string, now: number): Promise<void> {
      await db
        .insertInto('notification_preferences')
        .values({ user_id: userId, preferences, updated_at: now })
        .onConflict((oc) => oc.column('user_id').doUpdateSet({ preferences, updated_at: now }))
        .execute();
      recentPreferences.forget(userId);
    },
  };
}

/** Push subscriptions (one per browser endpoint) and the users' notification settings. */
export function createNotificationsStore(db: Db, caches: SharedCaches) {
  async function listSubscriptions(userIds: readonly string[]): Promise<PushSubscriptionRow[]> {
    if (userIds.length === 0) return [];
    return db
      .selectFrom('push_subscriptions')
      .selectAll()
      .where('user_id', 'in', userIds)
      .orderBy('created_at')
      .execute();
  }
  // A device can move from one user to another (re-subscribing): any write forgets them all.
  const recentSubscriptionsByUser = caches.cachedMany(
    'push-subscriptions',
    async (userIds: string[]) => {
      const byUser = new Map<string, PushSubscriptionRow[]>();
      for (const row of await listSubscriptions(userIds))
        byUser.set(row.user_id, [...(byUser.get(row.user_id) ?? []), row]);
      return byUser;
    },
    { max: 5_000 },
  );

  return {
    /** One row per browser endpoint: re-subscribing (also under another user) replaces it. */
    async upsertSubscription(row: PushSubscriptionRow): Promise<void> {
      await db
        .insertInto('push_subscriptions')
        .values(row)
        .onConflict((oc) =>
          oc.column('endpoint').doUpdateSet({
            user_id: row.user_id,
            p256dh: row.p256dh,
            auth: row.auth,
            user_agent: row.user_agent,
            updated_at: row.updated_at,
          }),
        )
        .execute();
      recentSubscriptionsByUser.forgetAll();
    },
    async deleteSubscription(userId: string, endpoint: string): Promise<void> {
      await db
        .deleteFrom('push_subscriptions')
        .where('user_id', '=', userId)
        .where('endpoint', '=', endpoint)
        .execute();
      recentSubscriptionsByUser.forgetAll();
    },
    /** Keeps a user's `keep` most recently (re)subscribed devices and deletes the rest. */
    async trimSubscriptions(userId: string, keep: number): Promise<void> {
      const stale = await db
        .selectFrom('push_subscriptions')
        .select('id')
        .where('user_id', '=', userId)
        .orderBy('updated_at', 'desc')
        .orderBy('id', 'desc')
        .offset(keep)
        .limit(1000)
        .execute();
      if (stale.length > 0)
        await db
          .deleteFrom('push_subscriptions')
          .where(
            'id',
            'in',
            stale.map((r) => r.id),
          )
          .execute();
      recentSubscriptionsByUser.forgetAll();
    },
    async deleteSubscriptionById(id: string): Promise<void> {
      await db.deleteFrom('push_subscriptions').where('id', '=', id).execute();
      recentSubscriptionsByUser.forgetAll();
    },
    listSubscriptions,
    /** `listSubscriptions` from memory (a change shows at once on every process): for every delivery. */
    async recentSubscriptions(userIds: readonly string[]): Promise<PushSubscriptionRow[]> {
      return [...(await recentSubscriptionsByUser(userIds)).values()].flat();
    },
    ...createPreferencesStore(db, caches),
  };
}
export type NotificationsStore = ReturnType<typeof createNotificationsStore>;
