import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_ORIGIN, type TestServer, type TestUser } from '../test/harness';
import { connectAgent } from '../test/visitor-client';

// Short enough for a quick test, long enough that a loaded machine still answers in time.
const PING_MS = 1_000;

/** Polls until `check` holds; presence changes are asynchronous (bus, database). */
async function eventually(what: string, check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * R10: presence tells the truth. Logout and deactivation end it at once (the 20 s reconnect grace
 * is for reloads, not for people who left); a socket that stops answering pings is closed within
 * three ping intervals (1 s here, 10 s by default) and its user is offline.
 */
describe('presence ends when the user is gone (R10)', () => {
  let server: TestServer;
  let baseUrl: string;
  let admin: TestUser;

  beforeAll(async () => {
    server = await startTestServer({ env: { WS_PING_INTERVAL_MS: String(PING_MS) } });
    baseUrl = await server.listen();
    admin = await server.createUser('admin');
  });
  afterAll(() => server.close());

  const isOnline = async (user: TestUser) =>
    (await server.charla.services.presence.onlineUserIds()).has(user.id);

  /** The switch on, as the inbox does (the socket itself is what keeps the heartbeat). */
  async function switchOn(user: TestUser, waitOnline = true): Promise<void> {
    const res = await server.request({
      method: 'PUT',
      url: '/api/v1/me/online',
      as: user,
      payload: { online: true },
    });
    expect(res.statusCode).toBe(200);
    if (waitOnline) await eventually('online', () => isOnline(user));
  }

  async function onlineWithSocket(name: string) {
    const user = await server.createUser('regular', name);
    const socket = await connectAgent(baseUrl, user.cookie, TEST_ORIGIN);
    await switchOn(user);
    return { user, socket };
  }

  it('ends at logout, without waiting for the grace period', async () => {
    const { user, socket } = await onlineWithSocket('Leaving');
    const watcher = await connectAgent(baseUrl, admin.cookie, TEST_ORIGIN);
    const res = await server.request({ method: 'POST', url: '/api/v1/auth/logout', as: user });
    expect(res.statusCode).toBe(204);
    await eventually('offline after logout', async () => !(await isOnline(user)), 3_000);
    // Every open inbox is told.
    await watcher.waitFor((f) => f.type === 'presence' && f.userId === user.id && !f.online);
    await eventually('the socket closed', async () => socket.closeCode !== null);
    expect(socket.closeCode).toBe(4001);
    await watcher.close();
  });

  it('ends when an admin deactivates the user', async () => {
    const { user } = await onlineWithSocket('Deactivated');
    await server.request({
      method: 'PATCH',
      url: `/api/v1/admin/users/${user.id}`,
      as: admin,
      payload: { active: false },
    });
    await eventually('offline after deactivation', async () => !(await isOnline(user)), 3_000);
  });

  it('closes a socket that stops answering pings and takes its user offline; a live one stays', async () => {
    const { user: liveUser, socket: live } = await onlineWithSocket('Present');
    const silentUser = await server.createUser('regular', 'Vanished');
    await switchOn(silentUser, false); // the switch first: the socket alone then makes them online
    const silent = new WebSocket(`${baseUrl.replace('http', 'ws')}/ws/agent`, {
      headers: { cookie: silentUser.cookie, origin: TEST_ORIGIN },
      autoPong: false, // a laptop that left Wi-Fi: the TCP connection stays, nothing answers
    });
    const closed = new Promise<number>((resolve) => silent.once('close', (code) => resolve(code)));
    await new Promise((resolve, reject) => {
      silent.once('open', resolve);
      silent.once('error', reject);
    });
    let wasOnline = false;
    for (let i = 0; i < 40 && !wasOnline; i += 1) {
      wasOnline = await isOnline(silentUser);
      if (!wasOnline) await new Promise((r) => setTimeout(r, 50));
    }

    await closed;
    expect(wasOnline).toBe(true);
    await eventually('the silent user offline', async () => !(await isOnline(silentUser)), 5_000);
    // The socket that answers pings (ws answers them by itself, like browsers) is still open.
    expect(live.socket.readyState).toBe(WebSocket.OPEN);
    expect(await isOnline(liveUser)).toBe(true);
    await live.close();
  });
});
