import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createFakeClock,
  startTestServer,
  TEST_ORIGIN,
  type TestServer,
  type TestUser,
} from '../test/harness';
import { createActivePlaybook, goOnline } from '../test/playbook-setup';
import { connectAgent, connectVisitor, newClientId, text } from '../test/visitor-client';
import {
  assignedConversation,
  errorCode,
  sleep,
  snapshotDatabase,
  startChat,
  type Visitor,
} from './security-fixtures';

// Issue #10 items 9 (injection), 10 (malformed and oversized input) and 11 (SSRF through images
// and webhook targets). Webhook SSRF at delivery time, DNS rebinding and redirects are in
// modules/webhooks and lib/ssrf-guard tests.

const clock = createFakeClock();

const INJECTIONS = [
  "' OR '1'='1",
  "' OR 1=1 --",
  '" OR 1=1 --',
  "'; DROP TABLE conversations; --",
  "x' UNION SELECT id, email, password_hash FROM users --",
  ') OR (1=1',
  '%',
  '_',
  '%%%',
  '\\',
  '\\%',
  '*',
  '.*',
  '$where',
  '{"$gt":""}',
  '{"$ne":null}',
  'null',
  '\u0000',
  '1; SELECT pg_sleep(5)',
  "' || (SELECT password_hash FROM users LIMIT 1) || '",
];

describe('injection, malformed input and SSRF (issue #10 items 9, 10, 11)', () => {
  let server: TestServer;
  let baseUrl: string;
  let admin: TestUser;
  let alice: TestUser;
  let playbook: { id: string; publicId: string };
  let visitor: Visitor;
  let conversationId: string;

  beforeAll(async () => {
    server = await startTestServer({ clock });
    baseUrl = await server.listen();
    admin = await server.createUser('admin', 'Ada Admin');
    alice = await server.createUser('regular', 'Alice');
    playbook = await createActivePlaybook(server, admin);
    await goOnline(server, alice);
    ({ visitor, conversationId } = await assignedConversation(server, baseUrl, playbook.publicId, alice));
    // A second, unassigned conversation and some CRM rows to find (or not).
    const other = await connectVisitor(baseUrl);
    await startChat(other, playbook.publicId);
    await other.client.close();
    for (const name of ['Plain Person', 'Other Person'])
      await server.request({ method: 'POST', url: '/api/v1/crm/persons', as: alice, payload: { name } });
    await server.request({
      method: 'POST',
      url: '/api/v1/crm/organizations',
      as: alice,
      payload: { name: 'Acme' },
    });
    await server.request({
      method: 'POST',
      url: '/api/v1/crm/leads',
      as: alice,
      payload: { title: 'Lead one' },
    });
    await server.request({
      method: 'POST',
      url: '/api/v1/crm/deals',
      as: alice,
      payload: { title: 'Deal one' },
    });
    await server.request({
      method: 'POST',
      url: '/api/v1/crm/activities',
      as: alice,
      payload: { type: 'call', subject: 'Call one' },
    });
  });
  afterAll(async () => {
    await visitor.client.close();
    await server.close();
  });

  async function expectHealthy(): Promise<void> {
    const ready = await server.request({ url: '/readyz' });
    expect(ready.json()).toEqual({ ok: true });
    expect((await server.request({ url: '/api/v1/me', as: alice })).statusCode).toBe(200);
  }

  describe('9. injection in search, filter, sort and paging parameters', () => {
    it('conversation search (q) matches literally: no rows for metacharacters, never an error', async () => {
      const before = await snapshotDatabase(server);
      for (const folder of ['unassigned', 'mine', 'closed']) {
        for (const q of INJECTIONS) {
          const res = await server.request({
            url: `/api/v1/conversations?folder=${folder}&q=${encodeURIComponent(q)}`,
            as: alice,
          });
          expect({ q, folder, status: res.statusCode < 500 }).toEqual({ q, folder, status: true });
          if (res.statusCode === 200)
            expect({ q, folder, items: res.json<{ items: unknown[] }>().items }).toEqual({
              q,
              folder,
              items: [],
            });
        }
      }
      // Operator tricks in the query string itself: arrays, objects, unknown keys, sort and paging.
      for (const qs of [
        'folder=mine&q[]=a&q[]=b',
        'folder=mine&q[$ne]=x',
        'folder[$ne]=x',
        "folder=mine' OR '1'='1",
        'folder=mine&sort=created_at;DROP TABLE users',
        'folder=mine&orderBy=id desc',
        'folder=mine&limit=1;DROP TABLE users',
        'folder=mine&limit=-1',
        'folder=mine&limit=1e9',
        "folder=mine&cursor=' OR 1=1 --",
        'folder=mine&cursor=eyJhdCI6Ik9SIDE9MSIsImlkIjoieCJ9',
        'folder=mine&assigneeId=' + admin.id,
      ]) {
        const res = await server.request({ url: `/api/v1/conversations?${qs}`, as: alice });
        expect({ qs, status: res.statusCode >= 400 && res.statusCode < 500 }).toEqual({ qs, status: true });
      }
      expect(await snapshotDatabase(server)).toEqual(before);
    });

    it('every CRM list: q matches literally, filters and cursors refuse operator tricks, never an error or extra rows', async () => {
      const before = await snapshotDatabase(server);
      for (const kind of ['persons', 'organizations', 'leads', 'deals', 'activities', 'notes']) {
        for (const q of INJECTIONS) {
          const res = await server.request({
            url: `/api/v1/crm/${kind}?q=${encodeURIComponent(q)}`,
            as: alice,
          });
          expect({ kind, q, status: res.statusCode < 500 }).toEqual({ kind, q, status: true });
          if (res.statusCode === 200)
            expect({ kind, q, items: res.json<{ items: unknown[] }>().items }).toEqual({
              kind,
              q,
              items: [],
            });
        }
        for (const qs of [
          'q[]=a&q[]=b',
          'q[$ne]=x',
          "ownerId=' OR 1=1 --",
          'ownerId[$ne]=x',
          "status=open' OR '1'='1",
          "type=call' --",
          'done=1 OR 1=1',
          "cursor=' OR 1=1",
          'cursor=%00',
          'sort=name;DROP TABLE crm_persons',
          'limit=0',
          'limit=101',
          "organizationId=x' OR 'a'='a",
          'personId[$gt]=',
        ]) {
          const res = await server.request({ url: `/api/v1/crm/${kind}?${qs}`, as: alice });
          expect({ kind, qs, status: res.statusCode >= 400 && res.statusCode < 500 }).toEqual({
            kind,
            qs,
            status: true,
          });
        }
      }
      // Path parameters too.
      for (const id of ["x' OR '1'='1", '1 OR 1=1', '../../admin/users', '%2e%2e%2f']) {
        const res = await server.request({ url: `/api/v1/crm/persons/${encodeURIComponent(id)}`, as: alice });
        expect({ id, status: res.statusCode >= 400 && res.statusCode < 500 }).toEqual({ id, status: true });
        const conv = await server.request({
          url: `/api/v1/conversations/${encodeURIComponent(id)}`,
          as: alice,
        });
        expect({ id, status: conv.statusCode }).toEqual({ id, status: 404 });
      }
      expect(await snapshotDatabase(server)).toEqual(before);
    });
  });

  describe('10. malformed and oversized input', () => {
    const post = (payload: string | Buffer, headers: Record<string, string> = {}) =>
      server.request({
        method: 'POST',
        url: '/api/v1/crm/persons',
        as: alice,
        payload,
        headers: { 'content-type': 'application/json', ...headers },
      });

    it('REST: 10 MB bodies, deep nesting, invalid UTF-8, prototype pollution and wrong types get a clear 4xx and change nothing', async () => {
      const before = await snapshotDatabase(server);
      const huge = await post(JSON.stringify({ name: 'x'.repeat(10 * 1024 * 1024) }));
      expect({ status: huge.statusCode, code: errorCode(huge) }).toEqual({
        status: 413,
        code: 'PAYLOAD_TOO_LARGE',
      });

      const cases: [string, string | Buffer, number[]][] = [
        ['deep arrays', '['.repeat(200_000) + ']'.repeat(200_000), [400, 413, 422]],
        ['deep objects', '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000), [400, 413, 422]],
        [
          'invalid UTF-8',
          Buffer.concat([
            Buffer.from('{"name":"'),
            Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0xed, 0xa0, 0x80]),
            Buffer.from('"}'),
          ]),
          [400],
        ],
        ['NUL in a string', '{"name":"a\\u0000b"}', [400]],
        ['NUL in a key', '{"name":"a","\\u0000":1}', [400]],
        ['lone surrogate escape', '{"name":"\\ud800"}', [201, 400, 422]],
        ['__proto__', '{"name":"P","__proto__":{"role":"admin"}}', [400, 422]],
        ['constructor.prototype', '{"name":"P","constructor":{"prototype":{"role":"admin"}}}', [400, 422]],
        ['wrong types', '{"name":{"$gt":""}}', [422]],
        ['array body', '[{"name":"P"}]', [422]],
        ['number body', '42', [422]],
        ['empty body', '', [400, 422]],
        ['truncated', '{"name":"P"', [400]],
        ['BOM', '\ufeff{"name":"P"}', [400, 201]],
        ['NaN', '{"name":NaN}', [400]],
        ['duplicate keys', '{"name":"A","name":{"x":1}}', [422]],
      ];
      for (const [label, body, allowed] of cases) {
        const res = await post(body);
        expect({ label, ok: allowed.includes(res.statusCode), status: res.statusCode }).toMatchObject({
          label,
          ok: true,
        });
        expect(
          res.json<{ error?: { code: string; message: string } }>().error?.message ?? 'created',
        ).toBeTruthy();
      }
      // Created rows from the tolerated cases (lone surrogate / BOM) aside, nothing was written.
      const after = await snapshotDatabase(server);
      const persons = JSON.parse(after.crm_persons ?? '[]') as string[];
      const personsBefore = JSON.parse(before.crm_persons ?? '[]') as string[];
      expect(persons.filter((p) => !personsBefore.includes(p)).every((p) => !p.includes('admin'))).toBe(true);
      // The tolerated persons' rows and their derived search index rows aside, nothing changed.
      const withoutPersons = (snapshot: Record<string, string>) =>
        Object.fromEntries(
          Object.entries(snapshot).map(([table, rows]) => [
            table,
            table.startsWith('crm_person') || table.startsWith('crm_search') ? '' : rows,
          ]),
        );
      expect(withoutPersons(after)).toEqual(withoutPersons(before));
      expect(({} as { role?: string }).role).toBeUndefined();
      await expectHealthy();
    });

    it('WebSocket: oversized, deeply nested, invalid-UTF-8 and binary frames get an error frame or a clean close; the server stays healthy', async () => {
      const v = await connectVisitor(baseUrl);
      const before = await snapshotDatabase(server);
      // 64 KB+ (soft limit): error frame, socket stays open.
      v.client.socket.send(
        JSON.stringify({
          type: 'send',
          ref: 'big',
          conversationId,
          clientMsgId: newClientId(),
          body: text('x'.repeat(65 * 1024)),
        }),
      );
      await v.client.waitFor((f) => f.type === 'error' && f.code === 'FRAME_TOO_LARGE');
      // Deep nesting inside the size limit.
      v.client.socket.send('['.repeat(30_000) + ']'.repeat(30_000));
      await v.client.waitFor(
        (f) => f.type === 'error' && (f.code === 'VALIDATION_FAILED' || f.code === 'INVALID_JSON'),
      );
      v.client.socket.send(
        `{"type":"send","ref":"deep","conversationId":"${conversationId}","clientMsgId":"${newClientId()}","body":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`,
      );
      await v.client.waitFor((f) => f.type === 'error' && f.ref === 'deep' && f.code === 'VALIDATION_FAILED');
      // NUL in any string (PostgreSQL cannot store it): refused before it reaches a store.
      v.client.send({ type: 'page', pageUrl: 'https://x.example/\u0000' });
      v.client.send({
        type: 'send',
        ref: 'nul',
        conversationId,
        clientMsgId: newClientId(),
        body: text('a\u0000b'),
      });
      await v.client.waitFor((f) => f.type === 'error' && f.ref === 'nul' && f.code === 'BAD_REQUEST');
      // Binary JSON and a prototype-polluting frame.
      v.client.socket.send(Buffer.from(JSON.stringify({ type: 'ping' })), { binary: true });
      v.client.socket.send('{"type":"ping","__proto__":{"polluted":true}}');
      v.client.send({ type: 'ping' });
      await v.client.waitFor((f) => f.type === 'pong');
      expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
      expect(v.client.closeCode).toBeNull();

      // Past the hard limit (256 KB) ws closes with 1009.
      v.client.socket.send('x'.repeat(300 * 1024));
      for (let i = 0; i < 100 && v.client.closeCode === null; i += 1) await sleep(20);
      expect(v.client.closeCode).toBe(1009);

      // Invalid UTF-8 in a text frame: closed with 1007 by the protocol layer.
      const raw = new WebSocket(`${baseUrl.replace('http', 'ws')}/ws/visitor?token=${v.token}`);
      await new Promise<void>((resolve, reject) => {
        raw.once('open', () => resolve());
        raw.once('error', reject);
      });
      const closed = new Promise<number>((resolve) => raw.once('close', (code) => resolve(code)));
      raw.on('error', () => undefined);
      // ws validates outgoing text only when asked; send the bytes as a text frame without that check.
      (
        raw as unknown as {
          _sender: {
            send(
              data: Buffer,
              options: {
                binary: boolean;
                fin: boolean;
                mask: boolean;
                compress: boolean;
                rsv1: boolean;
                opcode?: number;
              },
              cb?: () => void,
            ): void;
          };
        }
      )._sender.send(Buffer.from([0x7b, 0xc3, 0x28, 0xff, 0x7d]), {
        binary: false,
        fin: true,
        mask: true,
        compress: false,
        rsv1: false,
      });
      expect(await closed).toBe(1007);

      // The agent socket refuses the same garbage and stays open for valid frames.
      const agent = await connectAgent(baseUrl, alice.cookie, TEST_ORIGIN);
      agent.socket.send('{"type":"send","conversationId":' + '['.repeat(10_000) + ']'.repeat(10_000) + '}');
      agent.socket.send('not json at all');
      agent.send({ type: 'send', ref: 'types', conversationId: 42, clientMsgId: null, body: 'plain string' });
      await agent.waitFor((f) => f.type === 'error' && f.ref === 'types' && f.code === 'VALIDATION_FAILED');
      agent.send({ type: 'ping' });
      await agent.waitFor((f) => f.type === 'pong');
      await agent.close();

      expect(await snapshotDatabase(server)).toEqual(before);
      await expectHealthy();
      // A legitimate visitor still works.
      const ok = await connectVisitor(baseUrl);
      await startChat(ok, playbook.publicId);
      await ok.client.close();
    });
  });

  describe('11. SSRF', () => {
    let trap: Server;
    let trapPort: number;
    let hits = 0;

    beforeAll(async () => {
      trap = createServer((socket) => {
        hits += 1;
        socket.destroy();
      });
      await new Promise<void>((resolve) => trap.listen(0, '127.0.0.1', resolve));
      trapPort = (trap.address() as AddressInfo).port;
    });
    afterAll(() => new Promise<void>((resolve) => trap.close(() => resolve())));

    it('never fetches image URLs of messages, notes or playbook texts server-side, whatever their host', async () => {
      const hosts = [
        `127.0.0.1:${trapPort}`,
        `localhost:${trapPort}`,
        '169.254.169.254',
        '10.0.0.1',
        '[::1]',
        'metadata.google.internal',
      ];
      for (const [i, host] of hosts.entries()) {
        const image = {
          type: 'doc',
          content: [{ type: 'image', src: `https://${host}/latest/meta-data/x.png`, alt: 'x' }],
        };
        const local = {
          type: 'doc',
          content: [{ type: 'image', src: `http://127.0.0.1:${trapPort}/x.png`, alt: 'x' }],
        };
        for (const body of [image, local]) {
          visitor.client.send({
            type: 'send',
            ref: `img${i}`,
            conversationId,
            clientMsgId: newClientId(),
            body,
          });
          await visitor.client.waitFor(
            (f) => (f.type === 'ack' || f.type === 'error') && f.ref === `img${i}`,
          );
          await server.request({
            method: 'POST',
            url: `/api/v1/conversations/${conversationId}/messages`,
            as: alice,
            payload: { clientMsgId: newClientId(), body },
          });
          await server.request({ method: 'POST', url: '/api/v1/crm/notes', as: alice, payload: { body } });
        }
      }
      await server.request({ url: `/api/v1/conversations/${conversationId}/messages?limit=500`, as: alice });
      await sleep(300);
      expect(hits).toBe(0);
    });

    it('refuses webhook targets on loopback, private, link-local and metadata addresses in every spelling', async () => {
      const before = await snapshotDatabase(server);
      for (const url of [
        `http://127.0.0.1:${trapPort}/hook`,
        'https://127.0.0.1/hook',
        'https://localhost/hook',
        'https://10.0.0.1/hook',
        'https://172.16.0.1/hook',
        'https://192.168.1.1/hook',
        'https://169.254.169.254/latest/meta-data/',
        'https://[::1]/hook',
        'https://[::ffff:127.0.0.1]/hook',
        'https://[fd00::1]/hook',
        'https://[fe80::1]/hook',
        'https://0.0.0.0/hook',
        'https://2130706433/hook',
        'https://0x7f000001/hook',
        'https://017700000001/hook',
        'https://127.1/hook',
        'https://user:pass@example.com/hook',
        'file:///etc/passwd',
        'gopher://127.0.0.1:6379/_INFO',
      ]) {
        const res = await server.request({
          method: 'POST',
          url: '/api/v1/admin/webhooks',
          as: admin,
          payload: { url, events: ['message.created'] },
        });
        expect({ url, status: res.statusCode }).toEqual({ url, status: 422 });
      }
      expect(await snapshotDatabase(server)).toEqual(before);
      expect(hits).toBe(0);
    });
  });
});
