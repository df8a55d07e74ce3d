import type { WebSocket } from 'ws';

/** Sends a frame if the socket is open; slow consumers with a huge backlog are dropped (they resync). */
export function sendFrame(socket: WebSocket, frame: unknown): void {
  sendRaw(socket, JSON.stringify(frame));
}

export const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

export function sendRaw(socket: WebSocket, data: string): void {
  if (socket.readyState !== socket.OPEN) return;
  if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
    socket.terminate();
    return;
  }
  socket.send(data);
}
