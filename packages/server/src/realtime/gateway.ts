import type { App } from '../http/app-type';
import type { Services } from '../services';
import { registerAgentSocket } from './agent-socket';
import { createBusDelivery, endedByServer } from './bus-delivery';
import { createConnectionRegistry } from './connection-registry';
import type { AgentConnection, VisitorConnection } from './connections';
import { createHeartbeat } from './heartbeat';
import { replayAfterBusOutage } from './replay';
import { createFrameQueue, createSocketAdmission } from './socket-admission';
import { registerVisitorSocket } from './visitor-socket';

export { HARD_FRAME_LIMIT } from './frame-codec';

/**
 * The realtime gateway: /ws/visitor (visitor-socket.ts) and /ws/agent (agent-socket.ts). Admission
 * and one ordered queue of frames per socket (socket-admission.ts), heartbeats, and the wiring of
 * bus events to sockets. Frames are decoded in frame-codec.ts and handled by the same services as
 * REST (visitor-frames.ts, agent-frames.ts); who gets what is decided by the pure fan-out (fan-out.ts).
 */
export function registerRealtime(app: App, services: Services): { stop(): void } {
  const agents = createConnectionRegistry<AgentConnection>();
  const visitors = createConnectionRegistry<VisitorConnection>();
  const { conversations, config } = services;
  const admit = createSocketAdmission(services, () => agents.size + visitors.size);
  const frames = createFrameQueue(app);
  const endSilent = (silent: AgentConnection | VisitorConnection) => {
    endedByServer.add(silent);
    silent.socket.terminate();
  };
  // Users' presence (R10) needs a fast heartbeat; the many visitors' sockets get a slower one.
  const heartbeat = createHeartbeat(config.wsPingIntervalMs, endSilent);
  const visitorHeartbeat = createHeartbeat(config.wsVisitorPingIntervalMs, endSilent);
  registerVisitorSocket(app, services, { visitors, admit, frames, heartbeat: visitorHeartbeat });
  registerAgentSocket(app, services, { agents, admit, frames, heartbeat });

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

  return {
    stop() {
      unsubscribe();
      offReconnect();
      heartbeat.stop();
      visitorHeartbeat.stop();
      for (const c of [...agents.all(), ...visitors.all()]) c.socket.close(1001, 'server stopping');
    },
  };
}
