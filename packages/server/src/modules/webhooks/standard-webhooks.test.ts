import type { TCreatedWebhookDto } from '@charla/protocol';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeClock, startTestServer, type TestServer, type TestUser } from '../../test/harness';
import { startLocalReceiver, waitFor } from './local-receiver.test-helper';
import { standardWebhookHeaders } from './sign-webhook';
import { leadFixture } from './lead.fixture';

// The reference verifier of the Standard Webhooks specification (the `standardwebhooks` npm
// package) accepts Charla's deliveries as they arrive, with the secret the admin was shown.
describe('Standard Webhooks headers', () => {
  let server: TestServer;
  let admin: TestUser;
  let receiver: Awaited<ReturnType<typeof startLocalReceiver>>;

  beforeAll(async () => {
    server = await startTestServer(); // the real clock: the verifier refuses timestamps 5 min off
    admin = await server.createUser('admin');
    receiver = await startLocalReceiver();
  });
  afterAll(async () => {
    await receiver.close();
    await server.close();
  });

  it('a delivery verifies with the reference library, and a tampered one does not', async () => {
    const settings = await server.request({
      method: 'PUT',
      url: '/api/v1/admin/settings/webhooks',
      as: admin,
      payload: { allowPrivateWebhookTargets: true },
    });
    expect(settings.statusCode).toBe(200);
    const created = await server.request({
      method: 'POST',
      url: '/api/v1/admin/webhooks',
      as: admin,
      payload: { url: `${receiver.url}/std`, events: ['lead.created'] },
    });
    expect(created.statusCode).toBe(201);
    const { secret } = created.json<TCreatedWebhookDto>();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);

    server.charla.services.events.emit('lead.created', { lead: leadFixture('lead-std', 'Std') });
    await waitFor(async () => {
      await server.charla.services.webhookOutbox.deliverDue();
      return receiver.requests.some((r) => r.path === '/std');
    }, 30_000);
    const request = receiver.requests.find((r) => r.path === '/std')!;
    const raw = request.body.toString('utf8');
    const headers = request.headers as Record<string, string>;
    expect(headers['webhook-id']).toBe((JSON.parse(raw) as { id: string }).id);
    expect(headers['webhook-timestamp']).toBe(headers['charla-webhook-timestamp']);
    expect(headers['charla-webhook-signature']).toMatch(/^v1=[0-9a-f]{64}$/); // the old header stays

    const verified = new Webhook(secret).verify(raw, headers) as { event: string; data: unknown };
    expect(verified).toMatchObject({ event: 'lead.created', data: { lead: { id: 'lead-std' } } });
    expect(() => new Webhook(secret).verify(raw.replace('Std', 'Sth'), headers)).toThrow();
    expect(() =>
      new Webhook(`whsec_${Buffer.alloc(24, 7).toString('base64')}`).verify(raw, headers),
    ).toThrow();
  });

  it('signs with the key of a secret issued before the change (base64url) as its base64 form', () => {
    const bytes = Buffer.from('fb_ff-fe0123456789abcdefghijklmn', 'base64url');
    const old = `whsec_${bytes.toString('base64url')}`;
    const now = Math.floor(Date.now() / 1000);
    const headers = standardWebhookHeaders(old, 'msg_1', now, '{"a":1}');
    expect(new Webhook(`whsec_${bytes.toString('base64')}`).verify('{"a":1}', headers)).toEqual({ a: 1 });
  });
});

describe('webhook delivery retention', () => {
  const clock = createFakeClock();
  let server: TestServer;
  let admin: TestUser;
  let receiver: Awaited<ReturnType<typeof startLocalReceiver>>;
  let status = 200;

  beforeAll(async () => {
    server = await startTestServer({ clock, env: { WEBHOOK_LOG_RETENTION_DAYS: '30' } });
    admin = await server.createUser('admin');
    receiver = await startLocalReceiver(() => status);
  });
  afterAll(async () => {
    await receiver.close();
    await server.close();
  });

  const log = async (id: string) => {
    const res = await server.request({ url: `/api/v1/admin/webhooks/${id}/deliveries`, as: admin });
    return res.json<{ items: { id: string; status: string }[] }>().items;
  };

  it('deletes finished (delivered) rows older than the retention, never pending ones or newer ones', async () => {
    await server.request({
      method: 'PUT',
      url: '/api/v1/admin/settings/webhooks',
      as: admin,
      payload: { allowPrivateWebhookTargets: true },
    });
    const hook = (
      await server.request({
        method: 'POST',
        url: '/api/v1/admin/webhooks',
        as: admin,
        payload: { url: `${receiver.url}/r`, events: ['lead.created'] },
      })
    ).json<TCreatedWebhookDto>();
    const emit = async (n: number) => {
      server.charla.services.events.emit('lead.created', { lead: leadFixture(`lead-${n}`) });
      await waitFor(async () => (await log(hook.id)).length === n);
    };
    await emit(1);
    await server.charla.services.webhookOutbox.deliverDue(); // delivered, day 0
    status = 500;
    await emit(2);
    await server.charla.services.webhookOutbox.deliverDue(); // pending (retrying), day 0
    clock.advance(20 * 86_400_000);
    await emit(3); // pending, day 20
    const [third, second] = await log(hook.id);
    clock.advance(11 * 86_400_000); // day 31

    // Only the delivered row of day 0 is due: pending rows stay, whatever their age.
    expect(await server.charla.services.pruneWebhookDeliveries(1)).toBe(1);
    expect((await log(hook.id)).map((d) => d.id)).toEqual([third!.id, second!.id]);
    status = 200;
    await server.charla.services.webhookOutbox.deliverDue(); // both delivered now
    expect(await server.charla.services.pruneWebhookDeliveries(1)).toBe(1); // the one created on day 0
    expect((await log(hook.id)).map((d) => d.id)).toEqual([third!.id]);
    clock.advance(20 * 86_400_000); // day 51: the third is past 30 days too
    expect(await server.charla.services.pruneWebhookDeliveries()).toBe(1);
    expect(await log(hook.id)).toEqual([]);
  });
});
