import type { WebSocket } from 'ws';
import type { AuthUser } from '../modules/auth/index';
import type { MessageStream } from './message-stream';

/** One open /ws/agent socket. `missedPongs`: heartbeats it has not answered (see heartbeat.ts). */
export type AgentConnection = {
  kind: 'agent';
  socket: WebSocket;
  user: AuthUser;
  stream: MessageStream;
  missedPongs: number;
};

/** One open /ws/visitor socket. */
export type VisitorConnection = {
  kind: 'visitor';
  socket: WebSocket;
  visitorId: string;
  stream: MessageStream;
  missedPongs: number;
};

export type Connection = AgentConnection | VisitorConnection;
