import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieHeaderFrom, startTestServer, type TestServer, type TestUser } from '../../test/harness';

describe('auth', () => {
  let server: TestServer;
  let admin: TestUser;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.createUser('admin');
  });
  afterAll(() => server.close());

  it('logs in, answers /me, and sets an HttpOnly SameSite=Lax cookie', async () => {
    const res = await server.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: admin.email, password: admin.password },
    });
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).not.toMatch(/Secure/);
    const me = await server.request({ url: '/api/v1/me', as: { cookie: cookieHeaderFrom(res) } });
    expect(me.json()).toMatchObject({ email: admin.email, role: 'admin' });
  });

  it('rotates the session id at every login', async () => {
    const a = await server.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: admin.email, password: admin.password },
    });
    const b = await server.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: admin.email, password: admin.password },
    });
    expect(cookieHeaderFrom(a)).not.toBe(cookieHeaderFrom(b));
  });

  it('refuses a wrong password with INVALID_CREDENTIALS and an unknown email the same way', async () => {
    const wrong = await server.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: admin.email, password: 'nope-nope-nope' },
    });
    const unknown = await server.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'ghost@example.com', password: 'nope-nope-nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ error: { code: 'INVALID_CREDENTIALS' } });
    // The same body but for the request's own id.
    const body = (res: typeof wrong) => ({ ...res.json<{ error: object }>().error, requestId: null });
    expect(body(unknown)).toEqual(body(wrong));
  });

  it('rate-limits brute force on one account with 429, and the right password works again later', async () => {
    const user = await server.createUser('regular');
    const codes: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      const res = await server.request({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: user.email, password: `wrong-${i}-xxxxx` },
      });
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
    expect(codes.slice(10)).toEqual([429, 429]);
    const blocked = await server.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: user.password },
    });
    expect(blocked.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
  });

  it('ends the session at logout', async () => {
    const user = await server.createUser('regular');
    const out = await server.request({ method: 'POST', url: '/api/v1/auth/logout', as: user });
    expect(out.statusCode).toBe(204);
    const me = await server.request({ url: '/api/v1/me', as: user });
    expect(me.statusCode).toBe(401);
  });

  it('refuses a state-changing request from a foreign origin (CSRF)', async () => {
    const user = await server.createUser('regular');
    const res = await server.request({
      method: 'PATCH',
      url: '/api/v1/me',
      as: user,
      headers: { origin: 'https://evil.example' },
      payload: { name: 'Hacked' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: 'ORIGIN_NOT_ALLOWED' } });
    const noOrigin = await server.request({
      method: 'PATCH',
      url: '/api/v1/me',
      as: user,
      headers: { origin: '' },
      payload: { name: 'Hacked' },
    });
    expect(noOrigin.statusCode).toBe(403);
    const me = await server.request({ url: '/api/v1/me', as: user });
    expect(me.json()).toMatchObject({ name: user.name });
  });

  it('refuses a tampered session cookie', async () => {
    const res = await server.request({
      url: '/api/v1/me',
      headers: { cookie: `${admin.cookie.split('.')[0] ?? ''}.forged` },
    });
    expect(res.statusCode).toBe(401);
  });

  it('changes the password, ending the other sessions', async () => {
    const user = await server.createUser('regular');
    const second = await server.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: user.password },
    });
    const otherCookie = cookieHeaderFrom(second);
    const bad = await server.request({
      method: 'POST',
      url: '/api/v1/me/password',
      as: user,
      payload: { currentPassword: 'wrong-one-xx', newPassword: 'another long password' },
    });
    expect(bad.statusCode).toBe(422);
    const ok = await server.request({
      method: 'POST',
      url: '/api/v1/me/password',
      as: user,
      payload: { currentPassword: user.password, newPassword: 'another long password' },
    });
    expect(ok.statusCode).toBe(204);
    expect((await server.request({ url: '/api/v1/me', as: { cookie: otherCookie } })).statusCode).toBe(401);
    expect((await server.request({ url: '/api/v1/me', as: user })).statusCode).toBe(200);
  });

  it('lists my sessions and revokes one', async () => {
    const user = await server.createUser('regular');
    const second = await server.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: user.password },
    });
    const sessions = (await server.request({ url: '/api/v1/me/sessions', as: user })).json<
      { id: string; current: boolean }[]
    >();
    expect(sessions).toHaveLength(2);
    const other = sessions.find((s) => !s.current);
    const del = await server.request({
      method: 'DELETE',
      url: `/api/v1/me/sessions/${other?.id ?? ''}`,
      as: user,
    });
    expect(del.statusCode).toBe(204);
    expect(
      (await server.request({ url: '/api/v1/me', as: { cookie: cookieHeaderFrom(second) } })).statusCode,
    ).toBe(401);
    const again = await server.request({
      method: 'DELETE',
      url: `/api/v1/me/sessions/${other?.id ?? ''}`,
      as: user,
    });
    expect(again.json()).toMatchObject({ error: { code: 'SESSION_NOT_FOUND' } });
  });
});

describe('first admin', () => {
  it('creates the admin from CHARLA_ADMIN_EMAIL and CHARLA_ADMIN_PASSWORD on a fresh database', async () => {
    const server = await startTestServer({
      env: { CHARLA_ADMIN_EMAIL: 'Boss@Example.com', CHARLA_ADMIN_PASSWORD: 'a very long password' },
    });
    try {
      expect(server.charla.setupUrl).toBeNull();
      const res = await server.request({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'boss@example.com', password: 'a very long password' },
      });
      expect(res.statusCode).toBe(200);
      expect((await server.request({ url: '/api/v1/setup' })).json()).toEqual({ needsSetup: false });
      // A fresh install comes with one active Live chat playbook, so /demo works at once.
      const playbooks = (
        await server.request({ url: '/api/v1/playbooks', as: { cookie: cookieHeaderFrom(res) } })
      ).json<{ name: string; status: string }[]>();
      expect(playbooks.map((p) => [p.name, p.status])).toEqual([['Website chat', 'active']]);
    } finally {
      await server.close();
    }
  });

  it('prints a one-time setup link that creates the admin once', async () => {
    const server = await startTestServer();
    try {
      const token = new URL(server.charla.setupUrl ?? 'http://x').searchParams.get('token') ?? '';
      expect(token.length).toBeGreaterThan(30);
      const wrong = await server.request({
        method: 'POST',
        url: '/api/v1/setup',
        payload: { token: 'guess', name: 'A', email: 'a@example.com', password: 'long enough pw' },
      });
      expect(wrong.json()).toMatchObject({ error: { code: 'SETUP_TOKEN_INVALID' } });
      const ok = await server.request({
        method: 'POST',
        url: '/api/v1/setup',
        payload: { token, name: 'Ana', email: 'ana@example.com', password: 'long enough pw' },
      });
      expect(ok.statusCode).toBe(201);
      expect(ok.json()).toMatchObject({ role: 'admin', name: 'Ana' });
      const again = await server.request({
        method: 'POST',
        url: '/api/v1/setup',
        payload: { token, name: 'Eve', email: 'eve@example.com', password: 'long enough pw' },
      });
      expect(again.json()).toMatchObject({ error: { code: 'SETUP_ALREADY_DONE' } });
    } finally {
      await server.close();
    }
  });

  it('saves the language chosen on the setup screen on the admin and the company (issue 23)', async () => {
    const server = await startTestServer();
    try {
      const token = new URL(server.charla.setupUrl ?? 'http://x').searchParams.get('token') ?? '';
      const ok = await server.request({
        method: 'POST',
        url: '/api/v1/setup',
        payload: { token, name: 'Ana', email: 'ana@example.com', password: 'long enough pw', language: 'es' },
      });
      expect(ok.statusCode).toBe(201);
      expect(ok.json()).toMatchObject({ language: 'es' });
      const headers = { cookie: cookieHeaderFrom(ok) };
      const company = await server.request({ url: '/api/v1/settings/company', headers });
      expect(company.json()).toMatchObject({ defaultLanguage: 'es' });
      const pipelines = await server.request({ url: '/api/v1/crm/pipelines', headers });
      const names = pipelines
        .json<{ name: string; stages: { name: string }[] }[]>()
        .flatMap((p) => [p.name, ...p.stages.map((s) => s.name)]);
      expect(names).toEqual([
        'Ventas',
        'Cualificado',
        'Contacto realizado',
        'Propuesta enviada',
        'Negociación',
      ]);
    } finally {
      await server.close();
    }
  });
});
