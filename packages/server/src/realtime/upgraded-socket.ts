import { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { coalesceWrites } from './send-frame';

/**
 * Takes over a socket @fastify/websocket just upgraded, keeping nothing of the HTTP request that
 * carried it. The plugin routes an upgrade through Fastify with a stand-in ServerResponse bound to
 * the connection, and guards the socket with an error listener that holds Fastify's request and
 * reply: kept for the socket's life, they were about 40 objects and 3 KB per idle visitor, which
 * every collection of the old generation walks (issue 25). Our own listener replaces theirs: a
 * socket that errs is ended, and its `close` does the rest.
 */
export function adoptUpgradedSocket(socket: WebSocket, request: FastifyRequest): void {
  const transport: Socket & { _httpMessage?: unknown } = request.raw.socket;
  coalesceWrites(socket, transport);
  const standIn = transport._httpMessage;
  if (standIn instanceof ServerResponse) standIn.detachSocket(transport);
  socket.removeAllListeners('error');
  socket.on('error', () => socket.terminate());
}
