import type { TCreatedWebhookDto, TPage, TWebhookBody, TWebhookDeliveryDto } from '@charla/protocol';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFakeClock, startTestServer, type TestServer, type TestUser } from '../../test/harness';
import { createTestDatabase } from '../../test/test-db';
import { startLocalReceiver, waitFor } from './local-receiver.test-helper';
import { CLAIM_LEASE_MS } from './webhook-outbox';
import { verifyWebhookSignature } from './sign-webhook';
import { leadFixture } from './lead.fixture';

type Receiver = Awaited<ReturnType<typeof startLocalReceiver>>;

async function allowPrivateTargets(server: TestServer, admin: TestUser, allow = true): Promise<void> {
  const res = await server.request({
    method: 'PUT',
    url: '/api/v1/admin/settings/webhooks',
    as: admin,
    payload: { allowPrivateWebhookTargets: allow },
  });
  expect(res.statusCode).toBe(200);
}

async function createWebhook(
  server: TestServer,
  admin: TestUser,
  url: string,
  events: string[] = ['lead.created'],
): Promise<TCreatedWebhookDto> {
  const res = await server.request({
    method: 'POST',
    url: '/api/v1/admin/webhooks',
    as: admin,
    payload: { url, events },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<TCreatedWebhookDto>();
}

async function deliveries(
  server: TestServer,
  admin: TestUser,
  webhookId: string,
): Promise<TWebhookDeliveryDto[]> {
  const res = await server.request({ url: `/api/v1/admin/webhooks/${webhookId}/deliveries`, as: admin });
  expect(res.statusCode).toBe(200);
  return res.json<TPage<TWebhookDeliveryDto>>().items;
}

/** Emits a domain event and waits until the listener has written the outbox rows. */
async function emitLead(
  server: TestServer,
  admin: TestUser,
  webhookId: string,
  title = 'Big lead',
): Promise<TWebhookDeliveryDto> {
  const before = (await deliveries(server, admin, webhookId)).length;
  server.charla.services.events.emit('lead.created', { lead: leadFixture(`lead-${title}`, title) });
  let rows: TWebhookDeliveryDto[] = [];
  await waitFor(async () => (rows = await deliveries(server, admin, webhookId)).length > before);
  return rows[0] as TWebhookDeliveryDto;
}

describe('webhooks', () => {
  const clock = createFakeClock();
  let server: TestServer;
  let admin: TestUser;
  let regular: TestUser;
  let receiver: Receiver;
  let status = 200;

  beforeAll(async () => {
    server = await startTestServer({ clock });
    admin = await server.createUser('admin');
    regular = await server.createUser('regular');
    receiver = await startLocalReceiver(() => status);
  });
  afterAll(async () => {
    await receiver.close();
    await server.close();
  });
  afterEach(() => {
    status = 200;
  });

  it('documents the webhook and notification routes in the OpenAPI document', async () => {
    const res = await server.request({ url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json<{ paths: Record<string, unknown> }>().paths);
    for (const path of [
      '/api/v1/admin/webhooks',
      '/api/v1/admin/webhooks/{webhookId}/deliveries',
      '/api/v1/admin/settings/webhooks',
      '/api/v1/me/push-subscriptions',
      '/api/v1/notifications/vapid-public-key',
      '/api/v1/admin/settings/notifications',
    ]) {
      expect(paths).toContain(path);
    }
  });

  it('refuses every webhook admin route to regular users (403) and anonymous callers (401)', async () => {
    const mine = server.charla.routes.filter((r) =>
      /^\/api\/v1\/admin\/(webhooks|settings\/webhooks|settings\/notifications)/.test(r.url),
    );
    expect(mine.length).toBeGreaterThanOrEqual(10);
    for (const route of mine) {
      expect(route.auth).toBe('admin');
      const url = route.url.replace(':webhookId', '01900000-0000-7000-8000-000000000000');
      const method = route.method as 'GET';
      const asRegular = await server.request({
        method,
        url,
        as: regular,
        ...(method === 'GET' ? {} : { payload: {} }),
      });
      expect(asRegular.statusCode, `${route.method} ${route.url}`).toBe(403);
      const anonymous = await server.request({ method, url, ...(method === 'GET' ? {} : { payload: {} }) });
      expect(anonymous.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });

  it.each([
    'http://127.0.0.1:9/hook',
    'http://localhost/hook',
    'http://169.254.169.254/latest/meta-data/',
    'http://10.0.0.1/',
    'http://192.168.1.20/',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://0.0.0.0/',
  ])('refuses %s by default with WEBHOOK_URL_FORBIDDEN and writes nothing', async (url) => {
    const res = await server.request({
      method: 'POST',
      url: '/api/v1/admin/webhooks',
      as: admin,
      payload: { url, events: ['lead.created'] },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ error: { code: 'WEBHOOK_URL_FORBIDDEN' } });
    const list = await server.request({ url: '/api/v1/admin/webhooks', as: admin });
    expect(list.json()).toEqual([]);
  });

  it('refuses bad bodies with 422 VALIDATION_FAILED', async () => {
    for (const payload of [
      { url: 'ftp://example.com/', events: ['lead.created'] },
      { url: 'https://example.com/', events: ['lead.exploded'] },
      { url: 'https://example.com/', events: [] },
      { url: 'https://u:p@example.com/', events: ['lead.created'] },
      { url: 'https://example.com/', events: ['lead.created'], secret: 'mine' },
    ]) {
      const res = await server.request({ method: 'POST', url: '/api/v1/admin/webhooks', as: admin, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(422);
    }
  });

  it('creates, shows the secret once, lists, patches and deletes an endpoint', async () => {
    await allowPrivateTargets(server, admin);
    const created = await createWebhook(server, admin, `${receiver.url}/crud`, [
      'deal.created',
      'deal.updated',
    ]);
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(created.secretHint).toBe(created.secret.slice(-4));
    const got = await server.request({ url: `/api/v1/admin/webhooks/${created.id}`, as: admin });
    expect(got.json()).not.toHaveProperty('secret');
    expect(got.json()).toMatchObject({
      url: `${receiver.url}/crud`,
      events: ['deal.created', 'deal.updated'],
      active: true,
    });
    const patched = await server.request({
      method: 'PATCH',
      url: `/api/v1/admin/webhooks/${created.id}`,
      as: admin,
      payload: { active: false, description: 'CRM sync' },
    });
    expect(patched.json()).toMatchObject({ active: false, description: 'CRM sync' });
    await allowPrivateTargets(server, admin, false);
    const toPrivate = await server.request({
      method: 'PATCH',
      url: `/api/v1/admin/webhooks/${created.id}`,
      as: admin,
      payload: { url: 'http://10.1.1.1/' },
    });
    expect(toPrivate.json()).toMatchObject({ error: { code: 'WEBHOOK_URL_FORBIDDEN' } });
    const deleted = await server.request({
      method: 'DELETE',
      url: `/api/v1/admin/webhooks/${created.id}`,
      as: admin,
    });
    expect(deleted.statusCode).toBe(204);
    const gone = await server.request({ url: `/api/v1/admin/webhooks/${created.id}`, as: admin });
    expect(gone.json()).toMatchObject({ error: { code: 'WEBHOOK_NOT_FOUND' } });
  });

  it('delivers a domain event signed: the signature verifies over timestamp + "." + body', async () => {
    await allowPrivateTargets(server, admin);
    const hook = await createWebhook(server, admin, `${receiver.url}/signed`);
    const pending = await emitLead(server, admin, hook.id, 'Signed');
    expect(pending).toMatchObject({ status: 'pending', attempts: 0, event: 'lead.created' });
    await server.charla.services.webhookOutbox.deliverDue();

    const request = receiver.requests.find((r) => r.path === '/signed');
    expect(request).toBeDefined();
    const raw = request!.body.toString('utf8');
    const body = JSON.parse(raw) as TWebhookBody;
    const timestamp = Number(request!.headers['charla-webhook-timestamp']);
    expect(timestamp).toBe(Math.floor(clock.now() / 1000));
    expect(
      verifyWebhookSignature(
        hook.secret,
        timestamp,
        raw,
        String(request!.headers['charla-webhook-signature']),
      ),
    ).toBe(true);
    expect(
      verifyWebhookSignature(
        'whsec_wrong',
        timestamp,
        raw,
        String(request!.headers['charla-webhook-signature']),
      ),
    ).toBe(false);
    expect(request!.headers['charla-webhook-id']).toBe(body.id);
    expect(request!.headers['content-type']).toBe('application/json');
    expect(body).toEqual({
      id: pending.id,
      event: 'lead.created',
      createdAt: clock.now(),
      data: { lead: leadFixture('lead-Signed', 'Signed') },
    });

    const [logged] = await deliveries(server, admin, hook.id);
    expect(logged).toMatchObject({
      id: pending.id,
      status: 'delivered',
      attempts: 1,
      lastStatusCode: 200,
      nextAttemptAt: null,
      deliveredAt: clock.now(),
    });
    expect(logged!.payloadPreview).toContain('"event":"lead.created"');
  });

  it('writes nothing for endpoints that are inactive or not subscribed to the event', async () => {
    await allowPrivateTargets(server, admin);
    const inactive = await createWebhook(server, admin, `${receiver.url}/inactive`);
    await server.request({
      method: 'PATCH',
      url: `/api/v1/admin/webhooks/${inactive.id}`,
      as: admin,
      payload: { active: false },
    });
    const other = await createWebhook(server, admin, `${receiver.url}/other`, ['deal.created']);
    const listening = await createWebhook(server, admin, `${receiver.url}/listening`);
    await emitLead(server, admin, listening.id, 'Filtered');
    expect(await deliveries(server, admin, inactive.id)).toEqual([]);
    expect(await deliveries(server, admin, other.id)).toEqual([]);
  });

  it('retries a 500 with exponential backoff, with the same delivery id, until a 2xx', async () => {
    await allowPrivateTargets(server, admin);
    const hook = await createWebhook(server, admin, `${receiver.url}/flaky`);
    const { id } = await emitLead(server, admin, hook.id, 'Flaky');
    status = 500;
    await server.charla.services.webhookOutbox.deliverDue();
    let [row] = await deliveries(server, admin, hook.id);
    expect(row).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastStatusCode: 500,
      lastError: 'HTTP 500',
      nextAttemptAt: clock.now() + 30_000,
    });

    clock.advance(29_999);
    await server.charla.services.webhookOutbox.deliverDue();
    expect(receiver.requests.filter((r) => r.path === '/flaky')).toHaveLength(1);

    clock.advance(1);
    await server.charla.services.webhookOutbox.deliverDue();
    [row] = await deliveries(server, admin, hook.id);
    expect(row).toMatchObject({ status: 'pending', attempts: 2, nextAttemptAt: clock.now() + 60_000 });

    status = 200;
    clock.advance(60_000);
    await server.charla.services.webhookOutbox.deliverDue();
    [row] = await deliveries(server, admin, hook.id);
    expect(row).toMatchObject({ status: 'delivered', attempts: 3, lastStatusCode: 200 });
    const seen = receiver.requests.filter((r) => r.path === '/flaky');
    expect(seen.map((r) => r.headers['charla-webhook-id'])).toEqual([id, id, id]);
  });

  it('marks a delivery failed once retrying would pass 24 h after its creation', async () => {
    await allowPrivateTargets(server, admin);
    const hook = await createWebhook(server, admin, `${receiver.url}/down`);
    const { createdAt } = await emitLead(server, admin, hook.id, 'Down');
    status = 503;
    let row: TWebhookDeliveryDto | undefined;
    for (let i = 0; i < 60; i += 1) {
      await server.charla.services.webhookOutbox.deliverDue();
      [row] = await deliveries(server, admin, hook.id);
      if (row?.status !== 'pending') break;
      clock.set(row.nextAttemptAt!);
    }
    expect(row).toMatchObject({ status: 'failed', lastStatusCode: 503, nextAttemptAt: null });
    expect(row!.lastAttemptAt! - createdAt).toBeLessThanOrEqual(24 * 3_600_000);
    expect(row!.attempts).toBeGreaterThan(20);
  });

  it('checks the address again at delivery time (DNS rebinding) and refuses private targets', async () => {
    await allowPrivateTargets(server, admin);
    const hook = await createWebhook(server, admin, `${receiver.url}/rebound`);
    await emitLead(server, admin, hook.id, 'Rebound');
    await allowPrivateTargets(server, admin, false);
    await server.charla.services.webhookOutbox.deliverDue();
    const [row] = await deliveries(server, admin, hook.id);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: null });
    expect(row!.lastError).toMatch(/^Refused/);
    expect(receiver.requests.filter((r) => r.path === '/rebound')).toHaveLength(0);
  });

  it('sends a ping from the test button and logs it', async () => {
    await allowPrivateTargets(server, admin);
    const hook = await createWebhook(server, admin, `${receiver.url}/ping`);
    const res = await server.request({
      method: 'POST',
      url: `/api/v1/admin/webhooks/${hook.id}/test`,
      as: admin,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      event: 'ping',
      status: 'delivered',
      attempts: 1,
      lastStatusCode: 200,
    });
    const request = receiver.requests.find((r) => r.path === '/ping');
    expect(JSON.parse(request!.body.toString())).toMatchObject({
      event: 'ping',
      data: { webhookId: hook.id },
    });
  });

  it('pages the delivery log newest first', async () => {
    await allowPrivateTargets(server, admin);
    const hook = await createWebhook(server, admin, `${receiver.url}/paged`);
    await emitLead(server, admin, hook.id, 'One');
    await emitLead(server, admin, hook.id, 'Two');
    const first = await server.request({
      url: `/api/v1/admin/webhooks/${hook.id}/deliveries?limit=1`,
      as: admin,
    });
    const page = first.json<TPage<TWebhookDeliveryDto>>();
    expect(page.items).toHaveLength(1);
    expect(page.items[0]!.payloadPreview).toContain('Two');
    const second = await server.request({
      url: `/api/v1/admin/webhooks/${hook.id}/deliveries?limit=1&cursor=${page.nextCursor}`,
      as: admin,
    });
    expect(second.json<TPage<TWebhookDeliveryDto>>().items[0]!.payloadPreview).toContain('One');
  });
});

describe('webhook outbox durability', () => {
  it('survives a restart in the middle of retries and a claim that died, delivering once per id', async () => {
    const clock = createFakeClock();
    const database = await createTestDatabase();
    const receiver = await startLocalReceiver(({ index }) => (index < 2 ? 500 : 200));
    try {
      const first = await startTestServer({ clock, database });
      const admin = await first.createUser('admin');
      await allowPrivateTargets(first, admin);
      const hook = await createWebhook(first, admin, `${receiver.url}/durable`);
      const a = await emitLead(first, admin, hook.id, 'A');
      const b = await emitLead(first, admin, hook.id, 'B');
      await first.charla.services.webhookOutbox.deliverDue(); // both answered 500
      expect((await deliveries(first, admin, hook.id)).map((d) => d.attempts)).toEqual([1, 1]);
      // A worker claims both rows and dies before answering.
      clock.advance(30_000);
      await sql`update webhook_deliveries set claimed_until = ${clock.now() + CLAIM_LEASE_MS}`.execute(
        first.charla.services.database.db,
      );
      await first.charla.stop();

      const second = await startTestServer({ clock, database });
      const admin2 = { ...admin, cookie: await loginCookie(second, admin) };
      expect(await second.charla.services.webhookOutbox.deliverDue()).toBe(0); // the dead claim still holds
      clock.advance(CLAIM_LEASE_MS + 1);
      expect(await second.charla.services.webhookOutbox.deliverDue()).toBe(2);
      clock.advance(3_600_000);
      expect(await second.charla.services.webhookOutbox.deliverDue()).toBe(0);

      const rows = await deliveries(second, admin2, hook.id);
      expect(rows.map((d) => d.status)).toEqual(['delivered', 'delivered']);
      const okIds = receiver.requests
        .filter((r) => r.status === 200)
        .map((r) => r.headers['charla-webhook-id']);
      expect(okIds.sort()).toEqual([a.id, b.id].sort());
      await second.charla.stop();
    } finally {
      await receiver.close();
      await database.drop();
    }
  });

  it('lets two processes sweep the same outbox at once without sending any delivery twice', async () => {
    const clock = createFakeClock();
    const database = await createTestDatabase();
    const receiver = await startLocalReceiver(() => 200);
    try {
      const one = await startTestServer({ clock, database });
      const two = await startTestServer({ clock, database });
      const admin = await one.createUser('admin');
      await allowPrivateTargets(one, admin);
      const hook = await createWebhook(one, admin, `${receiver.url}/race`);
      for (let i = 0; i < 12; i += 1)
        one.charla.services.events.emit('lead.created', { lead: leadFixture(`l${i}`) });
      await waitFor(async () => (await deliveries(one, admin, hook.id)).length === 12);
      const counts = await Promise.all([
        one.charla.services.webhookOutbox.deliverDue(),
        two.charla.services.webhookOutbox.deliverDue(),
        one.charla.services.webhookOutbox.deliverDue(),
        two.charla.services.webhookOutbox.deliverDue(),
      ]);
      expect(counts.reduce((s, n) => s + n, 0)).toBe(12);
      const ids = receiver.requests.map((r) => r.headers['charla-webhook-id']);
      expect(ids).toHaveLength(12);
      expect(new Set(ids).size).toBe(12);
      await one.charla.stop();
      await two.charla.stop();
    } finally {
      await receiver.close();
      await database.drop();
    }
  });
});

async function loginCookie(server: TestServer, user: TestUser): Promise<string> {
  const res = await server.request({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: user.email, password: user.password },
  });
  return res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}
