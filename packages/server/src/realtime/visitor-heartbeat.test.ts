import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_ORIGIN, type TestServer } from '../test/harness';
import { connectVisitor } from '../test/visitor-client';

// Visitors' sockets quickly, the inbox's never within this test.
const VISITOR_PING_MS = 300;
const AGENT_PING_MS = 60_000;

/** A socket that never answers a ping: a laptop that left Wi-Fi, its TCP connection still up. */
async function silentSocket(url: string, headers: Record<string, string> = {}) {
  const socket = new WebSocket(url, { headers, autoPong: false });
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  return { socket, closed };
}

/**
 * Visitors' sockets have their own, slower heartbeat (issue 25: WS_VISITOR_PING_INTERVAL_MS, 30 s
 * by default) and the inbox's keep theirs (R10): each closes its silent sockets on its own clock.
 */
describe('the visitors’ heartbeat', () => {
  let server: TestServer;
  let baseUrl: string;

  beforeAll(async () => {
    server = await startTestServer({
      env: {
        WS_PING_INTERVAL_MS: String(AGENT_PING_MS),
        WS_VISITOR_PING_INTERVAL_MS: String(VISITOR_PING_MS),
      },
    });
    baseUrl = await server.listen();
  });
  afterAll(() => server.close());

  it('closes a silent visitor socket within three of its intervals; a silent inbox socket stays', async () => {
    const user = await server.createUser('regular', 'Still here');
    const agent = await silentSocket(`${baseUrl.replace('http', 'ws')}/ws/agent`, {
      cookie: user.cookie,
      origin: TEST_ORIGIN,
    });
    const answering = await connectVisitor(baseUrl);
    const { visitorToken } = (await (
      await fetch(`${baseUrl}/api/v1/widget/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      })
    ).json()) as { visitorToken: string };
    const visitor = await silentSocket(`${baseUrl.replace('http', 'ws')}/ws/visitor?token=${visitorToken}`);

    const started = Date.now();
    await visitor.closed;
    // Closed on its third turn: after two unanswered pings (a loaded machine may add some delay).
    expect(Date.now() - started).toBeGreaterThanOrEqual(2 * VISITOR_PING_MS - 50);
    expect(agent.socket.readyState).toBe(WebSocket.OPEN);
    // A visitor socket that answers (ws does by itself, as browsers do) stays open.
    expect(answering.client.socket.readyState).toBe(WebSocket.OPEN);
    agent.socket.close();
    await answering.client.close();
  });
});
