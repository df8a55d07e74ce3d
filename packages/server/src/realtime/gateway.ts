import {
  canUserSee,
  isVisitorVisibleEvent,
  MAX_FRAME_BYTES,
  toPlainText,
  wsCloseCodes,
  ZAgentClientFrame,
  ZVisitorClientFrame,
  type TAgentClientFrame,
  type TVisitorClientFrame,
} from '@charla/protocol';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RawData, WebSocket } from 'ws';
import type { ZodType } from 'zod';
import type { App } from '../http/app-type';
import { toAppError } from '../http/error-handler';
import { isSameOrigin, readSessionToken } from '../http/guards';
import { containsNul, NUL_MESSAGE } from '../http/strict-input';
import { AppError } from '../lib/app-error';
import { createRateLimiter } from '../lib/rate-limiter';
import type { AuthUser } from '../modules/auth/auth.service';
import { forViewer } from '../modules/conversations/conversation-dto';
import type { Services } from '../services';
import type { BusEvent } from './bus-events';
import { createConnectionRegistry } from './connection-registry';
import { sendFrame, sendRaw } from './send-frame';

/** `seen`: per conversation, the highest sequence number this socket was sent (for replays). */
type AgentConnection = {
  socket: WebSocket;
  user: AuthUser;
  seen: Map<string, number>;
  seenAtOutage?: Map<string, number>;
};
type VisitorConnection = {
  socket: WebSocket;
  visitorId: string;
  seen: Map<string, number>;
  seenAtOutage?: Map<string, number>;
};

function noteSeen(connection: { seen: Map<string, number> }, conversationId: string, seq: number): void {
  if ((connection.seen.get(conversationId) ?? 0) < seq) connection.seen.set(conversationId, seq);
}

/** Past this many sockets a process refuses new ones cleanly instead of dying on EMFILE. */
export const MAX_SOCKETS_PER_PROCESS = 18_000;
/** The hard limit at which ws itself closes the socket (1009); between 64 KB and this, an error frame. */
const HARD_FRAME_LIMIT = 256 * 1024;

/**
 * The realtime gateway: /ws/visitor and /ws/agent. Frames are parsed with protocol schemas and
 * handed to the same services as REST; bus events fan out only to sockets allowed to see them.
 */
export function registerRealtime(app: App, services: Services): { stop(): void } {
  const agents = createConnectionRegistry<AgentConnection>();
  const visitors = createConnectionRegistry<VisitorConnection>();
  const { conversations, runner, presence, clock } = services;
  const connectionsPerIp = createRateLimiter({
    limit: 60 * services.config.rateLimitMultiplier,
    windowMs: 60_000,
    clock,
  });
  const visitorMessages = createRateLimiter({
    limit: 30 * services.config.rateLimitMultiplier,
    windowMs: 10_000,
    clock,
  });
  const agentFramesLimiter = createRateLimiter({
    limit: 200 * services.config.rateLimitMultiplier,
    windowMs: 10_000,
    clock,
  });

  const total = () => agents.size + visitors.size;

  function refuse(reply: FastifyReply, error: AppError) {
    return reply.status(error.status).send(error.toBody());
  }

  async function admit(request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
    if (total() >= MAX_SOCKETS_PER_PROCESS) {
      await refuse(
        reply,
        new AppError('SERVICE_UNAVAILABLE', { message: 'This server is full; retry shortly.' }),
      );
      return false;
    }
    if (!connectionsPerIp.take(request.ip)) {
      await refuse(reply, new AppError('RATE_LIMITED'));
      return false;
    }
    return true;
  }

  function errorFrame(socket: WebSocket, error: unknown, ref?: string): void {
    const appError = toAppError(error);
    if (appError.status >= 500) app.log.error({ err: error }, 'websocket frame failed');
    sendFrame(socket, {
      type: 'error',
      ...(ref ? { ref } : {}),
      code: appError.code,
      message: appError.message,
      ...(appError.details === undefined ? {} : { details: appError.details }),
    });
  }

  function parseFrame<T>(socket: WebSocket, raw: RawData, schema: ZodType<T>): T | null {
    const size = Array.isArray(raw) ? raw.reduce((n, b) => n + b.length, 0) : (raw as Buffer).byteLength;
    if (size > MAX_FRAME_BYTES) {
      errorFrame(socket, new AppError('FRAME_TOO_LARGE'));
      return null;
    }
    let json: unknown;
    try {
      json = JSON.parse(
        Buffer.isBuffer(raw) ? raw.toString('utf8') : Buffer.concat(raw as Buffer[]).toString('utf8'),
      );
    } catch {
      errorFrame(socket, new AppError('INVALID_JSON'));
      return null;
    }
    if (containsNul(json)) {
      errorFrame(socket, new AppError('BAD_REQUEST', { message: NUL_MESSAGE }), refOf(json));
      return null;
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      errorFrame(
        socket,
        new AppError('VALIDATION_FAILED', {
          details: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
        }),
        refOf(json),
      );
      return null;
    }
    return parsed.data;
  }

  function refOf(json: unknown): string | undefined {
    return typeof (json as { ref?: unknown } | null)?.ref === 'string'
      ? (json as { ref: string }).ref.slice(0, 64)
      : undefined;
  }

  // ---- visitors ----
  app.get(
    '/ws/visitor',
    {
      websocket: true,
      schema: { hide: true },
      preValidation: async (request, reply) => {
        if (!(await admit(request, reply))) return;
        const token = (request.query as { token?: string }).token;
        const visitor = await services.visitors.authenticate(token);
        if (!visitor) return refuse(reply, new AppError('VISITOR_TOKEN_INVALID'));
        request.visitor = visitor;
      },
    },
    (socket, request) => {
      const visitorId = request.visitor?.id ?? '';
      const connection: VisitorConnection = { socket, visitorId, seen: new Map() };
      visitors.add(visitorId, connection);
      socket.on('close', () => visitors.remove(visitorId, connection));
      socket.on('error', () => socket.terminate());
      sendFrame(socket, { type: 'ready', visitorId });
      let queue = Promise.resolve();
      socket.on('message', (raw) => {
        const frame = parseFrame(socket, raw, ZVisitorClientFrame);
        if (!frame) return;
        // Frames of one socket are handled in order, so a client's messages keep their order.
        queue = queue.then(() =>
          handleVisitorFrame(connection, frame, request).catch((error: unknown) =>
            errorFrame(socket, error, 'ref' in frame ? frame.ref : undefined),
          ),
        );
      });
    },
  );

  async function handleVisitorFrame(
    connection: VisitorConnection,
    frame: TVisitorClientFrame,
    request: FastifyRequest,
  ): Promise<void> {
    const { socket, visitorId } = connection;
    switch (frame.type) {
      case 'ping':
        sendFrame(socket, { type: 'pong', at: clock.now() });
        return;
      case 'start': {
        if (!visitorMessages.take(`start:${visitorId}`)) throw new AppError('RATE_LIMITED');
        const conversation = await runner.start(visitorId, {
          playbookPublicId: frame.playbookId,
          startKey: frame.startKey,
          context: frame.context ?? {},
          userAgent: request.headers['user-agent'] ?? null,
        });
        sendFrame(socket, { type: 'conversation', ref: frame.ref, conversation });
        const page = await conversations.messagesForVisitor(visitorId, conversation.id, 0, 500);
        sendFrame(socket, {
          type: 'messages',
          conversationId: conversation.id,
          messages: page.items,
          lastSeq: page.lastSeq,
        });
        noteSeen(connection, conversation.id, page.lastSeq);
        return;
      }
      case 'subscribe': {
        const conversation = await conversations.getForVisitor(visitorId, frame.conversationId);
        sendFrame(socket, { type: 'conversation', ref: frame.ref, conversation });
        let after = frame.lastSeq;
        for (;;) {
          const page = await conversations.messagesForVisitor(visitorId, frame.conversationId, after, 500);
          sendFrame(socket, {
            type: 'messages',
            conversationId: frame.conversationId,
            messages: page.items,
            lastSeq: page.lastSeq,
          });
          noteSeen(connection, frame.conversationId, page.lastSeq);
          if (!page.hasMore) break;
          after = page.lastSeq;
        }
        return;
      }
      case 'send': {
        if (!visitorMessages.take(visitorId)) throw new AppError('RATE_LIMITED');
        const message = await runner.visitorText(
          visitorId,
          frame.conversationId,
          frame.clientMsgId,
          frame.body,
          toPlainText(frame.body),
        );
        sendFrame(socket, { type: 'ack', ref: frame.ref, clientMsgId: frame.clientMsgId, message });
        return;
      }
      case 'answer': {
        if (!visitorMessages.take(visitorId)) throw new AppError('RATE_LIMITED');
        const message = await runner.answer(visitorId, frame.conversationId, frame.clientMsgId, frame.answer);
        sendFrame(socket, { type: 'ack', ref: frame.ref, clientMsgId: frame.clientMsgId, message });
        return;
      }
      case 'typing':
        await conversations.visitorTyping(visitorId, frame.conversationId, frame.active, frame.preview);
        return;
      case 'read': {
        const row = await conversations.getVisitorRow(frame.conversationId, visitorId);
        await conversations.markRead('visitor', row, frame.seq);
        return;
      }
      case 'page':
        await conversations.recordContext(visitorId, {
          pageUrl: frame.pageUrl,
          pageTitle: frame.pageTitle ?? null,
        });
        return;
      case 'identify':
        await conversations.identifyVisitor(visitorId, { name: frame.name, email: frame.email });
        return;
      case 'leave': {
        const conversation = await conversations.visitorLeave(visitorId, frame.conversationId);
        sendFrame(socket, { type: 'conversation', ref: frame.ref, conversation });
        return;
      }
    }
  }

  // ---- users (agents) ----
  app.get(
    '/ws/agent',
    {
      websocket: true,
      schema: { hide: true },
      preValidation: async (request, reply) => {
        // Cross-site WebSocket hijacking: only our own pages may open this socket with our cookie.
        if (!isSameOrigin(request, services.config.publicUrl))
          return refuse(reply, new AppError('ORIGIN_NOT_ALLOWED'));
        if (!(await admit(request, reply))) return;
        const user = await services.auth.authenticate(readSessionToken(request));
        if (!user) return refuse(reply, new AppError('UNAUTHENTICATED'));
        request.user = user;
      },
    },
    (socket, request) => {
      const user = request.user as AuthUser;
      const connection: AgentConnection = { socket, user, seen: new Map() };
      agents.add(user.id, connection);
      void presence
        .connected(user.id)
        .catch((error: unknown) => app.log.warn({ err: error }, 'presence update failed'));
      socket.on('close', () => {
        agents.remove(user.id, connection);
        presence.disconnected(user.id);
      });
      socket.on('error', () => socket.terminate());
      sendFrame(socket, { type: 'ready', userId: user.id });
      let queue = Promise.resolve();
      socket.on('message', (raw) => {
        const frame = parseFrame(socket, raw, ZAgentClientFrame);
        if (!frame) return;
        if (!agentFramesLimiter.take(user.id)) {
          errorFrame(socket, new AppError('RATE_LIMITED'), 'ref' in frame ? frame.ref : undefined);
          return;
        }
        queue = queue.then(() =>
          handleAgentFrame(connection, frame).catch((error: unknown) =>
            errorFrame(socket, error, 'ref' in frame ? frame.ref : undefined),
          ),
        );
      });
    },
  );

  async function handleAgentFrame(connection: AgentConnection, frame: TAgentClientFrame): Promise<void> {
    const { socket, user } = connection;
    switch (frame.type) {
      case 'ping':
        sendFrame(socket, { type: 'pong', at: clock.now() });
        return;
      case 'subscribe': {
        let after = frame.lastSeq;
        for (;;) {
          const page = await conversations.messagesForUser(user, frame.conversationId, after, 500);
          sendFrame(socket, {
            type: 'messages',
            conversationId: frame.conversationId,
            messages: page.items,
            lastSeq: page.lastSeq,
          });
          noteSeen(connection, frame.conversationId, page.items.at(-1)?.seq ?? 0);
          if (!page.hasMore) break;
          after = page.items.at(-1)?.seq ?? page.lastSeq;
        }
        return;
      }
      case 'unsubscribe':
        return;
      case 'send': {
        const message = await conversations.userMessage(
          user,
          frame.conversationId,
          frame.clientMsgId,
          frame.body,
        );
        sendFrame(socket, { type: 'ack', ref: frame.ref, clientMsgId: frame.clientMsgId, message });
        return;
      }
      case 'typing':
        await conversations.userTyping(user, frame.conversationId, frame.active);
        return;
      case 'read': {
        const row = await conversations.getVisibleRow(frame.conversationId, user);
        await conversations.markRead('user', row, frame.seq);
        return;
      }
    }
  }

  // ---- fan-out of bus events ----
  async function onBusEvent(event: BusEvent): Promise<void> {
    switch (event.type) {
      case 'conversation.changed': {
        const removed = JSON.stringify({
          type: 'conversation_removed',
          conversationId: event.conversation.id,
        });
        for (const c of agents.all()) {
          if (
            canUserSee(
              { status: event.conversation.status, assigneeId: event.conversation.assignee?.id ?? null },
              c.user.id,
            )
          ) {
            sendFrame(c.socket, {
              type: 'conversation',
              conversation: forViewer(event.conversation, c.user.id),
            });
          } else {
            // Revokes a previous owner's (or anyone's) live view at once (R14).
            sendRaw(c.socket, removed);
          }
        }
        return;
      }
      case 'visitor.conversation': {
        const sockets = visitors.of(event.visitorId);
        if (sockets.size === 0) return;
        const frame = JSON.stringify({
          type: 'conversation',
          conversation: await conversations.getForVisitor(event.visitorId, event.conversationId),
        });
        for (const c of sockets) sendRaw(c.socket, frame);
        return;
      }
      case 'message.created': {
        const { conversation, message } = event;
        const state = { status: conversation.status, assigneeId: conversation.assignee?.id ?? null };
        const messageFrame = JSON.stringify({ type: 'message', message });
        for (const c of agents.all()) {
          if (!canUserSee(state, c.user.id)) continue;
          sendRaw(c.socket, messageFrame);
          noteSeen(c, conversation.id, message.seq);
          sendFrame(c.socket, { type: 'conversation', conversation: forViewer(conversation, c.user.id) });
        }
        if (message.event === null || isVisitorVisibleEvent(message.event)) {
          for (const c of visitors.of(conversation.visitor.id)) {
            sendRaw(c.socket, messageFrame);
            noteSeen(c, conversation.id, message.seq);
          }
        }
        return;
      }
      case 'typing': {
        if (event.from === 'visitor') {
          const frame = JSON.stringify({
            type: 'typing',
            conversationId: event.conversationId,
            from: 'visitor',
            name: event.name,
            active: event.active,
            ...(event.preview ? { preview: event.preview } : {}),
          });
          for (const c of agents.all())
            if (canUserSee({ status: event.status, assigneeId: event.assigneeId }, c.user.id))
              sendRaw(c.socket, frame);
        } else {
          const frame = JSON.stringify({
            type: 'typing',
            conversationId: event.conversationId,
            from: 'user',
            name: event.name,
            active: event.active,
          });
          for (const c of visitors.of(event.visitorId)) sendRaw(c.socket, frame);
        }
        return;
      }
      case 'read': {
        const frame = JSON.stringify({ type: 'read', conversationId: event.conversationId, seq: event.seq });
        if (event.side === 'user') for (const c of visitors.of(event.visitorId)) sendRaw(c.socket, frame);
        return;
      }
      case 'sessions.revoked': {
        for (const c of agents.of(event.userId)) {
          if (event.sessionIds === 'all' || event.sessionIds.includes(c.user.sessionId))
            c.socket.close(wsCloseCodes.sessionEnded, 'session ended');
        }
        return;
      }
      case 'presence.changed': {
        if (agents.size === 0) return;
        const online = await presence.onlineUserIds();
        const frame = JSON.stringify({
          type: 'presence',
          userId: event.userId,
          online: online.has(event.userId),
        });
        for (const c of agents.all()) sendRaw(c.socket, frame);
        return;
      }
      case 'notify': {
        const notification = {
          id: `${clock.now()}-${Math.random().toString(36).slice(2, 10)}`,
          createdAt: clock.now(),
          ...event.notification,
        };
        const frame = JSON.stringify({ type: 'notification', notification });
        for (const userId of event.userIds) for (const c of agents.of(userId)) sendRaw(c.socket, frame);
        return;
      }
    }
  }

  /**
   * After a bus outage (Redis restarted) events may have been lost, never messages: the database
   * has them. Every socket gets what it missed since the last sequence it was sent, the current
   * state of those conversations, and the Unassigned folder for new chats.
   */
  async function replayAfterBusOutage(phase: 'early' | 'final'): Promise<void> {
    // Replay from where each socket stood when the bus went down: a later message that did get
    // through live must not hide an earlier one that was lost.
    const from = (c: { seen: Map<string, number>; seenAtOutage?: Map<string, number> }) => {
      const starts = new Map(c.seen);
      for (const [id, seq] of c.seenAtOutage ?? []) starts.set(id, Math.min(seq, starts.get(id) ?? seq));
      if (phase === 'final') delete c.seenAtOutage;
      return starts;
    };
    for (const c of visitors.all()) {
      for (const [conversationId, seq] of from(c)) {
        const page = await conversations.messagesForVisitor(c.visitorId, conversationId, seq, 500);
        sendFrame(c.socket, {
          type: 'conversation',
          conversation: await conversations.getForVisitor(c.visitorId, conversationId),
        });
        sendFrame(c.socket, {
          type: 'messages',
          conversationId,
          messages: page.items,
          lastSeq: page.lastSeq,
        });
        noteSeen(c, conversationId, page.lastSeq);
      }
    }
    for (const c of agents.all()) {
      for (const [conversationId, seq] of from(c)) {
        try {
          const page = await conversations.messagesForUser(c.user, conversationId, seq, 500);
          sendFrame(c.socket, {
            type: 'conversation',
            conversation: await conversations.getDtoForUser(c.user, conversationId),
          });
          sendFrame(c.socket, {
            type: 'messages',
            conversationId,
            messages: page.items,
            lastSeq: page.lastSeq,
          });
          noteSeen(c, conversationId, page.items.at(-1)?.seq ?? seq);
        } catch {
          sendFrame(c.socket, { type: 'conversation_removed', conversationId });
          c.seen.delete(conversationId);
        }
      }
      const unassigned = await conversations.listFolder(c.user, { folder: 'unassigned', limit: 100 });
      for (const conversation of unassigned.items)
        sendFrame(c.socket, { type: 'conversation', conversation });
    }
  }

  const offDisconnect = services.bus.onDisconnect(() => {
    for (const c of [...visitors.all(), ...agents.all()]) c.seenAtOutage ??= new Map(c.seen);
  });
  const offReconnect = services.bus.onReconnect((phase) => {
    replayAfterBusOutage(phase).catch((error: unknown) =>
      app.log.warn({ err: error }, 'replay after bus outage failed'),
    );
  });

  const unsubscribe = services.bus.subscribe((event) => {
    onBusEvent(event).catch((error: unknown) =>
      app.log.warn({ err: error, type: event.type }, 'realtime fan-out failed'),
    );
  });

  return {
    stop() {
      unsubscribe();
      offReconnect();
      offDisconnect();
      for (const c of agents.all()) c.socket.close(1001, 'server stopping');
      for (const c of visitors.all()) c.socket.close(1001, 'server stopping');
    },
  };
}

export { HARD_FRAME_LIMIT };
