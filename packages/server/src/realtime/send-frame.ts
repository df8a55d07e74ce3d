import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import { ackFrameJson, type AckFrame } from './message-json';

/**
 * Sees every frame handed to an open socket, with its type (the metrics count fan-out and time
 * acks with it); `frame` is the object when there is one, null for pre-serialized fan-out.
 */
export type FrameObserver = (socket: WebSocket, type: string, frame: unknown) => void;
const observers = new Set<FrameObserver>();

/** Registers an observer; returns its removal. */
export function observeFrames(observer: FrameObserver): () => void {
  observers.add(observer);
  return () => observers.delete(observer);
}

function notify(socket: WebSocket, type: string, frame: unknown): void {
  if (socket.readyState !== socket.OPEN) return;
  for (const observe of observers) observe(socket, type, frame);
}

/** Sends a frame if the socket is open; slow consumers with a huge backlog are dropped (they resync). */
export function sendFrame(socket: WebSocket, frame: unknown): void {
  if (observers.size > 0) notify(socket, String((frame as { type?: unknown }).type), frame);
  send(socket, JSON.stringify(frame));
}

/** Acknowledges a chat message: the ack is spliced around the message's JSON (message-json.ts). */
export function sendAck(socket: WebSocket, ack: AckFrame): void {
  if (observers.size > 0) notify(socket, 'ack', ack);
  send(socket, ackFrameJson(ack));
}

export const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

// Frames are serialized from objects whose first key is `type`.
const TYPE_PREFIX = /^\{"type":"([a-z_]+)"/;

/** Sends an already serialized frame (one string fanned out to many sockets). */
export function sendRaw(socket: WebSocket, data: string): void {
  if (observers.size > 0) notify(socket, TYPE_PREFIX.exec(data)?.[1] ?? 'unknown', null);
  send(socket, data);
}

/** Each socket's connection underneath, for `holdUntilTurnEnds` (ws keeps its own private). */
const transports = new WeakMap<WebSocket, Duplex>();
/** The connections written to in this turn of the event loop, corked until it ends. */
const held = new Set<Duplex>();

/** Lets the frames this socket gets in one turn of the event loop go out in one write. */
export function coalesceWrites(socket: WebSocket, transport: Duplex): void {
  transports.set(socket, transport);
}

function releaseHeld(): void {
  for (const transport of held) transport.uncork();
  held.clear();
}

/**
 * Frames handed over in the same turn (a chat message and its notification to the assignee, the
 * messages of one group commit) leave in one system call instead of one each (issue 25: 2.57
 * socket writes per chat message became 2.08). Released in the same loop iteration, right after
 * the current I/O callbacks: no timer delays a frame.
 */
function holdUntilTurnEnds(socket: WebSocket): void {
  const transport = transports.get(socket);
  if (!transport || held.has(transport)) return;
  transport.cork();
  held.add(transport);
  if (held.size === 1) setImmediate(releaseHeld);
}

function send(socket: WebSocket, data: string): void {
  if (socket.readyState !== socket.OPEN) return;
  if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
    socket.terminate();
    return;
  }
  holdUntilTurnEnds(socket);
  socket.send(data);
}
