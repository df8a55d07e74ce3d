import type { TUserDto } from '@charla/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_ORIGIN, type TestServer, type TestUser } from '../../test/harness';
import { connectAgent } from '../../test/visitor-client';

describe('user management (admin only)', () => {
  let server: TestServer;
  let admin: TestUser;
  let baseUrl: string;

  beforeAll(async () => {
    server = await startTestServer();
    baseUrl = await server.listen();
    admin = await server.createUser('admin');
  });
  afterAll(() => server.close());

  async function userCount(): Promise<number> {
    return (await server.request({ url: '/api/v1/admin/users', as: admin })).json<unknown[]>().length;
  }

  it('creates a user who can log in, and refuses a taken email', async () => {
    const res = await server.request({
      method: 'POST',
      url: '/api/v1/admin/users',
      as: admin,
      payload: { email: 'New.Agent@Example.com', name: 'New Agent', password: 'long password 1' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json<TUserDto>()).toMatchObject({
      email: 'new.agent@example.com',
      role: 'regular',
      active: true,
    });
    const login = await server.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'new.agent@example.com', password: 'long password 1' },
    });
    expect(login.statusCode).toBe(200);
    const dup = await server.request({
      method: 'POST',
      url: '/api/v1/admin/users',
      as: admin,
      payload: { email: 'new.agent@example.com', name: 'Twin', password: 'long password 1' },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ error: { code: 'EMAIL_TAKEN' } });
  });

  it('refuses bad input with 422 and writes nothing', async () => {
    const before = await userCount();
    for (const payload of [
      { email: 'not-an-email', name: 'X', password: 'long password 1' },
      { email: 'x@example.com', name: '', password: 'long password 1' },
      { email: 'x@example.com', name: 'X', password: 'short' },
      { email: 'x@example.com', name: 'X', password: 'long password 1', role: 'owner' },
      { email: 'x@example.com', name: 'X', password: 'long password 1', active: false, id: 'mine' },
      { email: 42, name: 'X', password: 'long password 1' },
    ]) {
      const res = await server.request({ method: 'POST', url: '/api/v1/admin/users', as: admin, payload });
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    }
    expect(await userCount()).toBe(before);
  });

  it('changes roles, never demotes the last admin, and a regular user cannot make themselves admin', async () => {
    const demote = await server.request({
      method: 'PATCH',
      url: `/api/v1/admin/users/${admin.id}`,
      as: admin,
      payload: { role: 'regular' },
    });
    expect(demote.json()).toMatchObject({ error: { code: 'LAST_ADMIN' } });
    const regular = await server.createUser('regular');
    const self = await server.request({
      method: 'PATCH',
      url: `/api/v1/admin/users/${regular.id}`,
      as: regular,
      payload: { role: 'admin' },
    });
    expect(self.statusCode).toBe(403);
    const viaMe = await server.request({
      method: 'PATCH',
      url: '/api/v1/me',
      as: regular,
      payload: { role: 'admin' },
    });
    expect(viaMe.statusCode).toBe(422);
    const me = (await server.request({ url: '/api/v1/me', as: regular })).json<TUserDto>();
    expect(me.role).toBe('regular');
    const promote = await server.request({
      method: 'PATCH',
      url: `/api/v1/admin/users/${regular.id}`,
      as: admin,
      payload: { role: 'admin' },
    });
    expect(promote.json<TUserDto>().role).toBe('admin');
  });

  it('ends every session and socket of a deactivated user at once', async () => {
    const user = await server.createUser('regular');
    const socket = await connectAgent(baseUrl, user.cookie, TEST_ORIGIN);
    const res = await server.request({
      method: 'PATCH',
      url: `/api/v1/admin/users/${user.id}`,
      as: admin,
      payload: { active: false },
    });
    expect(res.json<TUserDto>().active).toBe(false);
    expect((await server.request({ url: '/api/v1/me', as: user })).statusCode).toBe(401);
    const login = await server.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: user.password },
    });
    expect(login.statusCode).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(socket.closeCode).toBe(4001);
  });

  it('lists colleagues for every user without their emails', async () => {
    const regular = await server.createUser('regular');
    const list = (await server.request({ url: '/api/v1/users', as: regular })).json<
      Record<string, unknown>[]
    >();
    expect(list.length).toBeGreaterThan(1);
    for (const u of list) expect(u).not.toHaveProperty('email');
  });
});
