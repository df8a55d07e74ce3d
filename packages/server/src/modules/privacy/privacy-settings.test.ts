import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../../test/harness';

const URL_PATH = '/api/v1/admin/privacy/settings';

describe('privacy settings: the widget’s privacy link', () => {
  let server: TestServer;
  let admin: TestUser;
  const saved = {
    closedConversationDays: 30,
    deliveryLogDays: null,
    privacyUrl: 'https://shop.example/privacy',
  };

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.createUser('admin', 'Ada Admin');
    const res = await server.request({ method: 'PUT', url: URL_PATH, as: admin, payload: saved });
    expect(res.statusCode, res.body).toBe(200);
  });
  afterAll(() => server.close());

  it.each([
    'javascript:alert(document.cookie)',
    'JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'mailto:privacy@shop.example',
    'ftp://shop.example/privacy',
    'not a link',
  ])('refuses %s with PRIVACY_URL_NOT_WEB on the field and changes nothing', async (privacyUrl) => {
    const res = await server.request({
      method: 'PUT',
      url: URL_PATH,
      as: admin,
      payload: { ...saved, closedConversationDays: 7, privacyUrl },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      error: { code: 'PRIVACY_URL_NOT_WEB', details: [{ path: 'privacyUrl' }] },
    });
    const now = await server.request({ url: URL_PATH, as: admin });
    expect(now.json()).toEqual(saved);
    const log = await server.request({ url: '/api/v1/admin/audit-log', as: admin });
    const updates = log
      .json<{ items: { action: string }[] }>()
      .items.filter((e) => e.action === 'retention.update');
    expect(updates).toHaveLength(1);
  });

  it('keeps an http or https link, and no link at all', async () => {
    for (const privacyUrl of ['http://shop.example/privacy', 'https://shop.example/privacidad', null]) {
      const res = await server.request({
        method: 'PUT',
        url: URL_PATH,
        as: admin,
        payload: { ...saved, privacyUrl },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ privacyUrl });
    }
  });

  it('refuses a regular user with 403', async () => {
    const regular = await server.createUser('regular', 'Rita Regular');
    const res = await server.request({ method: 'PUT', url: URL_PATH, as: regular, payload: saved });
    expect(res.statusCode).toBe(403);
  });
});
