import { errorCatalogue, errorCodes, isErrorCode, type ErrorCode } from '@charla/protocol';
import type { LightMyRequestResponse } from 'fastify';
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
  ANSWER_NOT_EXPECTED: 'the widget answers the bot over its WebSocket',
  NOT_FOUND: 'unknown URLs: the not-found handler answers it, no documented route does',
};

function codesAt(operation: Operation | undefined, status: number): string[] {
  return (
    operation?.responses[String(status)]?.content?.['application/json']?.schema?.properties?.error?.properties
      ?.code?.enum ?? []
  );
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

  /** The answer's code is documented for that route under that status. */
  function expectDocumented(
    method: string,
    template: string,
    res: LightMyRequestResponse,
    code: ErrorCode,
  ): void {
    expect(res.json<{ error: { code: string } }>().error.code).toBe(code);
    expect(res.statusCode).toBe(errorCatalogue[code].status);
    expect(codesAt(doc.paths[template]?.[method], res.statusCode), `${method} ${template}`).toContain(code);
  }

  it('documents what the routes really answer', async () => {
    const cases: [string, string, Promise<LightMyRequestResponse>, ErrorCode][] = [
      [
        'get',
        '/api/v1/conversations',
        server.request({ url: '/api/v1/conversations?folder=mine&cursor=bm9wZQ', as: agent }),
        'INVALID_CURSOR',
      ],
      [
        'get',
        '/api/v1/crm/persons',
        server.request({ url: '/api/v1/crm/persons?cursor=bm90LWEtY3Vyc29y', as: agent }),
        'INVALID_CURSOR',
      ],
      [
        'get',
        '/api/v1/conversations/{conversationId}',
        server.request({ url: '/api/v1/conversations/nope', as: agent }),
        'CONVERSATION_NOT_FOUND',
      ],
      [
        'post',
        '/api/v1/conversations/{conversationId}/assign',
        server.request({ method: 'POST', url: '/api/v1/conversations/nope/assign', as: agent }),
        'CONVERSATION_NOT_FOUND',
      ],
      [
        'get',
        '/api/v1/conversations',
        server.request({ url: '/api/v1/conversations?folder=mine' }),
        'UNAUTHENTICATED',
      ],
      ['get', '/api/v1/admin/users', server.request({ url: '/api/v1/admin/users', as: agent }), 'FORBIDDEN'],
      [
        'post',
        '/api/v1/auth/login',
        server.request({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: admin.email, password: 'wrong password' },
        }),
        'INVALID_CREDENTIALS',
      ],
      [
        'post',
        '/api/v1/admin/users',
        server.request({
          method: 'POST',
          url: '/api/v1/admin/users',
          as: admin,
          payload: '{"email":',
          headers: { 'content-type': 'application/json' },
        }),
        'INVALID_JSON',
      ],
      [
        'get',
        '/api/v1/playbooks/{id}',
        server.request({ url: '/api/v1/playbooks/nope', as: agent }),
        'PLAYBOOK_NOT_FOUND',
      ],
      [
        'get',
        '/api/v1/crm/deals/{id}',
        server.request({ url: '/api/v1/crm/deals/01890000-0000-7000-8000-000000000000', as: agent }),
        'RECORD_NOT_FOUND',
      ],
      [
        'delete',
        '/api/v1/admin/webhooks/{webhookId}',
        server.request({ method: 'DELETE', url: '/api/v1/admin/webhooks/nope', as: admin }),
        'WEBHOOK_NOT_FOUND',
      ],
      [
        'patch',
        '/api/v1/admin/users/{userId}',
        server.request({
          method: 'PATCH',
          url: `/api/v1/admin/users/${admin.id}`,
          as: admin,
          payload: { role: 'regular' },
        }),
        'LAST_ADMIN',
      ],
    ];
    for (const [method, template, response, code] of cases)
      expectDocumented(method, template, await response, code);
  });
});
