import type { TConversationDto, TIdentitySettingsDto, TRotatedIdentitySecretDto } from '@charla/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, snapshotDatabase, startChat } from '../../security/security-fixtures';
import { createFakeClock, startTestServer, type TestServer, type TestUser } from '../../test/harness';
import { createActivePlaybook, EMBED_ORIGIN } from '../../test/playbook-setup';
import { connectVisitor } from '../../test/visitor-client';
import { identityHashOf } from './identity-secrets';

const HOUR = 3_600_000;

describe('signed visitor identity: secrets, settings and refusals', () => {
  const clock = createFakeClock(Date.UTC(2026, 5, 1));
  let server: TestServer;
  let baseUrl: string;
  let admin: TestUser;
  let agent: TestUser;
  let playbook: { id: string; publicId: string };
  let secret: string;

  const session = async (): Promise<string> => {
    const res = await server.request({ method: 'POST', url: '/api/v1/widget/session', payload: {} });
    return res.json<{ visitorToken: string }>().visitorToken;
  };
  const identify = (token: string, payload: Record<string, unknown>) =>
    server.request({
      method: 'POST',
      url: '/api/v1/widget/identify',
      headers: { authorization: `Visitor ${token}` },
      payload,
    });
  const signed = (userId: string, extra: Record<string, unknown> = {}) => ({
    userId,
    userHash: identityHashOf(secret, userId),
    ...extra,
  });

  beforeAll(async () => {
    server = await startTestServer({ clock });
    baseUrl = await server.listen();
    admin = await server.createUser('admin');
    agent = await server.createUser('regular');
    playbook = await createActivePlaybook(server, admin);
    const rotated = await server.request({
      method: 'POST',
      url: '/api/v1/settings/identity/rotate',
      as: admin,
      payload: {}, // as the inbox sends it
    });
    expect(rotated.statusCode).toBe(200);
    secret = rotated.json<TRotatedIdentitySecretDto>().secret;
  });
  afterAll(() => server.close());

  it('shows the secret once: settings show its last four characters, to admins only', async () => {
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    const settings = await server.request({ url: '/api/v1/settings/identity', as: admin });
    expect(settings.statusCode).toBe(200);
    expect(settings.body).not.toContain(secret);
    expect(settings.json<TIdentitySettingsDto>().secrets).toEqual([
      { hint: secret.slice(-4), createdAt: clock.now(), expiresAt: null },
    ]);
    for (const req of [
      { url: '/api/v1/settings/identity' },
      { method: 'PUT' as const, url: '/api/v1/settings/identity', payload: { requireVerified: true } },
      { method: 'POST' as const, url: '/api/v1/settings/identity/rotate' },
    ]) {
      const res = await server.request({ ...req, as: agent });
      expect({ url: req.url, status: res.statusCode }).toEqual({ url: req.url, status: 403 });
    }
  });

  it('never sends the secret to the browser (widget config, frame, identify answers)', async () => {
    const token = await session();
    const answers = [
      await server.request({
        url: `/api/v1/widget/config/${playbook.publicId}?pageUrl=${encodeURIComponent(`${EMBED_ORIGIN}/`)}`,
        headers: { origin: EMBED_ORIGIN },
      }),
      await identify(token, signed('browser-1', { name: 'Ann' })),
      await identify(token, { userId: 'browser-1', userHash: 'nope' }),
    ];
    for (const res of answers) expect(res.body).not.toContain(secret);
  });

  it('refuses bad identities with their code and stores nothing', async () => {
    const token = await session();
    expect((await identify(token, signed('owner-1', { email: 'owner@customer.example' }))).statusCode).toBe(
      200,
    );
    const other = await session();
    const cases: [string, Record<string, unknown>, number, string][] = [
      ['a wrong hash', { userId: 'owner-1', userHash: 'f'.repeat(64) }, 401, 'IDENTITY_HASH_INVALID'],
      [
        'a hash for another userId',
        { userId: 'owner-1', userHash: identityHashOf(secret, 'owner-2') },
        401,
        'IDENTITY_HASH_INVALID',
      ],
      [
        'a hash under another secret',
        { userId: 'owner-1', userHash: identityHashOf('x'.repeat(64), 'owner-1') },
        401,
        'IDENTITY_HASH_INVALID',
      ],
      ['a userId without hash', { userId: 'owner-1', name: 'Mallory' }, 401, 'IDENTITY_HASH_INVALID'],
      ['the secret itself', { userId: 'owner-1', userHash: secret }, 422, 'IDENTITY_SECRET_EXPOSED'],
      [
        'a replay with another email',
        signed('owner-1', { email: 'mallory@attacker.example' }),
        409,
        'IDENTITY_EMAIL_CHANGED',
      ],
      [
        'too many attributes',
        signed('owner-1', {
          attributes: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`a${i}`, i])),
        }),
        422,
        'VALIDATION_FAILED',
      ],
      [
        'oversized attributes',
        signed('owner-1', {
          attributes: Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`k${i}`, 'x'.repeat(200)])),
        }),
        422,
        'VALIDATION_FAILED',
      ],
      [
        'an object attribute',
        signed('owner-1', { attributes: { plan: { tier: 'gold' } } }),
        422,
        'VALIDATION_FAILED',
      ],
      [
        'a bad attribute key',
        signed('owner-1', { attributes: { 'Plan Name': 'gold' } }),
        422,
        'VALIDATION_FAILED',
      ],
      ['an unknown field', signed('owner-1', { role: 'admin' }), 422, 'VALIDATION_FAILED'],
    ];
    for (const [label, payload, status, code] of cases) {
      const before = await snapshotDatabase(server);
      const res = await identify(other, payload);
      expect({ label, status: res.statusCode, code: errorCode(res) }).toEqual({ label, status, code });
      expect(await snapshotDatabase(server)).toEqual(before);
    }
  });

  it('refuses unsigned calls when verification is required, over REST and the socket', async () => {
    const put = await server.request({
      method: 'PUT',
      url: '/api/v1/settings/identity',
      as: admin,
      payload: { requireVerified: true },
    });
    expect(put.json<TIdentitySettingsDto>().requireVerified).toBe(true);
    const visitor = await connectVisitor(baseUrl);
    const conversationId = await startChat(visitor, playbook.publicId);
    const before = await snapshotDatabase(server);
    const res = await identify(visitor.token, { name: 'Mallory', email: 'ceo@customer.example' });
    expect([res.statusCode, errorCode(res)]).toEqual([403, 'IDENTITY_VERIFICATION_REQUIRED']);
    visitor.client.send({ type: 'identify', name: 'Mallory', email: 'ceo@customer.example' });
    const frame = await visitor.client.waitFor((f) => f.type === 'error');
    expect(frame).toMatchObject({ code: 'IDENTITY_VERIFICATION_REQUIRED' });
    expect(await snapshotDatabase(server)).toEqual(before);
    const conversation = await server.request({ url: `/api/v1/conversations/${conversationId}`, as: admin });
    expect(conversation.json<TConversationDto>().visitor.displayName).not.toContain('Mallory');
    await visitor.client.close();
    await server.request({
      method: 'PUT',
      url: '/api/v1/settings/identity',
      as: admin,
      payload: { requireVerified: false },
    });
  });

  it('never lets an unsigned call rename a verified visitor', async () => {
    const token = await session();
    expect((await identify(token, signed('renamed-1', { name: 'Real Name' }))).statusCode).toBe(200);
    const before = await snapshotDatabase(server);
    const res = await identify(token, { name: 'Mallory' });
    expect(errorCode(res)).toBe('IDENTITY_VERIFICATION_REQUIRED');
    expect(await snapshotDatabase(server)).toEqual(before);
  });

  it('keeps the old secret valid for the grace period after a rotation, then refuses it', async () => {
    const oldHash = identityHashOf(secret, 'grace-1');
    await server.request({
      method: 'PUT',
      url: '/api/v1/settings/identity',
      as: admin,
      payload: { graceHours: 2 },
    });
    const rotated = await server.request({
      method: 'POST',
      url: '/api/v1/settings/identity/rotate',
      as: admin,
    });
    const next = rotated.json<TRotatedIdentitySecretDto>();
    expect(next.secrets.map((s) => s.hint)).toEqual([next.secret.slice(-4), secret.slice(-4)]);
    expect(next.secrets[1]?.expiresAt).toBe(clock.now() + 2 * HOUR);
    const token = await session();
    expect((await identify(token, { userId: 'grace-1', userHash: oldHash })).json()).toMatchObject({
      verified: true,
    });
    clock.advance(2 * HOUR);
    const late = await identify(token, { userId: 'grace-1', userHash: oldHash });
    expect([late.statusCode, errorCode(late)]).toEqual([401, 'IDENTITY_HASH_INVALID']);
    const fresh = await identify(token, {
      userId: 'grace-1',
      userHash: identityHashOf(next.secret, 'grace-1'),
    });
    expect(fresh.json()).toMatchObject({ verified: true });
    secret = next.secret;
  });

  it('changes a verified user’s email and attributes from the company’s server only', async () => {
    const token = await session();
    await identify(token, signed('rest-1', { email: 'old@customer.example', attributes: { plan: 'free' } }));
    const put = await server.request({
      method: 'PUT',
      url: '/api/v1/visitor-identities/rest-1',
      as: admin,
      payload: { email: 'new@customer.example', attributes: { plan: 'pro', seats: 5 } },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({
      userId: 'rest-1',
      email: 'new@customer.example',
      attributes: { plan: 'pro', seats: 5 },
    });
    const got = await server.request({ url: '/api/v1/visitor-identities/rest-1', as: agent });
    expect(got.json()).toMatchObject({ email: 'new@customer.example' });
    const byAgent = await server.request({
      method: 'PUT',
      url: '/api/v1/visitor-identities/rest-1',
      as: agent,
      payload: { email: 'agent@customer.example' },
    });
    expect(byAgent.statusCode).toBe(403);
    const missing = await server.request({ url: '/api/v1/visitor-identities/nobody', as: agent });
    expect([missing.statusCode, errorCode(missing)]).toEqual([404, 'IDENTITY_NOT_FOUND']);
    // The browser now passes the new email; the old one would be a changed replay.
    expect((await identify(token, signed('rest-1', { email: 'new@customer.example' }))).statusCode).toBe(200);
    expect(errorCode(await identify(token, signed('rest-1', { email: 'old@customer.example' })))).toBe(
      'IDENTITY_EMAIL_CHANGED',
    );
  });
});
