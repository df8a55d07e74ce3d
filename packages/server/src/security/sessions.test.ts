import { wsCloseCodes } from '@charla/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cookieHeaderFrom,
  startTestServer,
  TEST_ORIGIN,
  type TestServer,
  type TestUser,
} from '../test/harness';
import { connectAgent } from '../test/visitor-client';
import { sleep } from './security-fixtures';

// Issue #10 item 5: every way a session ends closes its sockets at once; ids rotate; cookie flags.

async function login(
  server: TestServer,
  user: TestUser,
  headers: Record<string, string> = {},
): Promise<string> {
  const res = await server.request({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: user.email, password: user.password },
    headers,
  });
  expect(res.statusCode).toBe(200);
  return cookieHeaderFrom(res);
}

async function closedWith(client: { closeCode: number | null }, code: number, within = 2000): Promise<void> {
  const until = Date.now() + within;
  while (client.closeCode === null && Date.now() < until) await sleep(20);
  expect(client.closeCode).toBe(code);
}

describe('sessions (issue #10 item 5)', () => {
  let server: TestServer;
  let baseUrl: string;
  let admin: TestUser;

  beforeAll(async () => {
    server = await startTestServer();
    baseUrl = await server.listen();
    admin = await server.createUser('admin');
  });
  afterAll(() => server.close());

  it('logout closes that session’s sockets at once and only those; the cookie and the socket stay dead', async () => {
    const user = await server.createUser('regular');
    const other = await login(server, user);
    const socket = await connectAgent(baseUrl, user.cookie, TEST_ORIGIN);
    const otherSocket = await connectAgent(baseUrl, other, TEST_ORIGIN);
    expect((await server.request({ method: 'POST', url: '/api/v1/auth/logout', as: user })).statusCode).toBe(
      204,
    );
    await closedWith(socket, wsCloseCodes.sessionEnded);
    expect(otherSocket.closeCode).toBeNull();
    expect((await server.request({ url: '/api/v1/me', as: user })).statusCode).toBe(401);
    await expect(connectAgent(baseUrl, user.cookie, TEST_ORIGIN)).rejects.toThrow(/401/);
    await otherSocket.close();
  });

  it('revoking one session, all sessions (admin), a password change and deactivation each close the right sockets', async () => {
    const user = await server.createUser('regular');
    const second = await login(server, user);
    const first = await connectAgent(baseUrl, user.cookie, TEST_ORIGIN);
    const secondSocket = await connectAgent(baseUrl, second, TEST_ORIGIN);

    // Revoke the second session from the first.
    const sessions = (await server.request({ url: '/api/v1/me/sessions', as: user })).json<
      { id: string; current: boolean }[]
    >();
    const target = sessions.find((s) => !s.current);
    expect(target).toBeDefined();
    expect(
      (await server.request({ method: 'DELETE', url: `/api/v1/me/sessions/${target?.id ?? ''}`, as: user }))
        .statusCode,
    ).toBe(204);
    await closedWith(secondSocket, wsCloseCodes.sessionEnded);
    expect(first.closeCode).toBeNull();
    expect((await server.request({ url: '/api/v1/me', headers: { cookie: second } })).statusCode).toBe(401);

    // A password change ends every other session and its sockets, and keeps this one.
    const third = await login(server, user);
    const thirdSocket = await connectAgent(baseUrl, third, TEST_ORIGIN);
    const changed = await server.request({
      method: 'POST',
      url: '/api/v1/me/password',
      as: user,
      payload: { currentPassword: user.password, newPassword: 'a brand new password' },
    });
    expect(changed.statusCode).toBeLessThan(300);
    await closedWith(thirdSocket, wsCloseCodes.sessionEnded);
    expect((await server.request({ url: '/api/v1/me', headers: { cookie: third } })).statusCode).toBe(401);
    const current = changed.cookies.length > 0 ? cookieHeaderFrom(changed) : user.cookie;
    expect((await server.request({ url: '/api/v1/me', headers: { cookie: current } })).statusCode).toBe(200);

    // An admin ends all of them.
    const socket = await connectAgent(baseUrl, current, TEST_ORIGIN);
    expect(
      (await server.request({ method: 'DELETE', url: `/api/v1/admin/users/${user.id}/sessions`, as: admin }))
        .statusCode,
    ).toBeLessThan(300);
    await closedWith(socket, wsCloseCodes.sessionEnded);
    expect((await server.request({ url: '/api/v1/me', headers: { cookie: current } })).statusCode).toBe(401);

    // Deactivation: the user cannot log in again, and no old cookie works.
    const fresh = await server.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: 'a brand new password' },
    });
    const freshCookie = cookieHeaderFrom(fresh);
    const freshSocket = await connectAgent(baseUrl, freshCookie, TEST_ORIGIN);
    await server.request({
      method: 'PATCH',
      url: `/api/v1/admin/users/${user.id}`,
      as: admin,
      payload: { active: false },
    });
    await closedWith(freshSocket, wsCloseCodes.sessionEnded);
    expect((await server.request({ url: '/api/v1/me', headers: { cookie: freshCookie } })).statusCode).toBe(
      401,
    );
    expect(
      (
        await server.request({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: user.email, password: 'a brand new password' },
        })
      ).statusCode,
    ).toBe(401);
    await first.close();
  });

  it('issues a new session id at every login and never adopts a cookie the client brought (session fixation)', async () => {
    const user = await server.createUser('regular');
    const planted = 'charla_session=attacker-chosen-value';
    const res = await server.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: user.password },
      headers: { cookie: planted },
    });
    const issued = cookieHeaderFrom(res);
    expect(issued).not.toBe(planted);
    expect(issued).not.toBe(user.cookie);
    expect((await server.request({ url: '/api/v1/me', headers: { cookie: planted } })).statusCode).toBe(401);
    // Logging in again while logged in rotates too: a stolen pre-login cookie is not the post-login one.
    const again = cookieHeaderFrom(
      await server.request({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: user.email, password: user.password },
        headers: { cookie: issued },
      }),
    );
    expect(again).not.toBe(issued);
  });

  it('marks the cookie HttpOnly, SameSite=Lax and Secure when PUBLIC_URL is https, and never Secure-less there', async () => {
    const https = await startTestServer({ env: { PUBLIC_URL: 'https://charla.example' } });
    try {
      const user = await https.createUser('regular');
      const res = await https.request({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: user.email, password: user.password },
      });
      const header = String(res.headers['set-cookie']);
      expect(header).toMatch(/charla_session=/);
      expect(header).toMatch(/;\s*HttpOnly/i);
      expect(header).toMatch(/;\s*Secure/i);
      expect(header).toMatch(/;\s*SameSite=Lax/i);
      expect(header).toMatch(/;\s*Path=\//i);
      // The CSRF check follows PUBLIC_URL's origin there.
      const cookie = cookieHeaderFrom(res);
      expect(
        (
          await https.request({
            method: 'PUT',
            url: '/api/v1/me/online',
            payload: { online: true },
            headers: { cookie, origin: 'https://charla.example', host: 'charla.example' },
          })
        ).statusCode,
      ).toBe(200);
      expect(
        (
          await https.request({
            method: 'PUT',
            url: '/api/v1/me/online',
            payload: { online: true },
            headers: { cookie, origin: TEST_ORIGIN, host: 'charla.example' },
          })
        ).statusCode,
      ).toBe(403);
    } finally {
      await https.close();
    }
    const plain = await server.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: admin.email, password: admin.password },
    });
    expect(String(plain.headers['set-cookie'])).toMatch(/HttpOnly/i);
  });

  it('refuses a cookie signed with another secret and a well-formed but unknown session', async () => {
    const forged = await startTestServer({ env: { SESSION_SECRET: 'y'.repeat(40) } });
    try {
      const user = await forged.createUser('admin');
      expect((await server.request({ url: '/api/v1/me', headers: { cookie: user.cookie } })).statusCode).toBe(
        401,
      );
      await expect(connectAgent(baseUrl, user.cookie, TEST_ORIGIN)).rejects.toThrow(/401/);
    } finally {
      await forged.close();
    }
  });
});
