import type { Db } from '../../db/database';
import type { PushSubscriptionsTable } from '../../db/schema.notifications';
import type { ConversationState } from './decide-notification';

export type PushSubscriptionRow = PushSubscriptionsTable;

export function createNotificationsStore(db: Db) {
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
    },
    async deleteSubscription(userId: string, endpoint: string): Promise<void> {
      await db
        .deleteFrom('push_subscriptions')
        .where('user_id', '=', userId)
        .where('endpoint', '=', endpoint)
        .execute();
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
    },
    async deleteSubscriptionById(id: string): Promise<void> {
      await db.deleteFrom('push_subscriptions').where('id', '=', id).execute();
    },
    async listSubscriptions(userIds: string[]): Promise<PushSubscriptionRow[]> {
      if (userIds.length === 0) return [];
      return db
        .selectFrom('push_subscriptions')
        .selectAll()
        .where('user_id', 'in', userIds)
        .orderBy('created_at')
        .execute();
    },
    async getPreferences(userIds: string[]): Promise<Map<string, string>> {
      if (userIds.length === 0) return new Map();
      const rows = await db
        .selectFrom('notification_preferences')
        .select(['user_id', 'preferences'])
        .where('user_id', 'in', userIds)
        .execute();
      return new Map(rows.map((r) => [r.user_id, r.preferences]));
    },
    async setPreferences(userId: string, preferences: string, now: number): Promise<void> {
      await db
        .insertInto('notification_preferences')
        .values({ user_id: userId, preferences, updated_at: now })
        .onConflict((oc) => oc.column('user_id').doUpdateSet({ preferences, updated_at: now }))
        .execute();
    },
    /** The conversation as it is now, for the send-time visibility re-check (read-only). */
    async findConversationState(conversationId: string): Promise<ConversationState | null> {
      const row = await db
        .selectFrom('conversations')
        .select(['status', 'assignee_id'])
        .where('id', '=', conversationId)
        .executeTakeFirst();
      return row ? { status: row.status, assigneeId: row.assignee_id } : null;
    },
    /** The members of a team (issue 19): who hears of a chat routed to it. */
    teamMemberIds: async (teamId: string): Promise<string[]> =>
      (await db.selectFrom('team_members').select('user_id').where('team_id', '=', teamId).execute()).map(
        (r) => r.user_id,
      ),
  };
}
export type NotificationsStore = ReturnType<typeof createNotificationsStore>;
