import type { TWebhookBody, TWebhookEventName } from '@charla/protocol';
import type { Db } from '../../db/database';
import type { Clock } from '../../lib/clock';
import { postGuarded } from '../../lib/guarded-post';
import { newId } from '../../lib/ids';
import { fromJsonColumn } from '../../lib/json';
import { ForbiddenTargetError } from '../../lib/ssrf-guard';
import { nextAttemptAt } from './next-attempt-at';
import { signWebhook, standardWebhookHeaders } from './sign-webhook';
import type {
  DeliveryOutcome,
  WebhookDeliveryRow,
  WebhookEndpointRow,
  WebhooksStore,
} from './webhooks.store';

/** How long a receiver has to answer 2xx; a later answer counts as a failure and the row is retried (same id). */
export const DELIVERY_TIMEOUT_MS = 10_000;
export const WEBHOOK_OUTBOX_EVERY_MS = 2_000;
/** A claim outlives the longest attempt; a worker that dies mid-attempt is retried after it. */
export const CLAIM_LEASE_MS = 60_000;
const BATCH = 25;
/** Claim rounds per sweep: the next row of a conversation becomes claimable once the previous one is delivered. */
const MAX_ROUNDS = 20;

export type WebhookOutboxDeps = {
  store: WebhooksStore;
  clock: Clock;
  allowPrivateTargets: () => Promise<boolean>;
  post?: typeof postGuarded;
};

function newDeliveryRow(
  endpointId: string,
  event: TWebhookBody['event'],
  data: unknown,
  now: number,
  orderKey: string | null = null,
): WebhookDeliveryRow {
  const id = newId();
  const body: TWebhookBody = { id, event, createdAt: now, data };
  return {
    id,
    endpoint_id: endpointId,
    event,
    body: JSON.stringify(body),
    status: 'pending',
    attempts: 0,
    next_attempt_at: now,
    claimed_until: null,
    last_attempt_at: null,
    last_status_code: null,
    last_error: null,
    delivered_at: null,
    created_at: now,
    order_key: orderKey,
  };
}

/** POSTs one delivery, signed; the outcome to store (never throws for the endpoint's failures). */
async function send(
  deps: WebhookOutboxDeps,
  endpoint: WebhookEndpointRow,
  row: WebhookDeliveryRow,
): Promise<{ statusCode: number | null; error: string | null }> {
  const timestamp = Math.floor(deps.clock.now() / 1000);
  try {
    const response = await (deps.post ?? postGuarded)(endpoint.url, {
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Charla-Webhooks/1',
        'charla-webhook-id': row.id,
        'charla-webhook-timestamp': String(timestamp),
        'charla-webhook-signature': signWebhook(endpoint.secret, timestamp, row.body),
        ...standardWebhookHeaders(endpoint.secret, row.id, timestamp, row.body),
      },
      body: row.body,
      timeoutMs: DELIVERY_TIMEOUT_MS,
      allowPrivate: await deps.allowPrivateTargets(),
    });
    return {
      statusCode: response.status,
      error: response.status >= 300 ? `HTTP ${response.status}` : null,
    };
  } catch (error) {
    if (error instanceof ForbiddenTargetError)
      return { statusCode: null, error: `Refused: ${error.message}` };
    const e = error as { name?: string; code?: string; message?: string };
    const timedOut = e.name === 'AbortError' || e.name === 'TimeoutError';
    return {
      statusCode: null,
      error: timedOut
        ? `Timed out after ${DELIVERY_TIMEOUT_MS / 1000} s`
        : (e.code ?? e.message ?? 'Network error'),
    };
  }
}

/**
 * The durable outbox: events become rows (one per subscribed endpoint), and `deliverDue` — run by
 * a background job on every process — claims due rows atomically and POSTs them signed.
 */
export function createWebhookOutbox(deps: WebhookOutboxDeps) {
  const { store, clock } = deps;

  /** The active endpoints subscribed to the event (read with the change's executor, cached a second). */
  async function subscribersOf(event: TWebhookEventName, executor?: Db) {
    const endpoints = await store.listActiveEndpoints(executor);
    return endpoints.filter((e) => fromJsonColumn<string[]>(e.events, []).includes(event));
  }

  /** One outbox row per active endpoint subscribed to the event. */
  async function rowsFor(
    event: TWebhookEventName,
    data: unknown,
    orderKey: string | null,
    now: number,
    executor?: Db,
  ): Promise<WebhookDeliveryRow[]> {
    const endpoints = await subscribersOf(event, executor);
    return endpoints.map((e) => newDeliveryRow(e.id, event, data, now, orderKey));
  }

  async function attempt(row: WebhookDeliveryRow): Promise<void> {
    const claimedUntil = row.claimed_until ?? 0;
    const endpoint = await store.findEndpoint(row.endpoint_id);
    if (!endpoint) return;
    const attempts = row.attempts + 1;
    const result =
      endpoint.active === 1
        ? await send(deps, endpoint, row)
        : { statusCode: null, error: 'The endpoint is inactive' };
    const now = clock.now();
    const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
    const next = ok || endpoint.active !== 1 ? null : nextAttemptAt(attempts, row.created_at, now);
    const outcome: DeliveryOutcome = {
      status: ok ? 'delivered' : next === null ? 'failed' : 'pending',
      attempts,
      next_attempt_at: next,
      last_attempt_at: now,
      last_status_code: result.statusCode,
      last_error: ok ? null : result.error,
      delivered_at: ok ? now : null,
    };
    await store.finishAttempt(row.id, claimedUntil, outcome);
  }

  return {
    /**
     * Writes one outbox row per active endpoint subscribed to the event; returns how many.
     * `executor`: the transaction of the change the event reports (the database without one).
     */
    async enqueue(
      event: TWebhookEventName,
      data: unknown,
      orderKey: string | null,
      executor?: Db,
    ): Promise<number> {
      const rows = await rowsFor(event, data, orderKey, clock.now(), executor);
      await store.insertDeliveries(rows, executor);
      return rows.length;
    },
    /** Whether an active endpoint subscribes to the event now (from the endpoints read a second ago at most). */
    async subscribes(event: TWebhookEventName): Promise<boolean> {
      return (await subscribersOf(event)).length > 0;
    },
    /** Sends a `ping` to one endpoint now (and keeps it in the outbox for retries if it fails). */
    async ping(endpointId: string, data: unknown): Promise<WebhookDeliveryRow> {
      const now = clock.now();
      const row = newDeliveryRow(endpointId, 'ping', data, now);
      await store.insertDeliveries([row]);
      const claimed = await store.claimOne(row.id, now, now + CLAIM_LEASE_MS);
      if (claimed) await attempt(claimed);
      return (await store.findDelivery(row.id)) ?? row;
    },
    /**
     * The background job: claims due rows and attempts them, in rounds until nothing is claimable
     * (at most one row per conversation and endpoint is in flight); returns how many were attempted.
     */
    async deliverDue(): Promise<number> {
      let attempted = 0;
      for (let round = 0; round < MAX_ROUNDS; round += 1) {
        const now = clock.now();
        const rows = await store.claimDue(now, now + CLAIM_LEASE_MS, BATCH);
        if (rows.length === 0) break;
        await Promise.all(rows.map(attempt));
        attempted += rows.length;
      }
      return attempted;
    },
  };
}
export type WebhookOutbox = ReturnType<typeof createWebhookOutbox>;
