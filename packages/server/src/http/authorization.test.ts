import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../test/harness';

const SAMPLE_ID = '01900000-0000-7000-8000-000000000000';

function concrete(url: string): string {
  return url.replace(/:[A-Za-z]+/g, SAMPLE_ID);
}

// Generated from the live route table: a new route that forgets its check fails here.
describe('authorization over the route table', () => {
  let server: TestServer;
  let regular: TestUser;

  beforeAll(async () => {
    server = await startTestServer();
    regular = await server.createUser('regular');
  });
  afterAll(() => server.close());

  it('has every /api/v1 route declared with an auth level', () => {
    expect(server.charla.routes.length).toBeGreaterThan(20);
    for (const route of server.charla.routes)
      expect(['public', 'visitor', 'user', 'admin']).toContain(route.auth);
  });

  it('answers every admin route with 403 FORBIDDEN to a regular user and 401 to an anonymous caller', async () => {
    const adminRoutes = server.charla.routes.filter((r) => r.auth === 'admin');
    expect(adminRoutes.length).toBeGreaterThan(5);
    for (const route of adminRoutes) {
      const url = concrete(route.url);
      const asRegular = await server.request({
        method: route.method,
        url,
        as: regular,
        payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
      });
      expect({
        route: `${route.method} ${route.url}`,
        status: asRegular.statusCode,
        code: asRegular.json<{ error?: { code: string } }>().error?.code,
      }).toEqual({
        route: `${route.method} ${route.url}`,
        status: 403,
        code: 'FORBIDDEN',
      });
      const anonymous = await server.request({ method: route.method, url });
      expect({ route: `${route.method} ${route.url}`, status: anonymous.statusCode }).toEqual({
        route: `${route.method} ${route.url}`,
        status: 401,
      });
    }
  });

  it('answers every user route with 401 to an anonymous caller', async () => {
    for (const route of server.charla.routes.filter((r) => r.auth === 'user')) {
      const res = await server.request({ method: route.method, url: concrete(route.url) });
      expect({ route: `${route.method} ${route.url}`, status: res.statusCode }).toEqual({
        route: `${route.method} ${route.url}`,
        status: 401,
      });
    }
  });

  it('answers every visitor route with 401 without a visitor token', async () => {
    for (const route of server.charla.routes.filter((r) => r.auth === 'visitor')) {
      const res = await server.request({
        method: route.method,
        url: concrete(route.url),
        headers: { authorization: 'Visitor not-a-real-token' },
      });
      expect(res.json()).toMatchObject({ error: { code: 'VISITOR_TOKEN_INVALID' } });
    }
  });
});
