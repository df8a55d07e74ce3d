import type { ExpressionBuilder } from 'kysely';
import type { SharedCaches } from '../../lib/shared-caches';
import type { Db } from '../../db/database';
import type { Database } from '../../db/schema';
import type { WebhookDeliveriesTable, WebhookEndpointsTable } from '../../db/schema.notifications';

export type WebhookEndpointRow = WebhookEndpointsTable;
export type WebhookDeliveryRow = WebhookDeliveriesTable;
export type DeliveryOutcome = Pick<
  WebhookDeliveryRow,
  | 'status'
  | 'attempts'
  | 'next_attempt_at'
  | 'last_attempt_at'
  | 'last_status_code'
  | 'last_error'
  | 'delivered_at'
>;

/**
 * Due, not held by a live claim, and not behind an earlier pending row of the same conversation
 * for the same endpoint (causal order: one row per conversation and endpoint in flight, oldest
 * first; a row that failed for good no longer holds the others back). The one condition every
 * claim repeats.
 */
function isClaimable(now: number) {
  return (eb: ExpressionBuilder<Database, 'webhook_deliveries'>) =>
    eb.and([
      eb('status', '=', 'pending'),
      eb('next_attempt_at', '<=', now),
      eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]),
      eb.or([
        eb('order_key', 'is', null),
        eb.not(
          eb.exists(
            eb
              .selectFrom('webhook_deliveries as earlier')
              .select('earlier.id')
              .whereRef('earlier.endpoint_id', '=', 'webhook_deliveries.endpoint_id')
              .whereRef('earlier.order_key', '=', 'webhook_deliveries.order_key')
              .where('earlier.status', '=', 'pending')
              .where((e) =>
                e.or([
                  e('earlier.created_at', '<', e.ref('webhook_deliveries.created_at')),
                  e.and([
                    e('earlier.created_at', '=', e.ref('webhook_deliveries.created_at')),
                    e('earlier.id', '<', e.ref('webhook_deliveries.id')),
                  ]),
                ]),
              ),
          ),
        ),
      ]),
    ]);
}

export function createWebhooksStore(db: Db, caches: SharedCaches) {
  return {
    ...endpointQueries(db, caches),
    ...deliveryQueries(db),
  };
}

/** Endpoints (the active ones from memory), log pruning and outbox counts. */
function endpointQueries(db: Db, caches: SharedCaches) {
  // Read for every chat message; a change forgets them on every process (lib/shared-caches.ts).
  const activeEndpoints = caches.remembered<WebhookEndpointRow[]>('webhook-endpoints', { max: 1 });
  return {
    async insertEndpoint(row: WebhookEndpointRow): Promise<void> {
      await db.insertInto('webhook_endpoints').values(row).execute();
      activeEndpoints.forget('all');
    },
    async findEndpoint(id: string): Promise<WebhookEndpointRow | null> {
      return (
        (await db.selectFrom('webhook_endpoints').selectAll().where('id', '=', id).executeTakeFirst()) ?? null
      );
    },
    async listEndpoints(): Promise<WebhookEndpointRow[]> {
      return db.selectFrom('webhook_endpoints').selectAll().orderBy('created_at').orderBy('id').execute();
    },
    /** Retention: deletes up to `limit` delivered or failed rows created before `cutoff`; returns how many. */
    async deleteFinishedBefore(cutoff: number, limit: number): Promise<number> {
      const due = db
        .selectFrom('webhook_deliveries')
        .select('id')
        .where('status', 'in', ['delivered', 'failed'])
        .where('created_at', '<', cutoff)
        .limit(limit);
      const result = await db.deleteFrom('webhook_deliveries').where('id', 'in', due).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    /** Outbox figures for the metrics: rows per status, and pending rows that already failed once. */
    async outboxStats(): Promise<{ pending: number; retrying: number; delivered: number; failed: number }> {
      const rows = await db
        .selectFrom('webhook_deliveries')
        .select((eb) => [
          'status',
          eb.fn.countAll<number>().as('n'),
          eb.fn.sum<number>(eb.case().when('attempts', '>', 0).then(1).else(0).end()).as('retrying'),
        ])
        .groupBy('status')
        .execute();
      const stats = { pending: 0, retrying: 0, delivered: 0, failed: 0 };
      for (const row of rows) {
        stats[row.status] = Number(row.n);
        if (row.status === 'pending') stats.retrying = Number(row.retrying ?? 0);
      }
      return stats;
    },
    /** Read on every domain event (each chat message): from memory, else with the change's executor. */
    async listActiveEndpoints(executor: Db = db): Promise<WebhookEndpointRow[]> {
      return activeEndpoints.get('all', () =>
        executor.selectFrom('webhook_endpoints').selectAll().where('active', '=', 1).execute(),
      );
    },
    async updateEndpoint(
      id: string,
      patch: Partial<Omit<WebhookEndpointRow, 'id' | 'created_at' | 'secret'>>,
    ): Promise<void> {
      await db.updateTable('webhook_endpoints').set(patch).where('id', '=', id).execute();
      activeEndpoints.forget('all');
    },
    /** Deleting an endpoint deletes its outbox rows and log (ON DELETE CASCADE). */
    async deleteEndpoint(id: string): Promise<boolean> {
      const result = await db.deleteFrom('webhook_endpoints').where('id', '=', id).executeTakeFirst();
      activeEndpoints.forget('all');
      return Number(result.numDeletedRows) > 0;
    },

    /** `executor`: the transaction of the change the rows report (the database without one). */
  };
}

/** The outbox rows: insert, claim, finish, list. */
function deliveryQueries(db: Db) {
  return {
    async insertDeliveries(rows: WebhookDeliveryRow[], executor: Db = db): Promise<void> {
      if (rows.length > 0) await executor.insertInto('webhook_deliveries').values(rows).execute();
    },
    async findDelivery(id: string): Promise<WebhookDeliveryRow | null> {
      return (
        (await db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirst()) ??
        null
      );
    },
    /**
     * Atomically claims up to `limit` due rows until `leaseUntil`. The outer WHERE repeats the
     * condition so that on PostgreSQL a concurrent claimer re-checks the locked row after the
     * first one commits and skips it; on SQLite the statement is serialized anyway.
     */
    async claimDue(now: number, leaseUntil: number, limit: number): Promise<WebhookDeliveryRow[]> {
      return db
        .updateTable('webhook_deliveries')
        .set({ claimed_until: leaseUntil })
        .where(
          'id',
          'in',
          db
            .selectFrom('webhook_deliveries')
            .select('id')
            .where(isClaimable(now))
            .orderBy('next_attempt_at')
            .orderBy('created_at')
            .orderBy('id')
            .limit(limit),
        )
        .where(isClaimable(now))
        .returningAll()
        .execute();
    },
    /** Claims one row (the test button delivers its ping at once). */
    async claimOne(id: string, now: number, leaseUntil: number): Promise<WebhookDeliveryRow | null> {
      const row = await db
        .updateTable('webhook_deliveries')
        .set({ claimed_until: leaseUntil })
        .where('id', '=', id)
        .where(isClaimable(now))
        .returningAll()
        .executeTakeFirst();
      return row ?? null;
    },
    /** Records an attempt, only while our claim still holds (a stale worker's late answer is dropped). */
    async finishAttempt(id: string, claimedUntil: number, outcome: DeliveryOutcome): Promise<boolean> {
      const result = await db
        .updateTable('webhook_deliveries')
        .set({ ...outcome, claimed_until: null })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .where('claimed_until', '=', claimedUntil)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async listDeliveries(
      endpointId: string,
      query: { status?: WebhookDeliveryRow['status']; beforeId?: string; limit: number },
    ): Promise<WebhookDeliveryRow[]> {
      let q = db.selectFrom('webhook_deliveries').selectAll().where('endpoint_id', '=', endpointId);
      if (query.status) q = q.where('status', '=', query.status);
      if (query.beforeId) q = q.where('id', '<', query.beforeId);
      return q.orderBy('id', 'desc').limit(query.limit).execute();
    },
  };
}
export type WebhooksStore = ReturnType<typeof createWebhooksStore>;
