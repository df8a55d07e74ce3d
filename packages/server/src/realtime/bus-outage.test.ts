import type { TVisitorServerFrame } from '@charla/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_ORIGIN, type TestServer } from '../test/harness';
import { createActivePlaybook, goOnline } from '../test/playbook-setup';
import { connectAgent, connectVisitor, newClientId, text } from '../test/visitor-client';
import { isStrictlyIncreasing, streamedSeqs } from '../test/stream-order';
import { createMemoryBus, type Bus } from './bus';

/** An in-process bus that can lose events like Redis during a restart, then come back. */
function createLossyBus(): Bus & { down(): void; up(): void; deliverOne(): void } {
  const inner = createMemoryBus();
  const reconnect = new Set<(phase: 'early' | 'final') => void>();
  const disconnect = new Set<() => void>();
  let isDown = false;
  let letOneThrough = false;
  return {
    ...inner,
    publish: async (event) => {
      if (!isDown) return inner.publish(event);
      // Like Redis coming back unevenly: one later event gets through before the replay.
      if (letOneThrough && event.type === 'message.created') {
        letOneThrough = false;
        return inner.publish(event);
      }
    },
    onReconnect(handler) {
      reconnect.add(handler);
      return () => reconnect.delete(handler);
    },
    onDisconnect(handler) {
      disconnect.add(handler);
      return () => disconnect.delete(handler);
    },
    isConnected: () => !isDown,
    down() {
      isDown = true;
      for (const handler of disconnect) handler();
    },
    deliverOne() {
      letOneThrough = true;
    },
    up() {
      isDown = false;
      for (const handler of reconnect) handler('early');
      for (const handler of reconnect) handler('final');
    },
  };
}

describe('realtime after a bus outage', () => {
  const bus = createLossyBus();
  let server: TestServer;
  let baseUrl: string;

  beforeAll(async () => {
    server = await startTestServer({ bus });
    baseUrl = await server.listen();
  });
  afterAll(() => server.close());

  it('replays from the database what sockets missed while the bus was down, in order', async () => {
    const admin = await server.createUser('admin');
    const user = await server.createUser('regular', 'Uma');
    const playbook = await createActivePlaybook(server, admin);
    await goOnline(server, user);
    const visitor = await connectVisitor(baseUrl);
    visitor.client.send({ type: 'start', ref: 's', playbookId: playbook.publicId, startKey: newClientId() });
    const conv = await visitor.client.waitFor(
      (f): f is Extract<TVisitorServerFrame, { type: 'conversation' }> =>
        f.type === 'conversation' && f.ref === 's',
    );
    const conversationId = conv.conversation.id;
    visitor.client.send({
      type: 'answer',
      ref: 'a',
      conversationId,
      clientMsgId: newClientId(),
      answer: { kind: 'button', optionId: 'talk' },
    });
    await visitor.client.waitFor((f) => f.type === 'conversation' && f.conversation.status === 'waiting');
    const agent = await connectAgent(baseUrl, user.cookie, TEST_ORIGIN);
    await server.request({ method: 'POST', url: `/api/v1/conversations/${conversationId}/assign`, as: user });
    agent.send({ type: 'subscribe', conversationId, lastSeq: 0 });
    await agent.waitFor((f) => f.type === 'messages' && f.conversationId === conversationId);
    await visitor.client.waitFor((f) => f.type === 'message' && f.message.event?.type === 'joined');

    bus.down();
    expect((await server.request({ url: '/readyz' })).statusCode).toBe(503);
    for (let i = 0; i < 3; i += 1) {
      const res = await server.request({
        method: 'POST',
        url: `/api/v1/conversations/${conversationId}/messages`,
        as: user,
        payload: { clientMsgId: `outage-u${i}`, body: text(`during outage ${i}`) },
      });
      expect(res.statusCode).toBe(201);
    }
    // A later message gets through live while the earlier ones were lost: it must not hide them.
    bus.deliverOne();
    const through = await server.request({
      method: 'POST',
      url: `/api/v1/conversations/${conversationId}/messages`,
      as: user,
      payload: { clientMsgId: 'outage-u3', body: text('this one got through') },
    });
    expect(through.statusCode).toBe(201);
    // It does not overtake the lost ones: the server pulls the gap from the database first.
    await visitor.client.waitFor(
      (f) => f.type === 'messages' && f.messages.some((m) => m.clientMsgId === 'outage-u3'),
    );
    expect(
      visitor.client
        .messages(conversationId)
        .filter((m) => m.clientMsgId?.startsWith('outage-u'))
        .map((m) => m.clientMsgId),
    ).toEqual(['outage-u0', 'outage-u1', 'outage-u2', 'outage-u3']);
    visitor.client.send({
      type: 'send',
      ref: 'v',
      conversationId,
      clientMsgId: 'outage-v0',
      body: text('are you there?'),
    });
    await visitor.client.waitFor((f) => f.type === 'ack' && f.ref === 'v');
    await new Promise((r) => setTimeout(r, 100));
    expect(agent.messages(conversationId).some((m) => m.clientMsgId === 'outage-v0')).toBe(false);

    bus.up();
    await agent.waitFor(
      (f) => f.type === 'messages' && f.messages.some((m) => m.clientMsgId === 'outage-v0'),
    );
    const got = visitor.client.messages(conversationId).filter((m) => m.clientMsgId?.startsWith('outage-u'));
    expect(got.map((m) => m.clientMsgId)).toEqual(['outage-u0', 'outage-u1', 'outage-u2', 'outage-u3']);
    expect((await server.request({ url: '/readyz' })).statusCode).toBe(200);
    // Each socket's stream never repeated or went back (R28): the replay merged with live delivery.
    expect(isStrictlyIncreasing(streamedSeqs(visitor.client.frames, conversationId))).toBe(true);
    expect(isStrictlyIncreasing(streamedSeqs(agent.frames, conversationId))).toBe(true);
    await Promise.all([visitor.client.close(), agent.close()]);
  });
});
