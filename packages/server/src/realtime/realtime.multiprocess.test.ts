import { randomBytes } from 'node:crypto';
import type { TAgentServerFrame, TConversationDto, TVisitorServerFrame } from '@charla/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  createPostgresDatabase,
  freePort,
  loginCookie,
  startServerProcess,
  type ServerProcess,
} from '../test/server-process';
import { isStrictlyIncreasing, streamedSeqs } from '../test/stream-order';
import { connectAgent, FrameClient, newClientId, text } from '../test/visitor-client';
import { CLUSTER_ADMIN, clusterHelpers } from '../test/cluster-setup';

const ADMIN = CLUSTER_ADMIN;
const PUBLIC_URL = 'http://charla.multi';

type Db = Awaited<ReturnType<typeof createPostgresDatabase>>;

const { setupPlaybook, createAgent, startWaitingChat } = clusterHelpers(PUBLIC_URL);

describe('several server processes on PostgreSQL + Redis', () => {
  let db: Db;
  let a: ServerProcess;
  let b: ServerProcess;
  let adminCookie: string;
  let publicId: string;
  const channel = `charla:mp:${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    db = await createPostgresDatabase();
    const portA = await freePort();
    // The delivery test sends 100 messages in one burst, over the 30-per-10-s limit of a real visitor.
    const env = { CHARLA_RATE_LIMIT_MULTIPLIER: '10' };
    a = await startServerProcess({ databaseUrl: db.url, publicUrl: PUBLIC_URL, port: portA, channel, env });
    b = await startServerProcess({
      databaseUrl: db.url,
      publicUrl: PUBLIC_URL,
      port: await freePort(),
      channel,
      env,
    });
    adminCookie = await loginCookie(a.baseUrl, ADMIN.email, ADMIN.password);
    publicId = await setupPlaybook(a.baseUrl, adminCookie, 60);
  }, 180_000);
  afterAll(async () => {
    await a.kill();
    await b.kill();
    await db.drop();
  });

  it('delivers both ways across processes, in order, exactly once; 50 concurrent Assign to me have one winner', async () => {
    const alice = await createAgent(a.baseUrl, adminCookie, 'Alice');
    const bob = await createAgent(b.baseUrl, adminCookie, 'Bob');
    const aliceSocket = await connectAgent(a.baseUrl, alice.cookie, PUBLIC_URL);
    const bobSocket = await connectAgent(b.baseUrl, bob.cookie, PUBLIC_URL);
    const { visitor, conversationId } = await startWaitingChat(a.baseUrl, publicId);
    // The new conversation reaches the user on the other process through Redis.
    await bobSocket.waitFor(
      (f) =>
        f.type === 'conversation' &&
        f.conversation.id === conversationId &&
        f.conversation.status === 'waiting',
      10_000,
    );

    const racers = [
      alice,
      bob,
      ...(await Promise.all(
        Array.from({ length: 48 }, (_, i) =>
          createAgent(i % 2 ? a.baseUrl : b.baseUrl, adminCookie, `Racer ${i}`),
        ),
      )),
    ];
    const results = await Promise.all(
      racers.map((r, i) =>
        api<{ error?: { code: string } }>(
          i % 2 ? a.baseUrl : b.baseUrl,
          r.cookie,
          'POST',
          `/api/v1/conversations/${conversationId}/assign`,
          undefined,
          PUBLIC_URL,
        ),
      ),
    );
    expect(results.map((r) => r.status).filter((s) => s !== 200 && s !== 409)).toEqual([]);
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(
      results.filter((r) => r.status === 409 && r.body.error?.code === 'CONVERSATION_ALREADY_ASSIGNED'),
    ).toHaveLength(49);
    const winner = racers[results.findIndex((r) => r.status === 200)] as { id: string; cookie: string };
    await visitor.client.waitFor((f) => f.type === 'message' && f.message.event?.type === 'joined', 30_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(visitor.client.messages(conversationId).filter((m) => m.event?.type === 'joined')).toHaveLength(1);

    // Give it to Bob (process B); the visitor stays on process A.
    if (winner.id !== bob.id) {
      const moved = await api(
        a.baseUrl,
        winner.cookie,
        'POST',
        `/api/v1/conversations/${conversationId}/reassign`,
        { userId: bob.id },
        PUBLIC_URL,
      );
      expect(moved.status).toBe(200);
    }
    await bobSocket.waitFor(
      (f) =>
        f.type === 'conversation' &&
        f.conversation.id === conversationId &&
        f.conversation.assignee?.id === bob.id,
      10_000,
    );
    await aliceSocket.waitFor(
      (f) => f.type === 'conversation_removed' && f.conversationId === conversationId,
      10_000,
    );
    await bobSocket.follow(conversationId);

    const n = 100;
    const prefix = newClientId();
    for (let i = 0; i < n; i += 1)
      visitor.client.send({
        type: 'send',
        conversationId,
        clientMsgId: `${prefix}-v${i}`,
        body: text(`v${i}`),
      });
    for (let i = 0; i < n; i += 1)
      bobSocket.send({ type: 'send', conversationId, clientMsgId: `${prefix}-u${i}`, body: text(`u${i}`) });
    await bobSocket.waitFor(
      (f) => f.type === 'message' && f.message.clientMsgId === `${prefix}-v${n - 1}`,
      20_000,
    );
    await visitor.client.waitFor(
      (f) => f.type === 'message' && f.message.clientMsgId === `${prefix}-u${n - 1}`,
      20_000,
    );

    // In arrival order, live or in a gap the server filled from the database (events from two
    // processes may cross on the bus): each exactly once, in the order they were sent.
    const arrived = (frames: (TAgentServerFrame | TVisitorServerFrame)[], kind: string) =>
      frames
        .flatMap((f) => (f.type === 'message' ? [f.message] : f.type === 'messages' ? f.messages : []))
        .map((m) => m.clientMsgId)
        .filter((id) => id?.startsWith(`${prefix}-${kind}`));
    expect(arrived(bobSocket.frames, 'v')).toEqual(Array.from({ length: n }, (_, i) => `${prefix}-v${i}`));
    expect(arrived(visitor.client.frames, 'u')).toEqual(
      Array.from({ length: n }, (_, i) => `${prefix}-u${i}`),
    );
    // R28: each socket's whole stream, subscribe answer included, never repeats or goes back.
    expect(isStrictlyIncreasing(streamedSeqs(bobSocket.frames, conversationId))).toBe(true);
    expect(isStrictlyIncreasing(streamedSeqs(visitor.client.frames, conversationId))).toBe(true);
    await Promise.all([visitor.client.close(), aliceSocket.close(), bobSocket.close()]);
  }, 180_000);

  it('fires a waiting-time deadline once, after it is due, even when the process that created the chat was killed', async () => {
    const waitPublicId = await setupPlaybook(a.baseUrl, adminCookie, 15);
    const carol = await createAgent(b.baseUrl, adminCookie, 'Carol');
    const carolSocket = await connectAgent(b.baseUrl, carol.cookie, PUBLIC_URL);
    const portC = await freePort();
    const c = await startServerProcess({ databaseUrl: db.url, publicUrl: PUBLIC_URL, port: portC, channel });
    const { visitor, conversationId } = await startWaitingChat(c.baseUrl, waitPublicId);
    const waiting = await api<TConversationDto>(
      b.baseUrl,
      carol.cookie,
      'GET',
      `/api/v1/conversations/${conversationId}`,
      undefined,
      PUBLIC_URL,
    );
    const deadline = waiting.body.waitingDeadline;
    expect(deadline).not.toBeNull();
    await c.kill('SIGKILL');
    const missed = await carolSocket.waitFor(
      (f) =>
        f.type === 'conversation' &&
        f.conversation.id === conversationId &&
        f.conversation.status === 'closed',
      25_000,
    );
    expect(missed.type === 'conversation' && missed.conversation.closeReason).toBe('missed');
    // Another process took the sweep over; the deadline decided (how soon after is not a verdict).
    expect(missed.type === 'conversation' && (missed.conversation.closedAt ?? 0) >= (deadline ?? 0)).toBe(
      true,
    );
    const messages = await api<{ items: { event: { type: string } | null }[] }>(
      b.baseUrl,
      carol.cookie,
      'GET',
      `/api/v1/conversations/${conversationId}/messages`,
      undefined,
      PUBLIC_URL,
    );
    expect(messages.body.items.filter((m) => m.event?.type === 'missed')).toHaveLength(1);
    await Promise.all([visitor.client.close(), carolSocket.close()]);
  }, 240_000);

  it('keeps every acknowledged message exactly once and in order across a kill -9 of the server', async () => {
    const portK = await freePort();
    // Visitors are limited to 30 messages per 10 s; this test sends 1,000 as fast as acks come back.
    const env = { CHARLA_RATE_LIMIT_MULTIPLIER: '1000' };
    let k = await startServerProcess({
      databaseUrl: db.url,
      publicUrl: PUBLIC_URL,
      port: portK,
      channel,
      env,
    });
    const dave = await createAgent(k.baseUrl, adminCookie, 'Dave');
    // Someone online (R10) for the hand-off, whatever the earlier tests' sockets did.
    const daveSocket = await connectAgent(k.baseUrl, dave.cookie, PUBLIC_URL);
    const { visitor, conversationId } = await startWaitingChat(k.baseUrl, publicId);
    await daveSocket.close();
    const assigned = await api(
      k.baseUrl,
      dave.cookie,
      'POST',
      `/api/v1/conversations/${conversationId}/assign`,
      undefined,
      PUBLIC_URL,
    );
    expect(assigned.status).toBe(200);

    const total = 1000;
    const prefix = newClientId();
    const idOf = (i: number) => `${prefix}-${String(i).padStart(4, '0')}`;
    const acked = new Set<string>();
    const inFlight = new Set<number>();
    let client: FrameClient<TVisitorServerFrame> = visitor.client;
    let next = 0;
    let killed = false;
    const send = (i: number) =>
      client.send({ type: 'send', conversationId, clientMsgId: idOf(i), body: text(`m${i}`) });
    // A window of 20 unacknowledged messages in flight, like a widget's outbox on a fast connection.
    const pump = () => {
      while (inFlight.size < 20 && next < total && client.socket.readyState === client.socket.OPEN) {
        inFlight.add(next);
        send(next);
        next += 1;
      }
    };
    let allAcked: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (allAcked = resolve));
    const track = (c: FrameClient<TVisitorServerFrame>) =>
      c.socket.on('message', (raw) => {
        const f = JSON.parse((raw as Buffer).toString('utf8')) as TVisitorServerFrame;
        if (f.type !== 'ack') return;
        acked.add(f.clientMsgId);
        inFlight.delete(Number(f.clientMsgId.slice(prefix.length + 1)));
        if (acked.size === total) allAcked();
        else if (!(killed === false && acked.size >= 300)) pump();
      });
    track(client);
    pump();
    while (acked.size < 300) await new Promise((r) => setTimeout(r, 10));
    killed = true;
    await k.kill('SIGKILL');
    k = await startServerProcess({ databaseUrl: db.url, publicUrl: PUBLIC_URL, port: portK, channel, env });
    client = await FrameClient.connect<TVisitorServerFrame>(
      `${k.baseUrl.replace('http', 'ws')}/ws/visitor?token=${visitor.token}`,
    );
    track(client);
    // Resend what was never acknowledged, in order, with the same client ids; then carry on.
    for (const i of [...inFlight].sort((x, y) => x - y)) send(i);
    pump();
    await done;
    const page = await api<{ items: { clientMsgId: string | null; seq: number }[] }>(
      k.baseUrl,
      dave.cookie,
      'GET',
      `/api/v1/conversations/${conversationId}/messages?limit=500`,
      undefined,
      PUBLIC_URL,
    );
    let all = page.body.items;
    let after = all.at(-1)?.seq ?? 0;
    for (;;) {
      const more = await api<{ items: { clientMsgId: string | null; seq: number }[]; hasMore: boolean }>(
        k.baseUrl,
        dave.cookie,
        'GET',
        `/api/v1/conversations/${conversationId}/messages?limit=500&afterSeq=${after}`,
        undefined,
        PUBLIC_URL,
      );
      all = all.concat(more.body.items);
      if (more.body.items.length === 0) break;
      after = more.body.items.at(-1)?.seq ?? after;
    }
    const stored = all
      .map((m) => m.clientMsgId)
      .filter((id): id is string => id?.startsWith(prefix) ?? false);
    expect(killed).toBe(true);
    expect(stored).toHaveLength(total);
    expect(new Set(stored).size).toBe(total);
    expect(stored).toEqual([...stored].sort());
    await client.close();
    await k.kill();
  }, 240_000);
});
