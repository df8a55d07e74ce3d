import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { WebSocket, WebSocketServer } from 'ws';
import type { App } from '../../http/app-type';
import { AppError } from '../../lib/app-error';
import { observeFrames } from '../../realtime/send-frame';
import type { Metrics, SocketKind } from './metrics';

/** At most this many un-acked client message ids are remembered per socket (a flood costs nothing). */
const MAX_PENDING_ACKS = 256;
const CLIENT_MSG_ID = Buffer.from('"clientMsgId":"');

type Tracked = { kind: SocketKind; pending: Map<string, number> };

/** The client message id of a raw frame, without parsing it (the gateway parses it once). */
function clientMsgIdOf(raw: Buffer): string | null {
  const at = raw.indexOf(CLIENT_MSG_ID);
  if (at < 0) return null;
  const start = at + CLIENT_MSG_ID.length;
  const end = raw.indexOf(0x22, start);
  return end > start && end - start <= 128 ? raw.toString('utf8', start, end) : null;
}

/**
 * Counts sockets by kind and times acks from the WebSocket server's own events and the frame
 * hook in send-frame, so the gateway stays untouched: a frame carrying a clientMsgId is stamped on
 * arrival (this listener runs before the gateway's) and observed when its ack goes out.
 */
function instrumentSockets(app: App, metrics: Metrics): void {
  const tracked = new WeakMap<WebSocket, Tracked>();
  const wss = (app as unknown as { websocketServer: WebSocketServer }).websocketServer;
  wss.on('connection', (socket: WebSocket, request: IncomingMessage) => {
    const kind: SocketKind = request.url?.startsWith('/ws/visitor') ? 'visitor' : 'agent';
    const state: Tracked = { kind, pending: new Map() };
    tracked.set(socket, state);
    const closed = metrics.socketOpened(kind);
    socket.once('close', closed);
    socket.on('message', (raw) => {
      if (!Buffer.isBuffer(raw)) return;
      const id = clientMsgIdOf(raw);
      if (id === null || state.pending.size >= MAX_PENDING_ACKS) return;
      state.pending.set(id, performance.now());
    });
  });
  const stop = observeFrames((socket, type, frame) => {
    const state = tracked.get(socket);
    if (!state) return; // another app's socket (tests run several in one process)
    metrics.frameSent(type);
    if (type !== 'ack' && type !== 'error') return;
    const id = (frame as { clientMsgId?: unknown } | null)?.clientMsgId;
    const started = typeof id === 'string' ? state.pending.get(id) : undefined;
    if (started === undefined || typeof id !== 'string') return;
    state.pending.delete(id);
    if (type === 'ack') metrics.ackSent(state.kind, (performance.now() - started) / 1000);
  });
  app.addHook('onClose', async () => stop());
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : '');
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/**
 * GET /metrics in the Prometheus text format, for a scraper holding METRICS_TOKEN as a bearer
 * token; without METRICS_TOKEN the route answers 404 (off by default: it reveals traffic).
 */
export function registerMetrics(app: App, metrics: Metrics, token: string | null): void {
  instrumentSockets(app, metrics);
  app.addHook('onResponse', async (request, reply) => {
    metrics.httpRequest(
      request.method,
      request.routeOptions.url ?? 'unmatched',
      reply.statusCode,
      reply.elapsedTime / 1000,
    );
  });
  app.get(
    '/metrics',
    {
      schema: {
        tags: ['health'],
        summary: 'Prometheus metrics (Authorization: Bearer METRICS_TOKEN; 404 when METRICS_TOKEN is unset)',
      },
    },
    async (request, reply) => {
      if (!token) throw new AppError('NOT_FOUND', { message: 'Metrics are off: set METRICS_TOKEN' });
      if (!bearerMatches(request.headers.authorization, token)) throw new AppError('UNAUTHENTICATED');
      const body = await metrics.registry.metrics();
      return reply.type(metrics.registry.contentType).send(body);
    },
  );
}
