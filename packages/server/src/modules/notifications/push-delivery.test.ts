import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TPushSubscriptionDto, TTestNotificationResultDto } from '@charla/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../../test/harness';
import { MAX_PUSH_SUBSCRIPTIONS_PER_USER } from './notifications.service';
import { PUSH_CONCURRENCY } from './push-dispatch';
import { createTestPushKeys } from './web-push-decrypt.test-helper';

/**
 * A real HTTP server standing in for a push service (web-push POSTs to whatever endpoint the
 * subscription names): `/ok/*` answers 201, `/gone/*` 410, `/missing/*` 404, `/hang/*` never
 * answers, and `/held/*` is held until PUSH_CONCURRENCY requests are open at once (or 2 s pass),
 * which measures how many requests Charla keeps in flight without asserting on time.
 */
async function startPushService() {
  const paths: string[] = [];
  let open = 0;
  let mostOpen = 0;
  let held: ServerResponse[] = [];
  const release = () => {
    for (const res of held) res.writeHead(201).end();
    held = [];
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    req.on('end', () => {
      const path = req.url ?? '/';
      paths.push(path);
      if (path.startsWith('/hang/')) return;
      if (path.startsWith('/held/')) {
        open += 1;
        mostOpen = Math.max(mostOpen, open);
        res.on('finish', () => (open -= 1));
        held.push(res);
        if (held.length >= PUSH_CONCURRENCY) release();
        else setTimeout(release, 2_000);
        return;
      }
      const status = path.startsWith('/gone/') ? 410 : path.startsWith('/missing/') ? 404 : 201;
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    paths,
    mostOpen: () => mostOpen,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe('Web Push delivery: timeouts, bounded parallelism, expiry, one row per endpoint', () => {
  let server: TestServer;
  let pushService: Awaited<ReturnType<typeof startPushService>>;

  beforeAll(async () => {
    server = await startTestServer();
    pushService = await startPushService();
    const admin = await server.createUser('admin');
    const res = await server.request({
      method: 'PUT',
      url: '/api/v1/admin/settings/webhooks',
      as: admin,
      payload: { allowPrivateWebhookTargets: true },
    });
    expect(res.statusCode).toBe(200);
  });
  afterAll(async () => {
    await pushService?.close();
    await server?.close();
  });

  async function subscribe(user: TestUser, path: string, userAgent = 'Firefox'): Promise<void> {
    const keys = createTestPushKeys();
    const res = await server.request({
      method: 'POST',
      url: '/api/v1/me/push-subscriptions',
      as: user,
      headers: { 'user-agent': userAgent },
      payload: { endpoint: `${pushService.url}${path}`, keys: { p256dh: keys.p256dh, auth: keys.auth } },
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  const devicesOf = async (user: TestUser) =>
    (await server.request({ url: '/api/v1/me/push-subscriptions', as: user })).json<TPushSubscriptionDto[]>();
  const sendTest = async (user: TestUser) => {
    const res = await server.request({ method: 'POST', url: '/api/v1/me/notifications/test', as: user });
    expect(res.statusCode).toBe(200);
    return res.json<TTestNotificationResultDto>();
  };

  it('reports each device: delivered, expired and removed (410 and 404), failed after the timeout', async () => {
    const user = await server.createUser('regular');
    await subscribe(user, '/ok/1', 'Chrome on Linux');
    await subscribe(user, '/gone/1', 'Old Firefox');
    await subscribe(user, '/missing/1', 'Old Edge');
    await subscribe(user, '/hang/1', 'Safari');
    const result = await sendTest(user);
    expect(result).toMatchObject({ devices: 4, delivered: 1, expired: 2, failed: 1 });
    const byAgent = new Map(result.results.map((r) => [r.userAgent, r]));
    expect(byAgent.get('Chrome on Linux')).toMatchObject({
      outcome: 'delivered',
      statusCode: 201,
      error: null,
    });
    expect(byAgent.get('Old Firefox')).toMatchObject({ outcome: 'expired', statusCode: 410 });
    expect(byAgent.get('Old Edge')).toMatchObject({ outcome: 'expired', statusCode: 404 });
    expect(byAgent.get('Safari')).toMatchObject({ outcome: 'failed', statusCode: null });
    expect(byAgent.get('Safari')?.error).toMatch(/^Timed out after \d+ s$/);
    expect(result.results.every((r) => r.endpointOrigin === pushService.url)).toBe(true);
    // Expired devices are gone; the one that timed out may come back, so it stays.
    expect((await devicesOf(user)).map((d) => d.userAgent).sort()).toEqual(['Chrome on Linux', 'Safari']);
    const again = await sendTest(user);
    expect(again).toMatchObject({ devices: 2, delivered: 1, expired: 0, failed: 1 });
  });

  it(`keeps at most ${PUSH_CONCURRENCY} push requests in flight, and sends them in parallel`, async () => {
    const user = await server.createUser('regular');
    for (let i = 0; i < 9; i += 1) await subscribe(user, `/held/${i}`);
    const result = await sendTest(user);
    expect(result).toMatchObject({ devices: 9, delivered: 9, failed: 0 });
    expect(pushService.mostOpen()).toBe(PUSH_CONCURRENCY);
  });

  it('keeps one subscription per endpoint, and the most recent devices of a user only', async () => {
    const user = await server.createUser('regular');
    for (let i = 0; i < 3; i += 1) await subscribe(user, '/ok/same-browser');
    expect(await devicesOf(user)).toHaveLength(1);
    for (let i = 0; i < MAX_PUSH_SUBSCRIPTIONS_PER_USER + 3; i += 1)
      await subscribe(user, `/ok/renewed-${i}`);
    const devices = await devicesOf(user);
    expect(devices).toHaveLength(MAX_PUSH_SUBSCRIPTIONS_PER_USER);
    const before = pushService.paths.length;
    await sendTest(user);
    const sent = pushService.paths.slice(before);
    expect(sent).toHaveLength(MAX_PUSH_SUBSCRIPTIONS_PER_USER);
    expect(sent).not.toContain('/ok/same-browser');
    expect(sent).not.toContain('/ok/renewed-0');
    expect(sent).toContain(`/ok/renewed-${MAX_PUSH_SUBSCRIPTIONS_PER_USER + 2}`);
  });
});
