import type { TApiTokenDto, TCreatedApiTokenDto } from '@charla/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createFakeClock,
  startTestServer,
  TEST_ORIGIN,
  type TestServer,
  type TestUser,
} from '../../test/harness';
import { FrameClient } from '../../test/visitor-client';

const clock = createFakeClock();
const DAY_MS = 24 * 3600_000;

describe('API tokens', () => {
  let server: TestServer;
  let admin: TestUser;
  let regular: TestUser;

  beforeAll(async () => {
    server = await startTestServer({ clock });
    admin = await server.createUser('admin');
    regular = await server.createUser('regular');
  });
  afterAll(() => server.close());

  async function createToken(
    scopes: string[],
    options: { as?: TestUser; name?: string; expiresInDays?: number } = {},
  ): Promise<TCreatedApiTokenDto> {
    const res = await server.request({
      method: 'POST',
      url: '/api/v1/admin/api-tokens',
      as: options.as ?? admin,
      payload: {
        name: options.name ?? `token ${scopes.join('+')}`,
        scopes,
        expiresInDays: options.expiresInDays,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<TCreatedApiTokenDto>();
  }

  function bearer(token: string): Record<string, string> {
    return { authorization: `Bearer ${token}` };
  }

  async function listTokens(): Promise<TApiTokenDto[]> {
    const res = await server.request({ url: '/api/v1/admin/api-tokens', as: admin });
    expect(res.statusCode).toBe(200);
    return res.json<TApiTokenDto[]>();
  }

  it('shows a new token once and never lists its secret', async () => {
    const created = await createToken(['write', 'read'], { name: 'Zapier' });
    expect(created.token).toMatch(/^chk_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({
      name: 'Zapier',
      scopes: ['read', 'write'],
      createdBy: { id: admin.id, name: admin.name },
      createdAt: clock.now(),
      lastUsedAt: null,
      expiresAt: null,
      revokedAt: null,
    });
    const list = await listTokens();
    const listed = list.find((t) => t.id === created.id);
    const { token: _secret, ...withoutSecret } = created;
    expect(listed).toEqual(withoutSecret);
    expect(JSON.stringify(list)).not.toContain(created.token);
    expect(JSON.stringify(list)).not.toContain(created.token.slice(4));
  });

  it('lets a read token read conversations and persons, and nothing more', async () => {
    const { token } = await createToken(['read']);
    const conversations = await server.request({
      url: '/api/v1/conversations?folder=unassigned',
      headers: bearer(token),
    });
    expect(conversations.statusCode).toBe(200);
    expect((await server.request({ url: '/api/v1/crm/persons', headers: bearer(token) })).statusCode).toBe(
      200,
    );
    expect((await server.request({ url: '/api/v1/me', headers: bearer(token) })).json()).toMatchObject({
      id: admin.id,
    });

    const write = await server.request({
      method: 'POST',
      url: '/api/v1/crm/persons',
      headers: bearer(token),
      payload: { name: 'Not written' },
    });
    expect(write.statusCode).toBe(403);
    expect(write.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    const admin403 = await server.request({ url: '/api/v1/admin/users', headers: bearer(token) });
    expect(admin403.statusCode).toBe(403);
  });

  it('lets a write token create a person without an Origin header, recorded as an API change', async () => {
    const { token } = await createToken(['write']);
    const res = await server.request({
      method: 'POST',
      url: '/api/v1/crm/persons',
      headers: bearer(token),
      payload: { name: 'Ada via API' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ name: 'Ada via API', source: 'api' });
    // The admin route still needs the admin scope.
    expect((await server.request({ url: '/api/v1/admin/users', headers: bearer(token) })).statusCode).toBe(
      403,
    );
  });

  it('uses the bearer token when a cookie comes along, without the CSRF check', async () => {
    const { token } = await createToken(['read']);
    const withCookie = await server.request({
      method: 'POST',
      url: '/api/v1/crm/persons',
      as: admin,
      headers: bearer(token),
      payload: { name: 'Cookie must not win' },
    });
    expect(withCookie.statusCode).toBe(403);
    expect(withCookie.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });

    const writer = await createToken(['write']);
    const crossSite = await server.request({
      method: 'POST',
      url: '/api/v1/crm/persons',
      headers: { ...bearer(writer.token), cookie: admin.cookie, origin: 'https://evil.example' },
      payload: { name: 'Bearer from elsewhere' },
    });
    expect(crossSite.statusCode).toBe(201);
  });

  it('requires the admin scope for admin routes', async () => {
    const { token } = await createToken(['admin']);
    const users = await server.request({ url: '/api/v1/admin/users', headers: bearer(token) });
    expect(users.statusCode).toBe(200);
    expect(
      (await server.request({ url: '/api/v1/admin/api-tokens', headers: bearer(token) })).statusCode,
    ).toBe(200);
    // The admin scope is about admin routes only.
    expect((await server.request({ url: '/api/v1/crm/persons', headers: bearer(token) })).statusCode).toBe(
      403,
    );
    // A token cannot mint tokens: a leaked one must not outlive its revocation.
    const before = (await listTokens()).length;
    const mint = await server.request({
      method: 'POST',
      url: '/api/v1/admin/api-tokens',
      headers: bearer(token),
      payload: { name: 'successor', scopes: ['admin'] },
    });
    expect(mint.statusCode).toBe(403);
    expect(await listTokens()).toHaveLength(before);
  });

  it('answers 401 to unknown and malformed tokens', async () => {
    for (const authorization of ['Bearer chk_unknown', 'Bearer not-a-chk-token', 'Bearer', 'bearer a b']) {
      const res = await server.request({ url: '/api/v1/crm/persons', headers: { authorization } });
      expect({ authorization, status: res.statusCode }).toEqual({ authorization, status: 401 });
      expect(res.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    }
  });

  it('stops a revoked token at once and keeps it listed as revoked', async () => {
    const { id, token } = await createToken(['read', 'write']);
    expect((await server.request({ url: '/api/v1/crm/persons', headers: bearer(token) })).statusCode).toBe(
      200,
    );
    const revoke = await server.request({
      method: 'DELETE',
      url: `/api/v1/admin/api-tokens/${id}`,
      as: admin,
    });
    expect(revoke.statusCode).toBe(204);
    const res = await server.request({ url: '/api/v1/crm/persons', headers: bearer(token) });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    expect((await listTokens()).find((t) => t.id === id)?.revokedAt).toBe(clock.now());

    const unknown = await server.request({
      method: 'DELETE',
      url: '/api/v1/admin/api-tokens/01900000-0000-7000-8000-000000000000',
      as: admin,
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: { code: 'API_TOKEN_NOT_FOUND' } });
  });

  it('stops an expired token', async () => {
    const { token, expiresAt, createdAt } = await createToken(['read'], { expiresInDays: 1 });
    expect(expiresAt).toBe(createdAt + DAY_MS);
    clock.advance(DAY_MS - 1);
    expect((await server.request({ url: '/api/v1/crm/persons', headers: bearer(token) })).statusCode).toBe(
      200,
    );
    clock.advance(1);
    expect((await server.request({ url: '/api/v1/crm/persons', headers: bearer(token) })).statusCode).toBe(
      401,
    );
  });

  it('records last use at most once a minute', async () => {
    const { id, token } = await createToken(['read']);
    const lastUsed = async () => (await listTokens()).find((t) => t.id === id)?.lastUsedAt;
    const first = clock.now();
    await server.request({ url: '/api/v1/crm/persons', headers: bearer(token) });
    expect(await lastUsed()).toBe(first);
    clock.advance(30_000);
    await server.request({ url: '/api/v1/crm/persons', headers: bearer(token) });
    expect(await lastUsed()).toBe(first);
    clock.advance(30_000);
    await server.request({ url: '/api/v1/crm/persons', headers: bearer(token) });
    expect(await lastUsed()).toBe(first + 60_000);
  });

  it('follows its creator: deactivated → 401, demoted → no admin routes', async () => {
    const leaver = await server.createUser('admin');
    const { token: leaverToken } = await createToken(['read', 'admin'], { as: leaver });
    const demoted = await server.createUser('admin');
    const { token: demotedToken } = await createToken(['read', 'admin'], { as: demoted });

    const patch = (user: TestUser, payload: object) =>
      server.request({ method: 'PATCH', url: `/api/v1/admin/users/${user.id}`, as: admin, payload });
    expect((await patch(leaver, { active: false })).statusCode).toBe(200);
    expect((await patch(demoted, { role: 'regular' })).statusCode).toBe(200);

    for (const url of ['/api/v1/crm/persons', '/api/v1/admin/users'])
      expect((await server.request({ url, headers: bearer(leaverToken) })).statusCode).toBe(401);
    expect(
      (await server.request({ url: '/api/v1/crm/persons', headers: bearer(demotedToken) })).statusCode,
    ).toBe(200);
    const adminRoute = await server.request({ url: '/api/v1/admin/users', headers: bearer(demotedToken) });
    expect(adminRoute.statusCode).toBe(403);
  });

  it('lets only admins manage tokens', async () => {
    const { id } = await createToken(['read']);
    const before = await listTokens();
    const attempts = [
      { method: 'GET' as const, url: '/api/v1/admin/api-tokens' },
      {
        method: 'POST' as const,
        url: '/api/v1/admin/api-tokens',
        payload: { name: 'mine', scopes: ['read'] },
      },
      { method: 'DELETE' as const, url: `/api/v1/admin/api-tokens/${id}` },
    ];
    for (const attempt of attempts) {
      const res = await server.request({ ...attempt, as: regular });
      expect(res.statusCode).toBe(403);
    }
    expect(await listTokens()).toEqual(before);
  });

  it('refuses bad input with 422 and writes nothing', async () => {
    const before = await listTokens();
    for (const payload of [
      { name: 'no scopes', scopes: [] },
      { name: 'unknown scope', scopes: ['read', 'root'] },
      { name: 'twice', scopes: ['read', 'read'] },
      { name: 'x'.repeat(101), scopes: ['read'] },
      { name: '   ', scopes: ['read'] },
      { name: 'zero days', scopes: ['read'], expiresInDays: 0 },
      { name: 'fractional', scopes: ['read'], expiresInDays: 1.5 },
      { name: 'extra', scopes: ['read'], userId: regular.id },
      { scopes: ['read'] },
    ]) {
      const res = await server.request({
        method: 'POST',
        url: '/api/v1/admin/api-tokens',
        as: admin,
        payload,
      });
      expect({ payload, status: res.statusCode }).toEqual({ payload, status: 422 });
    }
    expect(await listTokens()).toEqual(before);
  });

  it('documents the bearer scheme in OpenAPI', async () => {
    type Spec = {
      components: { securitySchemes: Record<string, { type: string; scheme?: string }> };
      paths: Record<string, Record<string, { security?: Array<Record<string, string[]>> }>>;
    };
    const spec = (await server.request({ url: '/api/docs/json' })).json<Spec>();
    expect(spec.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(spec.paths['/api/v1/crm/persons']?.get?.security).toEqual([{ session: [] }, { bearer: [] }]);
    expect(spec.paths['/api/v1/admin/api-tokens']?.post?.security).toEqual([{ session: [] }, { bearer: [] }]);
  });

  it('never opens the agent WebSocket', async () => {
    const { token } = await createToken(['read', 'write', 'admin']);
    const baseUrl = await server.listen();
    await expect(
      FrameClient.connect(`${baseUrl.replace('http', 'ws')}/ws/agent`, {
        origin: TEST_ORIGIN,
        authorization: `Bearer ${token}`,
      }),
    ).rejects.toThrow(/401/);
  });
});
