import { describe, expect, it } from 'vitest';
import {
  decideHttpAnswer,
  httpUrlProblem,
  isJsonBodyTemplate,
  isJsonDotPath,
  isObviouslyPrivateHost,
  mapHttpResponse,
  readJsonPath,
  resolveHttpRequest,
} from './http-request-eval';
import { httpNode } from './http-request.fixtures';

describe('httpUrlProblem', () => {
  it.each([
    ['https://api.example.com/plans', false, null],
    ['https://api.example.com/{{visitor_email}}/plan?x={{plan}}', false, null],
    ['HTTPS://API.EXAMPLE.COM', false, null],
    ['', false, 'invalid'],
    ['api.example.com/plans', false, 'invalid'],
    ['ftp://api.example.com/plans', false, 'invalid'],
    ['javascript:alert(1)', false, 'invalid'],
    ['https://{{host}}/plans', false, 'invalid'],
    ['https://api.example.com:{{port}}/plans', false, 'invalid'],
    ['https://user:secret@api.example.com/', false, 'invalid'],
    ['https://exa mple.com/', false, 'invalid'],
    ['http://api.example.com/plans', false, 'insecure'],
    ['http://api.example.com/plans', true, null],
    ['https://localhost:8080/x', false, 'private'],
    ['http://127.0.0.1:3000/x', false, 'private'],
    ['http://127.0.0.1:3000/x', true, null],
    ['https://169.254.169.254/latest/meta-data', false, 'private'],
    ['https://10.0.0.1/', false, 'private'],
    ['https://[::1]/', false, 'private'],
    ['https://2130706433/', false, 'private'],
  ] as const)('%s (private allowed: %s) → %s', (url, allowPrivate, expected) => {
    expect(httpUrlProblem(url, allowPrivate)).toBe(expected);
  });
});

describe('isObviouslyPrivateHost', () => {
  it.each([
    ['localhost', true],
    ['app.localhost', true],
    ['printer.local', true],
    ['metadata.google.internal', true],
    ['127.0.0.1', true],
    ['0.0.0.0', true],
    ['10.20.30.40', true],
    ['100.64.0.1', true],
    ['172.16.0.1', true],
    ['172.32.0.1', false],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['[::1]', true],
    ['[fd00::1]', true],
    ['[fe80::1]', true],
    ['[::ffff:7f00:1]', true],
    ['[2606:4700::1111]', false],
    ['8.8.8.8', false],
    ['api.example.com', false],
  ])('%s → %s', (host, expected) => {
    expect(isObviouslyPrivateHost(host)).toBe(expected);
  });
});

describe('isJsonBodyTemplate', () => {
  it.each([
    ['', true],
    ['{"email": "{{visitor_email}}", "tags": ["a"], "n": 2}', true],
    ['{"email": {{visitor_email}}}', false],
    ['{"email": "x",}', false],
    ['not json', false],
  ])('%s → %s', (body, expected) => {
    expect(isJsonBodyTemplate(body)).toBe(expected);
  });
});

describe('dot paths', () => {
  const answer = { data: { plan: 'pro', seats: 12, active: true, owner: null, tags: ['a', 'b'] } };

  it.each([
    ['data.plan', true],
    ['items.0.name', true],
    ['a-b_c', true],
    ['', false],
    ['data..plan', false],
    ['.data', false],
    ['data[0]', false],
  ])('%s is a dot path: %s', (path, expected) => {
    expect(isJsonDotPath(path)).toBe(expected);
  });

  it('reads objects by key and arrays by index, never through the prototype', () => {
    expect(readJsonPath(answer, 'data.plan')).toBe('pro');
    expect(readJsonPath(answer, 'data.tags.1')).toBe('b');
    expect(readJsonPath(answer, 'data.tags.length')).toBeUndefined();
    expect(readJsonPath(answer, 'data.plan.length')).toBeUndefined();
    expect(readJsonPath(answer, 'data.constructor')).toBeUndefined();
    expect(readJsonPath(null, 'data')).toBeUndefined();
  });

  it('maps values to text: numbers and booleans written out, objects as JSON, missing and null empty', () => {
    const mapping = [
      { path: 'data.plan', variable: 'plan' },
      { path: 'data.seats', variable: 'seats' },
      { path: 'data.active', variable: 'active' },
      { path: 'data.tags', variable: 'tags' },
      { path: 'data.owner', variable: 'owner' },
      { path: 'data.missing', variable: 'missing' },
    ];
    expect(mapHttpResponse(mapping, answer)).toEqual({
      plan: 'pro',
      seats: '12',
      active: 'true',
      tags: '["a","b"]',
      owner: '',
      missing: '',
    });
  });

  it('skips mappings without a variable, with a bad path, or into a page variable', () => {
    const mapping = [
      { path: 'data.plan', variable: '' },
      { path: 'data..plan', variable: 'plan' },
      { path: 'data.plan', variable: 'page_url' },
    ];
    expect(mapHttpResponse(mapping, answer)).toEqual({});
  });
});

describe('resolveHttpRequest', () => {
  const vars = { visitor_email: 'ana+1@example.com', note: 'say "hi"\nbye' };

  it('URL-encodes values in the URL', () => {
    const node = httpNode('h', { url: 'https://api.example.com/p?email={{visitor_email}}&n={{note}}' });
    expect(resolveHttpRequest(node, vars)).toEqual({
      method: 'GET',
      url: 'https://api.example.com/p?email=ana%2B1%40example.com&n=say%20%22hi%22%0Abye',
      body: null,
      timeoutMs: 5000,
    });
  });

  it('JSON-escapes values in a POST body, so a value can never break out of its string', () => {
    const node = httpNode('h', {
      method: 'POST',
      body: '{"email": "{{visitor_email}}", "note": "{{note}}", "unset": "{{nobody}}"}',
      timeoutSeconds: 2,
    });
    const request = resolveHttpRequest(node, { ...vars, note: '", "admin": true, "x": "' });
    expect(JSON.parse(request.body ?? '')).toEqual({
      email: 'ana+1@example.com',
      note: '", "admin": true, "x": "',
      unset: '',
    });
    expect(request.timeoutMs).toBe(2000);
  });

  it('sends no body with GET and keeps the timeout within 1–10 s', () => {
    const get = httpNode('h', { body: '{"a": 1}', timeoutSeconds: 60 });
    expect(resolveHttpRequest(get, {})).toMatchObject({ body: null, timeoutMs: 10_000 });
    expect(resolveHttpRequest(httpNode('h', { timeoutSeconds: 0 }), {}).timeoutMs).toBe(1000);
  });
});

describe('decideHttpAnswer', () => {
  it.each([
    [
      { status: 200, body: '{"a":1}', truncated: false },
      { ok: true, json: { a: 1 } },
    ],
    [
      { status: 201, body: '[1]', truncated: false },
      { ok: true, json: [1] },
    ],
    [
      { status: 204, body: '', truncated: false },
      { ok: true, json: null },
    ],
    [
      { status: 200, body: '<html>', truncated: false },
      { ok: false, reason: 'not_json' },
    ],
    [
      { status: 200, body: '{"a":', truncated: true },
      { ok: false, reason: 'too_large' },
    ],
    [
      { status: 302, body: '', truncated: false },
      { ok: false, reason: 'status' },
    ],
    [
      { status: 404, body: '{}', truncated: false },
      { ok: false, reason: 'status' },
    ],
    [
      { status: 500, body: '{}', truncated: false },
      { ok: false, reason: 'status' },
    ],
  ])('%o → %o', (answer, expected) => {
    expect(decideHttpAnswer(answer)).toEqual(expected);
  });
});
