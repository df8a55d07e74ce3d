import type { WebSocket, WebSocketServer } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_ORIGIN, type TestServer } from '../test/harness';
import { connectAgent, connectVisitor } from '../test/visitor-client';

/** What the server holds for one of its sockets: ws keeps the connection as `_socket`. */
type Held = WebSocket & { _socket: { _httpMessage?: unknown } };

/**
 * Issue 25: an open socket keeps nothing of the HTTP request that upgraded it (@fastify/websocket's
 * stand-in response and the error listener holding Fastify's request and reply), so an idle
 * visitor costs a third fewer objects; and a socket that errs is still ended.
 */
describe('an upgraded socket', () => {
  let server: TestServer;
  let baseUrl: string;

  beforeAll(async () => {
    server = await startTestServer();
    baseUrl = await server.listen();
  });
  afterAll(() => server.close());

  const held = () =>
    [
      ...(server.charla.app as unknown as { websocketServer: WebSocketServer }).websocketServer.clients,
    ] as Held[];

  it('lets go of its upgrade request, for visitors and users alike', async () => {
    const user = await server.createUser('regular', 'Holds nothing');
    const visitor = await connectVisitor(baseUrl);
    const agent = await connectAgent(baseUrl, user.cookie, TEST_ORIGIN);
    const sockets = held().filter((s) => s.readyState === s.OPEN);
    expect(sockets).toHaveLength(2);
    for (const socket of sockets) {
      expect(socket._socket._httpMessage ?? null).toBeNull();
      expect(socket.listenerCount('error')).toBe(1);
    }
    await Promise.all([visitor.client.close(), agent.close()]);
  });

  it('ends a socket that errs', async () => {
    const earlier = new Set(held());
    const visitor = await connectVisitor(baseUrl);
    const socket = held().find((s) => !earlier.has(s));
    expect(socket).toBeDefined();
    const clientClosed = new Promise<void>((resolve) => visitor.client.socket.once('close', () => resolve()));
    socket?.emit('error', new Error('reset by peer'));
    await clientClosed;
    expect(visitor.client.closeCode).not.toBeNull();
  });
});
