import { errorCatalogue, errorCodes, isErrorCode, type ErrorCode } from '@charla/protocol';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../test/harness';

type ErrorResponseDoc = {
  description?: string;
  content?: {
    'application/json'?: {
      schema?: { properties?: { error?: { properties?: { code?: { enum?: string[] } } } } };
    };
  };
};
type Operation = { responses: Record<string, ErrorResponseDoc>; security?: unknown[] };
type OpenApi = { paths: Record<string, Record<string, Operation>> };

/** Codes no documented REST route answers, and why. */
const NOT_ON_REST_ROUTES: Partial<Record<ErrorCode, string>> = {
  FRAME_TOO_LARGE: 'WebSocket frames only',
  NOT_ASSIGNEE: 'typing is a WebSocket frame; only the assignee may send it',
  NOT_FOUND:
    'the router answers an unknown URL with it, and /metrics while METRICS_TOKEN is unset (outside /api/v1)',
};

function codesAt(operation: Operation | undefined, status: number): string[] {
  return (
    operation?.responses[String(status)]?.content?.['application/json']?.schema?.properties?.error?.properties
      ?.code?.enum ?? []
  );
}

const MISSING_UUID = '01890000-0000-7000-8000-000000000000';

/** A real refusal and the documented route (OpenAPI path) that gave it. */
type Refusal = { route: string; request: InjectOptions & { as?: TestUser }; code: ErrorCode };

/** An agent's (or nobody's) refused requests: bad cursors, missing or hidden resources, no login, no role. */
function agentRefusals(agent: TestUser): Refusal[] {
  return [
    {
      route: 'GET /api/v1/conversations',
      request: { url: '/api/v1/conversations?folder=mine&cursor=bm9wZQ', as: agent },
      code: 'INVALID_CURSOR',
    },
    {
      route: 'GET /api/v1/crm/persons',
      request: { url: '/api/v1/crm/persons?cursor=bm90LWEtY3Vyc29y', as: agent },
      code: 'INVALID_CURSOR',
    },
    {
      route: 'GET /api/v1/conversations/{conversationId}',
      request: { url: '/api/v1/conversations/nope', as: agent },
      code: 'CONVERSATION_NOT_FOUND',
    },
    {
      route: 'POST /api/v1/conversations/{conversationId}/assign',
      request: { method: 'POST', url: '/api/v1/conversations/nope/assign', as: agent },
      code: 'CONVERSATION_NOT_FOUND',
    },
    {
      route: 'GET /api/v1/conversations',
      request: { url: '/api/v1/conversations?folder=mine' },
      code: 'UNAUTHENTICATED',
    },
    {
      route: 'GET /api/v1/admin/users',
      request: { url: '/api/v1/admin/users', as: agent },
      code: 'FORBIDDEN',
    },
  ];
}

/** Refused logins and admin requests: wrong password, malformed JSON, missing records, the last admin. */
function adminRefusals(admin: TestUser, agent: TestUser): Refusal[] {
  return [
    {
      route: 'POST /api/v1/auth/login',
      request: {
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: admin.email, password: 'wrong password' },
      },
      code: 'INVALID_CREDENTIALS',
    },
    {
      route: 'POST /api/v1/admin/users',
      request: {
        method: 'POST',
        url: '/api/v1/admin/users',
        as: admin,
        payload: '{"email":',
        headers: { 'content-type': 'application/json' },
      },
      code: 'INVALID_JSON',
    },
    {
      route: 'GET /api/v1/playbooks/{id}',
      request: { url: '/api/v1/playbooks/nope', as: agent },
      code: 'PLAYBOOK_NOT_FOUND',
    },
    {
      route: 'GET /api/v1/crm/deals/{id}',
      request: { url: `/api/v1/crm/deals/${MISSING_UUID}`, as: agent },
      code: 'RECORD_NOT_FOUND',
    },
    {
      route: 'DELETE /api/v1/admin/webhooks/{webhookId}',
      request: { method: 'DELETE', url: '/api/v1/admin/webhooks/nope', as: admin },
      code: 'WEBHOOK_NOT_FOUND',
    },
    {
      route: 'PATCH /api/v1/admin/users/{userId}',
      request: {
        method: 'PATCH',
        url: `/api/v1/admin/users/${admin.id}`,
        as: admin,
        payload: { role: 'regular' },
      },
      code: 'LAST_ADMIN',
    },
  ];
}

describe('error responses in the OpenAPI document', () => {
  let server: TestServer;
  let admin: TestUser;
  let agent: TestUser;
  let doc: OpenApi;
  const operations = (): [string, string, Operation][] =>
    Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]): [string, string, Operation] => [method, path, op]),
    );

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.createUser('admin');
    agent = await server.createUser('regular');
    doc = (await server.request({ url: '/api/docs/json' })).json<OpenApi>();
  });
  afterAll(() => server.close());

  it('documents the generic errors on every route, each under its own status', () => {
    const api = operations().filter(([, path]) => path.startsWith('/api/v1/'));
    expect(api.length).toBeGreaterThan(80);
    for (const [method, path, op] of api) {
      const where = `${method.toUpperCase()} ${path}`;
      expect(codesAt(op, 400), where).toContain('BAD_REQUEST');
      expect(codesAt(op, 500), where).toContain('INTERNAL');
      if (op.security) expect([...codesAt(op, 401)], where).not.toEqual([]);
      for (const status of Object.keys(op.responses)
        .map(Number)
        .filter((s) => s >= 400)) {
        const codes = codesAt(op, status);
        expect(codes, `${where} ${status}`).not.toEqual([]);
        for (const code of codes) {
          expect(isErrorCode(code), `${where}: ${code} is not in the catalogue`).toBe(true);
          expect(errorCatalogue[code as ErrorCode].status, `${where}: ${code} under ${status}`).toBe(status);
        }
      }
    }
  });

  it('lists every catalogue code on at least one route, unless it is not a REST error', () => {
    const documented = new Set(
      operations().flatMap(([, , op]) => Object.keys(op.responses).flatMap((s) => codesAt(op, Number(s)))),
    );
    const missing = errorCodes.filter((code) => !documented.has(code) && !(code in NOT_ON_REST_ROUTES));
    expect(
      missing,
      'codes no route documents: add them to the config.errors of the routes that answer them',
    ).toEqual([]);
    for (const code of Object.keys(NOT_ON_REST_ROUTES)) expect(documented.has(code), code).toBe(false);
  });

  it('documents what the routes really answer', async () => {
    for (const { route, request, code } of [...agentRefusals(agent), ...adminRefusals(admin, agent)]) {
      const res = await server.request(request);
      expect(res.json<{ error: { code: string } }>().error.code, route).toBe(code);
      expect(res.statusCode, route).toBe(errorCatalogue[code].status);
      const [method = '', template = ''] = route.split(' ');
      expect(codesAt(doc.paths[template]?.[method.toLowerCase()], res.statusCode), route).toContain(code);
    }
  });
});
