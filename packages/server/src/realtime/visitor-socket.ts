import { ZVisitorClientFrame } from '@charla/protocol';
import type { App } from '../http/app-type';
import { AppError } from '../lib/app-error';
import { newId } from '../lib/ids';
import type { Services } from '../services';
import type { ConnectionRegistry } from './connection-registry';
import type { VisitorConnection } from './connections';
import type { Heartbeat } from './heartbeat';
import { sendFrame } from './send-frame';
import { adoptUpgradedSocket } from './upgraded-socket';
import type { MessageStream } from './message-stream';
import { messageStreamFor, refuse, type FrameQueue, type SocketAdmission } from './socket-admission';
import { handleVisitorFrame, type SocketOrigin } from './visitor-frames';

/** /ws/visitor: a widget's socket, admitted by its visitor token. */
export function registerVisitorSocket(
  app: App,
  services: Services,
  parts: {
    visitors: ConnectionRegistry<VisitorConnection>;
    admit: SocketAdmission;
    frames: FrameQueue;
    heartbeat: Heartbeat;
  },
): void {
  const { visitors, admit, frames, heartbeat } = parts;
  const { conversations, clock } = services;
  const deps = {
    conversations,
    runner: services.runner,
    identity: services.identity,
    playbooks: services.playbooks,
    reports: services.reports,
    clock,
    limits: services.rateLimits,
  };
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
      const origin: SocketOrigin = { ip: request.ip, userAgent: request.headers['user-agent'] ?? null };
      adoptUpgradedSocket(socket, request);
      // Made at first use: most visitors browse without a conversation (issue 25: a stream is
      // a dozen objects, and every idle socket's are walked by each old-generation collection).
      let stream: MessageStream | undefined;
      const connection: VisitorConnection = {
        kind: 'visitor',
        id: newId(),
        socket,
        visitorId,
        get stream() {
          return (stream ??= messageStreamFor(socket, conversations, { visitorId }));
        },
        missedPongs: 0,
      };
      visitors.add(visitorId, connection);
      heartbeat.watch(connection);
      socket.on('close', () => visitors.remove(visitorId, connection));
      sendFrame(socket, { type: 'ready', visitorId });
      frames.onFrames(connection, ZVisitorClientFrame, (frame) =>
        handleVisitorFrame(deps, connection, frame, origin),
      );
    },
  );
}
