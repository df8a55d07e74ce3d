import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../test/harness';

describe('bad input over REST', () => {
  let server: TestServer;
  let admin: TestUser;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.createUser('admin');
  });
  afterAll(() => server.close());

  async function snapshot(): Promise<string> {
    return JSON.stringify((await server.request({ url: '/api/v1/admin/users', as: admin })).json());
  }

  const post = (payload: string, headers: Record<string, string> = {}) =>
    server.request({
      method: 'POST',
      url: '/api/v1/admin/users',
      as: admin,
      payload,
      headers: { 'content-type': 'application/json', ...headers },
    });

  it('answers malformed JSON with 400 INVALID_JSON and changes nothing', async () => {
    const before = await snapshot();
    for (const body of ['{"email":', '{email: "x"}', '[1,2', '\u0000\u0001']) {
      const res = await post(body);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'INVALID_JSON' } });
    }
    expect(await snapshot()).toBe(before);
  });

  it('answers an oversized body with 413 PAYLOAD_TOO_LARGE and changes nothing', async () => {
    const before = await snapshot();
    const res = await post(
      JSON.stringify({
        email: 'big@example.com',
        name: 'x'.repeat(2 * 1024 * 1024),
        password: 'long password 1',
      }),
    );
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(await snapshot()).toBe(before);
  });

  it('answers a body that is not JSON with 415', async () => {
    const res = await server.request({
      method: 'POST',
      url: '/api/v1/admin/users',
      as: admin,
      payload: 'email=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ error: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
  });

  it('answers deep nesting with 422 JSON_TOO_DEEP before any schema runs, and changes nothing', async () => {
    const before = await snapshot();
    for (const depth of [65, 2_000, 10_000]) {
      // Written as text: JSON.stringify itself overflows the stack on the deepest of these.
      const deep = `${'{"a":'.repeat(depth)}"x"${'}'.repeat(depth)}`;
      const res = await post(`{"email":"a@example.com","password":"long password 1","name":${deep}}`);
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ error: { code: 'JSON_TOO_DEEP', details: { maxDepth: 64 } } });
    }
    const wide = JSON.stringify({ email: Array.from({ length: 120_000 }, () => 0) });
    const res = await post(wide);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ error: { code: 'JSON_TOO_LARGE' } });
    expect(await snapshot()).toBe(before);
  });

  it('answers wrong types and unknown fields with 422 and field details', async () => {
    const before = await snapshot();
    for (const body of [
      { email: ['a@example.com'], name: 'X', password: 'long password 1' },
      { email: 'a@example.com', name: 'X', password: 'long password 1', isAdmin: true },
      { email: 'a@example.com', name: 'X', password: 'long password 1', createdAt: 1 },
    ]) {
      const res = await post(JSON.stringify(body));
      expect(res.statusCode).toBe(422);
      const json = res.json<{ error: { code: string; details: { path: string }[] } }>();
      expect(json.error.code).toBe('VALIDATION_FAILED');
      expect(json.error.details.length).toBeGreaterThan(0);
    }
    expect(await snapshot()).toBe(before);
  });

  it('says which rule each field broke, with its limit, so clients can say it in their language', async () => {
    const before = await snapshot();
    const res = await post(
      JSON.stringify({ email: 'not an email', name: 'x'.repeat(500), password: 'long password 1' }),
    );
    expect(res.statusCode).toBe(422);
    const { details } = res.json<{ error: { details: { path: string; rule: string; limit?: number }[] } }>()
      .error;
    expect(details.find((d) => d.path === 'email')).toMatchObject({ rule: 'email' });
    const name = details.find((d) => d.path === 'name');
    expect(name).toMatchObject({ rule: 'too_long' });
    expect(name?.limit).toBeGreaterThan(0);
    const missing = await post(JSON.stringify({ email: 'a@example.com', password: 'long password 1' }));
    expect(missing.statusCode).toBe(422);
    expect(
      missing.json<{ error: { details: { path: string; rule: string }[] } }>().error.details,
    ).toContainEqual(expect.objectContaining({ path: 'name', rule: 'required' }));
    expect(await snapshot()).toBe(before);
  });

  it('answers an unknown route with 404 NOT_FOUND in the error format', async () => {
    const res = await server.request({ url: '/api/v1/nothing-here', as: admin });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('rejects invalid query parameters with 422', async () => {
    const res = await server.request({
      url: '/api/v1/conversations?folder=everything&limit=1000000',
      as: admin,
    });
    expect(res.statusCode).toBe(422);
  });

  it('serves the OpenAPI document built from the same schemas', async () => {
    const res = await server.request({ url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/login',
        '/api/v1/conversations',
        '/api/v1/conversations/{conversationId}/assign',
      ]),
    );
  });

  it('sends nosniff everywhere and forbids framing the inbox and API', async () => {
    const res = await server.request({ url: '/api/v1/setup' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['content-security-policy']).toBe("frame-ancestors 'none'");
  });

  it('answers /healthz and /readyz', async () => {
    expect((await server.request({ url: '/healthz' })).statusCode).toBe(200);
    expect((await server.request({ url: '/readyz' })).json()).toEqual({ ok: true });
  });
});
