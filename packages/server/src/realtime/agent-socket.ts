import { ZAgentClientFrame } from '@charla/protocol';
import type { App } from '../http/app-type';
import { isSameOrigin, readSessionToken } from '../http/guards';
import { AppError } from '../lib/app-error';
import { newId } from '../lib/ids';
import { createRateLimiter } from '../lib/rate-limiter';
import type { AuthUser } from '../modules/auth/index';
import type { Services } from '../services';
import { handleAgentFrame } from './agent-frames';
import { endedByServer } from './bus-delivery';
import type { ConnectionRegistry } from './connection-registry';
import type { AgentConnection } from './connections';
import type { Heartbeat } from './heartbeat';
import { sendFrame } from './send-frame';
import { adoptUpgradedSocket } from './upgraded-socket';
import { messageStreamFor, refuse, type FrameQueue, type SocketAdmission } from './socket-admission';

/** /ws/agent: the inbox's socket, admitted by the session cookie from our own origin only. */
export function registerAgentSocket(
  app: App,
  services: Services,
  parts: {
    agents: ConnectionRegistry<AgentConnection>;
    admit: SocketAdmission;
    frames: FrameQueue;
    heartbeat: Heartbeat;
  },
): void {
  const { agents, admit, frames, heartbeat } = parts;
  const { conversations, presence, clock, config } = services;
  const agentFrames = createRateLimiter({ limit: 200 * config.rateLimitMultiplier, windowMs: 10_000, clock });
  const presenceFailed = (error: unknown) => app.log.warn({ err: error }, 'presence update failed');
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
      adoptUpgradedSocket(socket, request);
      const stream = messageStreamFor(socket, conversations, { user });
      const connection: AgentConnection = {
        kind: 'agent',
        id: newId(),
        socket,
        user,
        stream,
        missedPongs: 0,
      };
      agents.add(user.id, connection);
      heartbeat.watch(connection);
      void presence.connected(user.id).catch(presenceFailed);
      socket.on('close', () => {
        agents.remove(user.id, connection);
        // Ended by logout or a missed heartbeat: offline now. A plain close keeps the reconnect grace.
        void presence.disconnected(user.id, endedByServer.has(connection)).catch(presenceFailed);
      });
      sendFrame(socket, { type: 'ready', userId: user.id });
      frames.onFrames(
        connection,
        ZAgentClientFrame,
        (frame) => handleAgentFrame({ conversations, clock }, connection, frame),
        () => agentFrames.take(user.id),
      );
    },
  );
}
