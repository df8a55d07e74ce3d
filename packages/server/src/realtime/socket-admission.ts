import type { FastifyReply, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import type { ZodType } from 'zod';
import type { App } from '../http/app-type';
import { AppError } from '../lib/app-error';
import { createRateLimiter } from '../lib/rate-limiter';
import type { Services } from '../services';
import { traceFrame } from '../ops/tracing';
import type { Connection } from './connections';
import { errorFrameOf, parseFrame } from './frame-codec';
import { createMessageStream } from './message-stream';
import { sendFrame, sendRaw } from './send-frame';

/** Past this many sockets a process refuses new ones cleanly instead of dying on EMFILE. */
export const MAX_SOCKETS_PER_PROCESS = 18_000;

/** Answers a refused upgrade with the error's status and body; false, so `return refuse(…)` stops. */
export async function refuse(reply: FastifyReply, error: AppError): Promise<false> {
  await reply.status(error.status).send(error.toBody());
  return false;
}

/**
 * Who may open a socket on this process: a full process refuses cleanly, and each address opens
 * at most 60 a minute here (the shared limit across processes is checked earlier, on the request).
 */
export function createSocketAdmission(
  services: Pick<Services, 'config' | 'clock'>,
  openSockets: () => number,
) {
  const { config, clock } = services;
  const connectionsPerIp = createRateLimiter({
    limit: 60 * config.rateLimitMultiplier,
    windowMs: 60_000,
    clock,
  });
  return async function admit(request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
    if (openSockets() >= MAX_SOCKETS_PER_PROCESS)
      return refuse(
        reply,
        new AppError('SERVICE_UNAVAILABLE', { message: 'This server is full; retry shortly.' }),
      );
    if (!connectionsPerIp.take(request.ip)) return refuse(reply, new AppError('RATE_LIMITED'));
    return true;
  };
}
export type SocketAdmission = ReturnType<typeof createSocketAdmission>;

/** Frames in, errors out: each socket's frames are decoded and handled one after another. */
export function createFrameQueue(app: App) {
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
    socket.on('message', (raw) => {
      const parsed = parseFrame(raw, schema);
      if (!parsed.ok) return sendError(socket, parsed.error, parsed.ref);
      const ref = 'ref' in parsed.frame ? (parsed.frame.ref as string | undefined) : undefined;
      if (!admitFrame(parsed.frame)) return sendError(socket, new AppError('RATE_LIMITED'), ref);
      const run = () => traceFrame(connection.kind, parsed.frame.type, () => handle(parsed.frame));
      queue = queue.then(() => run().catch((error: unknown) => sendError(socket, error, ref)));
    });
  }

  return { onFrames };
}
export type FrameQueue = ReturnType<typeof createFrameQueue>;

/** This socket's ordered message stream (R28), read as its viewer. */
export function messageStreamFor(
  socket: WebSocket,
  conversations: Services['conversations'],
  viewer: Parameters<Services['conversations']['streamMessages']>[0],
) {
  return createMessageStream(
    (frame) => (typeof frame === 'string' ? sendRaw(socket, frame) : sendFrame(socket, frame)),
    (conversationId, after) => conversations.streamMessages(viewer, conversationId, after),
  );
}
