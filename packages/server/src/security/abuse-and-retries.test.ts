import type { TVisitorServerFrame } from '@charla/protocol';
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
import { assignedConversation, errorCode } from './security-fixtures';

// Issue #10 item 12 (rate limits, X-Forwarded-For) and items 14–15 in one process (one
// conversation per start key, one message per clientMsgId under concurrent retries). The
// two-process versions are in faults.multiprocess.test.ts.

const clock = createFakeClock();

/** Opens a raw socket from a given loopback source address; resolves with the HTTP status or 101. */
function openFrom(
  url: string,
  localAddress: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; socket: WebSocket }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { headers, localAddress });
    socket.once('open', () => resolve({ status: 101, socket }));
    socket.once('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0, socket }));
    socket.once('error', () => resolve({ status: 0, socket }));
  });
}

describe('abuse limits and retries (issue #10 items 12, 14, 15)', () => {
  let server: TestServer;
  let baseUrl: string;
  let admin: TestUser;
  let alice: TestUser;
  let playbook: { id: string; publicId: string };

  beforeAll(async () => {
    server = await startTestServer({ clock });
    baseUrl = await server.listen();
    admin = await server.createUser('admin', 'Ada Admin');
    alice = await server.createUser('regular', 'Alice');
    playbook = await createActivePlaybook(server, admin);
    await goOnline(server, alice);
  });
  afterAll(() => server.close());

  it('limits one visitor’s message flood (30 per 10 s) while another visitor and the agent keep working', async () => {
    const { visitor, conversationId } = await assignedConversation(server, baseUrl, playbook.publicId, alice);
    const other = await assignedConversation(server, baseUrl, playbook.publicId, alice);
    for (let i = 0; i < 40; i += 1)
      visitor.client.send({
        type: 'send',
        ref: `f${i}`,
        conversationId,
        clientMsgId: `flood-${i}`,
        body: text(`flood ${i}`),
      });
    await visitor.client.waitFor((f) => (f.type === 'ack' || f.type === 'error') && f.ref === 'f39');
    const acks = visitor.client.frames.filter((f) => f.type === 'ack' && f.ref?.startsWith('f'));
    const limited = visitor.client.frames.filter((f) => f.type === 'error' && f.code === 'RATE_LIMITED');
    // The start and "talk" answer count too; the flood is cut off at the limit.
    expect(acks.length).toBeLessThanOrEqual(30);
    expect(limited.length).toBeGreaterThanOrEqual(10);
    expect(visitor.client.closeCode).toBeNull();
    // Only acknowledged messages were stored.
    const stored = (
      await server.request({ url: `/api/v1/conversations/${conversationId}/messages?limit=500`, as: alice })
    )
      .json<{ items: { clientMsgId: string | null }[] }>()
      .items.filter((m) => m.clientMsgId?.startsWith('flood-'));
    expect(stored.length).toBe(acks.length);
    // Others are unaffected.
    other.visitor.client.send({
      type: 'send',
      ref: 'ok',
      conversationId: other.conversationId,
      clientMsgId: newClientId(),
      body: text('still here'),
    });
    await other.visitor.client.waitFor((f) => f.type === 'ack' && f.ref === 'ok');
    expect(
      (
        await server.request({
          method: 'POST',
          url: `/api/v1/conversations/${conversationId}/messages`,
          as: alice,
          payload: { clientMsgId: newClientId(), body: text('agent fine') },
        })
      ).statusCode,
    ).toBe(201);
    // The window passes and the visitor may write again.
    clock.advance(10_001);
    visitor.client.send({
      type: 'send',
      ref: 'later',
      conversationId,
      clientMsgId: newClientId(),
      body: text('later'),
    });
    await visitor.client.waitFor((f) => f.type === 'ack' && f.ref === 'later');
    await Promise.all([visitor.client.close(), other.visitor.client.close()]);
  });

  it('limits conversation-start floods: per visitor on the socket, and new visitor sessions per address', async () => {
    const visitor = await connectVisitor(baseUrl);
    for (let i = 0; i < 35; i += 1)
      visitor.client.send({
        type: 'start',
        ref: `s${i}`,
        playbookId: playbook.publicId,
        startKey: `flood-start-${i}`,
      });
    await visitor.client.waitFor(
      (f) => (f.type === 'conversation' || f.type === 'error') && f.ref === 's34',
      15_000,
    );
    const limited = visitor.client.frames.filter(
      (f) => f.type === 'error' && f.code === 'RATE_LIMITED',
    ).length;
    expect(limited).toBeGreaterThanOrEqual(5);
    await visitor.client.close();

    // Retries of one start key (a flaky network resending its start) are not new starts.
    const retrying = await connectVisitor(baseUrl);
    const startKey = `retried-${newClientId()}`;
    for (let i = 0; i < 30; i += 1)
      retrying.client.send({ type: 'start', ref: `r${i}`, playbookId: playbook.publicId, startKey });
    await retrying.client.waitFor(
      (f) => (f.type === 'conversation' || f.type === 'error') && f.ref === 'r29',
      15_000,
    );
    const answers = retrying.client.frames.filter(
      (f) => (f.type === 'conversation' || f.type === 'error') && f.ref?.startsWith('r'),
    );
    expect(answers.filter((f) => f.type === 'error')).toEqual([]);
    const ids = new Set(answers.map((f) => (f.type === 'conversation' ? f.conversation.id : null)));
    expect(ids.size).toBe(1);
    await retrying.client.close();

    const session = (ip: string, xff?: string) =>
      server.request({
        method: 'POST',
        url: '/api/v1/widget/session',
        payload: {},
        remoteAddress: ip,
        ...(xff ? { headers: { 'x-forwarded-for': xff } } : {}),
      });
    let okCount = 0;
    // A spoofed X-Forwarded-For from an untrusted peer does not give each request a new address.
    for (let i = 0; i < 61; i += 1)
      if ((await session('198.51.100.7', `203.0.113.${i}`)).statusCode === 200) okCount += 1;
    expect(okCount).toBe(60);
    const limitedRes = await session('198.51.100.7', '203.0.113.200');
    expect({ status: limitedRes.statusCode, code: errorCode(limitedRes) }).toEqual({
      status: 429,
      code: 'RATE_LIMITED',
    });
    expect((await session('198.51.100.8')).statusCode).toBe(200);
    clock.advance(60_001);
    expect((await session('198.51.100.7')).statusCode).toBe(200);
  });

  it('limits login brute force per address across accounts; a spoofed X-Forwarded-For does not dodge it; others still log in', async () => {
    const attacker = '198.51.100.20';
    const statuses: number[] = [];
    for (let i = 0; i < 32; i += 1) {
      const res = await server.request({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: `victim${i}@example.com`, password: 'wrong password' },
        remoteAddress: attacker,
        headers: { 'x-forwarded-for': `192.0.2.${i}` },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
    // Even the right password is refused from that address for now…
    expect(
      (
        await server.request({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: alice.email, password: alice.password },
          remoteAddress: attacker,
        })
      ).statusCode,
    ).toBe(429);
    // …but Alice logs in from her own address, and her session keeps working.
    expect(
      (
        await server.request({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: alice.email, password: alice.password },
          remoteAddress: '198.51.100.21',
        })
      ).statusCode,
    ).toBe(200);
    expect((await server.request({ url: '/api/v1/me', as: alice })).statusCode).toBe(200);
  });

  it('limits WebSocket connection floods per address (60 per minute) while another address connects', async () => {
    const url = `${baseUrl.replace('http', 'ws')}/ws/visitor?token=x`;
    const sockets: WebSocket[] = [];
    const statuses: number[] = [];
    for (let i = 0; i < 62; i += 1) {
      const { status, socket } = await openFrom(url, '127.0.0.3', { 'x-forwarded-for': `203.0.113.${i}` });
      statuses.push(status);
      sockets.push(socket);
    }
    // Unknown token: 401 until the address is over its limit, then 429 (before any token lookup).
    expect(statuses.slice(0, 60).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(60)).toEqual([429, 429]);
    const session = await server.request({
      method: 'POST',
      url: '/api/v1/widget/session',
      payload: {},
      remoteAddress: '10.1.1.1',
    });
    const token = session.json<{ visitorToken: string }>().visitorToken;
    const fromOther = await openFrom(
      `${baseUrl.replace('http', 'ws')}/ws/visitor?token=${token}`,
      '127.0.0.4',
    );
    expect(fromOther.status).toBe(101);
    const agent = await connectAgent(baseUrl, alice.cookie, TEST_ORIGIN);
    await agent.close();
    for (const s of [...sockets, fromOther.socket]) s.terminate();
  });

  it('trusts X-Forwarded-For only from TRUSTED_PROXIES', async () => {
    const proxied = await startTestServer({ clock: createFakeClock(), env: { TRUSTED_PROXIES: '10.0.0.1' } });
    try {
      const session = (peer: string, xff: string) =>
        proxied.request({
          method: 'POST',
          url: '/api/v1/widget/session',
          payload: {},
          remoteAddress: peer,
          headers: { 'x-forwarded-for': xff },
        });
      // Through the trusted proxy, each client address has its own budget.
      for (let i = 0; i < 60; i += 1) expect((await session('10.0.0.1', '203.0.113.1')).statusCode).toBe(200);
      expect((await session('10.0.0.1', '203.0.113.1')).statusCode).toBe(429);
      expect((await session('10.0.0.1', '203.0.113.2')).statusCode).toBe(200);
      // A client that appends its own XFF through the proxy is still judged by what the proxy saw.
      expect((await session('10.0.0.1', '203.0.113.2, 203.0.113.1')).statusCode).toBe(429);
      // An untrusted peer's header is ignored.
      for (let i = 0; i < 60; i += 1)
        expect((await session('10.0.0.2', `198.51.100.${i}`)).statusCode).toBe(200);
      expect((await session('10.0.0.2', '198.51.100.250')).statusCode).toBe(429);
    } finally {
      await proxied.close();
    }
  });

  it('14. creates one conversation for many simultaneous starts with one key, over several sockets of one visitor', async () => {
    const first = await connectVisitor(baseUrl);
    const sockets = [
      first,
      ...(await Promise.all([1, 2, 3].map(() => connectVisitor(baseUrl, first.token)))),
    ];
    const startKey = `same-${newClientId()}`;
    for (const [i, s] of sockets.entries())
      for (let j = 0; j < 3; j += 1)
        s.client.send({ type: 'start', ref: `k${i}-${j}`, playbookId: playbook.publicId, startKey });
    const ids = new Set<string>();
    for (const [i, s] of sockets.entries()) {
      for (let j = 0; j < 3; j += 1) {
        const frame = await s.client.waitFor(
          (f): f is Extract<TVisitorServerFrame, { type: 'conversation' }> =>
            f.type === 'conversation' && f.ref === `k${i}-${j}`,
        );
        ids.add(frame.conversation.id);
      }
    }
    expect(ids.size).toBe(1);
    const list = (
      await server.request({
        url: '/api/v1/widget/conversations',
        headers: { authorization: `Visitor ${first.token}` },
      })
    ).json<{ id: string }[]>();
    expect(list.length).toBe(1);
    await Promise.all(sockets.map((s) => s.client.close()));
  });

  it('15. stores one message for concurrent duplicate sends (visitor sockets, agent socket and REST at once)', async () => {
    const { visitor, conversationId } = await assignedConversation(server, baseUrl, playbook.publicId, alice);
    const second = await connectVisitor(baseUrl, visitor.token);
    const clientMsgId = `dup-${newClientId()}`;
    for (let i = 0; i < 5; i += 1) {
      visitor.client.send({ type: 'send', ref: `a${i}`, conversationId, clientMsgId, body: text('once') });
      second.client.send({ type: 'send', ref: `b${i}`, conversationId, clientMsgId, body: text('once') });
    }
    const seqs = new Set<number>();
    for (let i = 0; i < 5; i += 1) {
      for (const [c, p] of [
        [visitor.client, 'a'],
        [second.client, 'b'],
      ] as const) {
        const ack = await c.waitFor((f) => f.type === 'ack' && f.ref === `${p}${i}`);
        if (ack.type === 'ack') seqs.add(ack.message.seq);
      }
    }
    expect(seqs.size).toBe(1);

    const agentId = `agent-dup-${newClientId()}`;
    const agent = await connectAgent(baseUrl, alice.cookie, TEST_ORIGIN);
    const rest = Array.from({ length: 8 }, () =>
      server.request({
        method: 'POST',
        url: `/api/v1/conversations/${conversationId}/messages`,
        as: alice,
        payload: { clientMsgId: agentId, body: text('agent once') },
      }),
    );
    for (let i = 0; i < 4; i += 1)
      agent.send({
        type: 'send',
        ref: `g${i}`,
        conversationId,
        clientMsgId: agentId,
        body: text('agent once'),
      });
    const restSeqs = (await Promise.all(rest)).map((r) => r.json<{ seq: number }>().seq);
    const agentSeqs: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const ack = await agent.waitFor((f) => f.type === 'ack' && f.ref === `g${i}`);
      if (ack.type === 'ack') agentSeqs.push(ack.message.seq);
    }
    expect(new Set([...restSeqs, ...agentSeqs]).size).toBe(1);

    const items = (
      await server.request({ url: `/api/v1/conversations/${conversationId}/messages?limit=500`, as: alice })
    ).json<{ items: { clientMsgId: string | null; seq: number }[] }>().items;
    expect(items.filter((m) => m.clientMsgId === clientMsgId).length).toBe(1);
    expect(items.filter((m) => m.clientMsgId === agentId).length).toBe(1);
    const seqList = items.map((m) => m.seq);
    expect(seqList).toEqual([...seqList].sort((a, b) => a - b));
    expect(new Set(seqList).size).toBe(seqList.length);
    await Promise.all([visitor.client.close(), second.client.close(), agent.close()]);
  });
});
