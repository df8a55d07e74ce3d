import { ZAgentClientFrame, ZVisitorClientFrame } from '@charla/protocol';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RawData, WebSocket } from 'ws';
import type { ZodType } from 'zod';
import type { App } from '../http/app-type';
import { isSameOrigin, readSessionToken } from '../http/guards';
import { AppError } from '../lib/app-error';
import { createRateLimiter } from '../lib/rate-limiter';
import type { AuthUser } from '../modules/auth/auth.service';
import type { Services } from '../services';
import { handleAgentFrame } from './agent-frames';
import { createBusDelivery, endedByServer } from './bus-delivery';
import { createConnectionRegistry } from './connection-registry';
import type { AgentConnection, Connection, VisitorConnection } from './connections';
import { errorFrameOf, parseFrame } from './frame-codec';
import { startHeartbeat, watchAlive } from './heartbeat';
import { createMessageStream } from './message-stream';
import { replayAfterBusOutage } from './replay';
import { sendFrame, sendRaw } from './send-frame';
import { handleVisitorFrame } from './visitor-frames';

export { HARD_FRAME_LIMIT } from './frame-codec';

/** Past this many sockets a process refuses new ones cleanly instead of dying on EMFILE. */
export const MAX_SOCKETS_PER_PROCESS = 18_000;

/**
 * The realtime gateway: /ws/visitor and /ws/agent. Admission, one ordered queue of frames per
 * socket, heartbeats, and the wiring of bus events to sockets. Frames are decoded in
 * frame-codec.ts and handled by the same services as REST (visitor-frames.ts, agent-frames.ts);
 * who gets what is decided by the pure fan-out (fan-out.ts).
 */
export function registerRealtime(app: App, services: Services): { stop(): void } {
  const agents = createConnectionRegistry<AgentConnection>();
  const visitors = createConnectionRegistry<VisitorConnection>();
  const { conversations, presence, clock, config } = services;
  const limiter = (limit: number, windowMs: number) =>
    createRateLimiter({ limit: limit * config.rateLimitMultiplier, windowMs, clock });
  const connectionsPerIp = limiter(60, 60_000);
  const agentFrames = limiter(200, 10_000);

  async function refuse(reply: FastifyReply, error: AppError): Promise<false> {
    await reply.status(error.status).send(error.toBody());
    return false;
  }

  async function admit(request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
    if (agents.size + visitors.size >= MAX_SOCKETS_PER_PROCESS)
      return refuse(
        reply,
        new AppError('SERVICE_UNAVAILABLE', { message: 'This server is full; retry shortly.' }),
      );
    if (!connectionsPerIp.take(request.ip)) return refuse(reply, new AppError('RATE_LIMITED'));
    return true;
  }

  function sendError(socket: WebSocket, error: unknown, ref?: string): void {
    const { frame, internal } = errorFrameOf(error, ref);
    if (internal) app.log.error({ err: error }, 'websocket frame failed');
    sendFrame(socket, frame);
  }

  /** Decodes each frame and handles them one after another, so a client's messages keep their order. */
  function onFrames<T extends { type: string }>(
    connection: Connection,
    schema: ZodType<T>,
    handle: (frame: T) => Promise<void>,
    admitFrame: (frame: T) => boolean = () => true,
  ): void {
    const { socket } = connection;
    let queue = Promise.resolve();
    socket.on('message', (raw: RawData) => {
      const parsed = parseFrame(raw, schema);
      if (!parsed.ok) return sendError(socket, parsed.error, parsed.ref);
      const ref = 'ref' in parsed.frame ? (parsed.frame.ref as string | undefined) : undefined;
      if (!admitFrame(parsed.frame)) return sendError(socket, new AppError('RATE_LIMITED'), ref);
      queue = queue.then(() => handle(parsed.frame).catch((error: unknown) => sendError(socket, error, ref)));
    });
  }

  function messageStream(socket: WebSocket, viewer: Parameters<typeof conversations.streamMessages>[0]) {
    return createMessageStream(
      (frame) => (typeof frame === 'string' ? sendRaw(socket, frame) : sendFrame(socket, frame)),
      (conversationId, after) => conversations.streamMessages(viewer, conversationId, after),
    );
  }

  app.get(
    '/ws/visitor',
    {
      websocket: true,
      schema: { hide: true },
      preValidation: async (request, reply) => {
        if (!(await admit(request, reply))) return;
        const visitor = await services.visitors.authenticate((request.query as { token?: string }).token);
        if (!visitor) return refuse(reply, new AppError('VISITOR_TOKEN_INVALID'));
        request.visitor = visitor;
      },
    },
    (socket, request) => {
      const visitorId = request.visitor?.id ?? '';
      const stream = messageStream(socket, { visitorId });
      const connection: VisitorConnection = { kind: 'visitor', socket, visitorId, stream, missedPongs: 0 };
      visitors.add(visitorId, connection);
      watchAlive(connection);
      socket.on('close', () => visitors.remove(visitorId, connection));
      socket.on('error', () => socket.terminate());
      sendFrame(socket, { type: 'ready', visitorId });
      const deps = {
        conversations,
        runner: services.runner,
        identity: services.identity,
        clock,
        limits: services.rateLimits,
      };
      onFrames(connection, ZVisitorClientFrame, (frame) =>
        handleVisitorFrame(deps, connection, frame, request),
      );
    },
  );

  app.get(
    '/ws/agent',
    {
      websocket: true,
      schema: { hide: true },
      preValidation: async (request, reply) => {
        // Cross-site WebSocket hijacking: only our own pages may open this socket with our cookie.
        if (!isSameOrigin(request, config.publicUrl))
          return refuse(reply, new AppError('ORIGIN_NOT_ALLOWED'));
        if (!(await admit(request, reply))) return;
        const user = await services.auth.authenticate(readSessionToken(request));
        if (!user) return refuse(reply, new AppError('UNAUTHENTICATED'));
        request.user = user;
      },
    },
    (socket, request) => {
      const user = request.user as AuthUser;
      const stream = messageStream(socket, { user });
      const connection: AgentConnection = { kind: 'agent', socket, user, stream, missedPongs: 0 };
      agents.add(user.id, connection);
      watchAlive(connection);
      void presence
        .connected(user.id)
        .catch((error: unknown) => app.log.warn({ err: error }, 'presence update failed'));
      socket.on('close', () => {
        agents.remove(user.id, connection);
        // Ended by logout or a missed heartbeat: offline now. A plain close keeps the reconnect grace.
        presence
          .disconnected(user.id, endedByServer.has(connection))
          .catch((error: unknown) => app.log.warn({ err: error }, 'presence update failed'));
      });
      socket.on('error', () => socket.terminate());
      sendFrame(socket, { type: 'ready', userId: user.id });
      onFrames(
        connection,
        ZAgentClientFrame,
        (frame) => handleAgentFrame({ conversations, clock }, connection, frame),
        () => agentFrames.take(user.id),
      );
    },
  );

  const onBusEvent = createBusDelivery(app, services, { agents, visitors });
  const unsubscribe = services.bus.subscribe((event) => {
    onBusEvent(event).catch((error: unknown) =>
      app.log.warn({ err: error, type: event.type }, 'realtime fan-out failed'),
    );
  });
  const offReconnect = services.bus.onReconnect(() => {
    replayAfterBusOutage(conversations, agents.all(), visitors.all()).catch((error: unknown) =>
      app.log.warn({ err: error }, 'replay after bus outage failed'),
    );
  });
  const stopHeartbeat = startHeartbeat(
    () => [...agents.all(), ...visitors.all()],
    config.wsPingIntervalMs,
    (silent) => {
      endedByServer.add(silent);
      silent.socket.terminate();
    },
  );

  return {
    stop() {
      unsubscribe();
      offReconnect();
      stopHeartbeat();
      for (const c of [...agents.all(), ...visitors.all()]) c.socket.close(1001, 'server stopping');
    },
  };
}
