import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { coalesceWrites, sendFrame } from './send-frame';

// A real WebSocket over a real TCP connection on localhost: what the transport writes is what
// the kernel is asked to send.
let server: WebSocketServer;
let client: WebSocket;
let serverSide: WebSocket;
let transport: Duplex;
let received: string[];

beforeEach(async () => {
  server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  const accepted = new Promise<void>((resolve) =>
    server.once('connection', (socket, request) => {
      serverSide = socket;
      transport = request.socket;
      resolve();
    }),
  );
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
  received = [];
  client.on('message', (data: Buffer) => received.push(data.toString('utf8')));
  await accepted;
});

afterEach(async () => {
  client.terminate();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** The frames `count` types arrived at the client, in order. */
const arrived = (count: number) =>
  expect
    .poll(() => received.map((data) => (JSON.parse(data) as { type: string }).type), { timeout: 5000 })
    .toHaveLength(count);

describe('sendFrame', () => {
  it('sends the frames one socket gets in one turn of the event loop in one write', async () => {
    coalesceWrites(serverSide, transport);
    const writes = vi.spyOn(transport as Duplex & { _writev: () => void }, '_writev');
    sendFrame(serverSide, { type: 'message' });
    sendFrame(serverSide, { type: 'notification' });
    sendFrame(serverSide, { type: 'conversation' });
    await arrived(3);
    expect(received.map((data) => JSON.parse(data) as unknown)).toEqual([
      { type: 'message' },
      { type: 'notification' },
      { type: 'conversation' },
    ]);
    expect(writes).toHaveBeenCalledTimes(1);
  });

  it('does not hold a frame past its turn: the next turn writes again', async () => {
    coalesceWrites(serverSide, transport);
    const writes = vi.spyOn(transport as Duplex & { _writev: () => void }, '_writev');
    sendFrame(serverSide, { type: 'first' });
    await arrived(1);
    sendFrame(serverSide, { type: 'second' });
    await arrived(2);
    expect(writes).toHaveBeenCalledTimes(2);
  });

  it('without a known connection writes each frame at once', async () => {
    const writes = vi.spyOn(transport as Duplex & { _writev: () => void }, '_writev');
    sendFrame(serverSide, { type: 'message' });
    sendFrame(serverSide, { type: 'notification' });
    await arrived(2);
    expect(writes).toHaveBeenCalledTimes(2);
  });
});
