/* eslint-disable no-restricted-syntax -- prom-client calls each gauge's collect() with the gauge as `this`. */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DatabaseHandle } from '../../db/database';
import type { DomainEvents } from '../../lib/domain-events';
import type { Bus } from '../../realtime/bus';

export type SocketKind = 'visitor' | 'agent';
export type OutboxStats = { pending: number; retrying: number; delivered: number; failed: number };

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

export type MetricsDeps = {
  database: DatabaseHandle;
  bus: Bus;
  events: DomainEvents;
  webhookStats: () => Promise<OutboxStats>;
  /** Mail outbox rows by status (pending = depth; failed = gave up; sent; skipped = no SMTP). */
  mailStats: () => Promise<Record<string, number>>;
};

/**
 * The Prometheus series of one process (its own registry, so tests can run several apps).
 * Counters move where things happen; gauges that describe state are read when scraped.
 */
export function createMetrics(deps: MetricsDeps) {
  const registry = new Registry();
  // Process figures, event-loop delay (nodejs_eventloop_lag_*), heap and GC.
  collectDefaultMetrics({ register: registry });
  const openSockets: Record<SocketKind, number> = { visitor: 0, agent: 0 };
  const jobLastRun = new Map<string, number>();

  new Gauge({
    name: 'charla_websocket_connections',
    help: 'Open WebSocket connections on this process, by kind',
    labelNames: ['kind'],
    registers: [registry],
    collect() {
      for (const kind of ['visitor', 'agent'] as const) this.set({ kind }, openSockets[kind]);
    },
  });
  const socketsOpened = new Counter({
    name: 'charla_websocket_connections_opened_total',
    help: 'WebSocket connections accepted, by kind',
    labelNames: ['kind'],
    registers: [registry],
  });
  const persisted = new Counter({
    name: 'charla_messages_persisted_total',
    help: 'Messages committed to the database by this process, by author kind',
    labelNames: ['author'],
    registers: [registry],
  });
  const framesSent = new Counter({
    name: 'charla_frames_sent_total',
    help: 'WebSocket frames sent, by frame type (type="message" is the message fan-out)',
    labelNames: ['type'],
    registers: [registry],
  });
  const ackLatency = new Histogram({
    name: 'charla_ack_latency_seconds',
    help: 'From a send/answer frame arriving to its ack (after the database commit), by socket kind',
    labelNames: ['kind'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const httpDuration = new Histogram({
    name: 'charla_http_request_duration_seconds',
    help: 'HTTP requests by method, route template and status class',
    labelNames: ['method', 'route', 'status'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const jobDuration = new Histogram({
    name: 'charla_job_duration_seconds',
    help: 'Background job runs (presence beat, waiting-time sweep, webhook outbox), by job and outcome',
    labelNames: ['job', 'outcome'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  registerStateGauges(registry, deps, jobLastRun);
  registerPoolMetrics(registry, deps.database);

  deps.events.on('message.created', ({ message }) => {
    persisted.inc({ author: (message as { author?: { kind?: string } }).author?.kind ?? 'unknown' });
  });

  return {
    registry,
    socketOpened(kind: SocketKind): () => void {
      openSockets[kind] += 1;
      socketsOpened.inc({ kind });
      return () => void (openSockets[kind] -= 1);
    },
    frameSent: (type: string) => framesSent.inc({ type }),
    ackSent: (kind: SocketKind, seconds: number) => ackLatency.observe({ kind }, seconds),
    httpRequest: (method: string, route: string, status: number, seconds: number) =>
      httpDuration.observe({ method, route, status: `${Math.floor(status / 100)}xx` }, seconds),
    jobRan(job: string, seconds: number, ok: boolean): void {
      jobDuration.observe({ job, outcome: ok ? 'ok' : 'failed' }, seconds);
      jobLastRun.set(job, Date.now());
    },
  };
}
export type Metrics = ReturnType<typeof createMetrics>;

/** Gauges read when scraped: job lag, the bus, the webhook and mail outboxes. */
function registerStateGauges(registry: Registry, deps: MetricsDeps, jobLastRun: Map<string, number>): void {
  new Gauge({
    name: 'charla_job_lag_seconds',
    help: 'Seconds since each background job last finished (the sweep lag: grows when sweeps stall)',
    labelNames: ['job'],
    registers: [registry],
    collect() {
      const now = Date.now();
      for (const [job, at] of jobLastRun) this.set({ job }, (now - at) / 1000);
    },
  });
  new Gauge({
    name: 'charla_bus_connected',
    help: '1 when the event bus (Redis with REDIS_URL, else in-process) is connected',
    registers: [registry],
    collect() {
      this.set(deps.bus.isConnected() ? 1 : 0);
    },
  });
  new Gauge({
    name: 'charla_webhook_outbox',
    help: 'Webhook deliveries by state (pending = outbox depth; retrying = pending after a failure; failed = gave up)',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      const stats = await deps.webhookStats();
      for (const [state, n] of Object.entries(stats)) this.set({ state }, n);
    },
  });
  new Gauge({
    name: 'charla_mail_outbox',
    help: 'Mails by state (pending = outbox depth; failed = gave up after retries; sent; skipped = no SMTP)',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      const stats = await deps.mailStats();
      for (const [state, n] of Object.entries(stats)) this.set({ state }, n);
    },
  });
}

/** PostgreSQL's pool: connections by state, queries waiting, and how long they waited. */
function registerPoolMetrics(registry: Registry, database: DatabaseHandle): void {
  const pool = database.pool;
  if (!pool) return;
  new Gauge({
    name: 'charla_db_pool_connections',
    help: 'PostgreSQL pool connections by state',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      this.set({ state: 'idle' }, pool.idle());
      this.set({ state: 'busy' }, pool.size() - pool.idle());
      this.set({ state: 'waiting' }, pool.waiting());
    },
  });
  const wait = new Histogram({
    name: 'charla_db_pool_wait_seconds',
    help: 'How long queries waited for a PostgreSQL connection',
    buckets: [0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
    registers: [registry],
  });
  pool.onWait((seconds) => wait.observe(seconds));
}
