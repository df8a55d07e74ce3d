import type { WebSocket } from 'ws';
import type { AuthUser } from '../modules/auth/index';
import type { MessageStream } from './message-stream';

/**
 * One open /ws/agent socket. `missedPongs`: heartbeats it has not answered (see heartbeat.ts).
 * `id`: unique across processes; what a socket reports (a read) is not echoed back to it.
 */
export type AgentConnection = {
  kind: 'agent';
  id: string;
  socket: WebSocket;
  user: AuthUser;
  stream: MessageStream;
  missedPongs: number;
};

/** One open /ws/visitor socket. */
export type VisitorConnection = {
  kind: 'visitor';
  id: string;
  socket: WebSocket;
  visitorId: string;
  stream: MessageStream;
  missedPongs: number;
};

export type Connection = AgentConnection | VisitorConnection;
