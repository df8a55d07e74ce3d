import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendWithRef, startChat, waitForQuestion } from '../test/chat-steps';
import { startTestServer, TEST_ORIGIN, type TestServer, type TestUser } from '../test/harness';
import { createActivePlaybook, goOnline } from '../test/playbook-setup';
import { connectAgent, connectVisitor, newClientId, text } from '../test/visitor-client';

/**
 * R14: once a chat is assigned, a colleague's socket learns nothing more about it: not its
 * messages, reads, typing, nor a `conversation_removed` per change (that leaked the activity).
 */
describe('a bystander hears nothing of another user’s assigned chat (R14)', () => {
  let server: TestServer;
  let baseUrl: string;
  let alice: TestUser;
  let bob: TestUser;
  let publicId: string;

  beforeAll(async () => {
    server = await startTestServer();
    baseUrl = await server.listen();
    const admin = await server.createUser('admin');
    alice = await server.createUser('regular', 'Alice');
    bob = await server.createUser('admin', 'Bob'); // an admin sees no more than anyone (R14)
    publicId = (await createActivePlaybook(server, admin)).publicId;
    await goOnline(server, alice);
  });
  afterAll(() => server.close());

  it('sends the bystander no frame at all over reads, messages and typing', async () => {
    const aliceSocket = await connectAgent(baseUrl, alice.cookie, TEST_ORIGIN);
    const bobSocket = await connectAgent(baseUrl, bob.cookie, TEST_ORIGIN);
    const visitor = await connectVisitor(baseUrl);
    const conversationId = await startChat(visitor.client, publicId);
    await waitForQuestion(visitor.client, conversationId);
    await sendWithRef(visitor.client, {
      type: 'answer',
      conversationId,
      clientMsgId: newClientId(),
      answer: { kind: 'button', optionId: 'talk' },
    });
    await bobSocket.waitFor((f) => f.type === 'conversation' && f.conversation.status === 'waiting');
    const assign = await server.request({
      method: 'POST',
      url: `/api/v1/conversations/${conversationId}/assign`,
      as: alice,
    });
    expect(assign.statusCode).toBe(200);
    // Bob could see it in Unassigned a moment ago: he is told once that it is gone.
    await bobSocket.waitFor((f) => f.type === 'conversation_removed' && f.conversationId === conversationId);
    const bobBefore = bobSocket.frames.length;

    aliceSocket.send({ type: 'subscribe', conversationId, lastSeq: 0 });
    for (let i = 0; i < 4; i += 1) {
      const sent = await sendWithRef(visitor.client, {
        type: 'send',
        conversationId,
        clientMsgId: newClientId(),
        body: text(`visitor ${i}`),
      });
      expect(sent.type).toBe('ack');
      visitor.client.send({ type: 'read', conversationId, seq: sent.type === 'ack' ? sent.message.seq : 0 });
      visitor.client.send({ type: 'typing', conversationId, active: true, preview: `typing ${i}` });
      const reply = await server.request({
        method: 'POST',
        url: `/api/v1/conversations/${conversationId}/messages`,
        as: alice,
        payload: { clientMsgId: newClientId(), body: text(`alice ${i}`) },
      });
      expect(reply.statusCode).toBe(201);
      const seq = reply.json<{ seq: number }>().seq;
      aliceSocket.send({ type: 'read', conversationId, seq });
      aliceSocket.send({ type: 'typing', conversationId, active: true });
      // Her own read is not echoed to her socket (issue 25): the visitor hears of it.
      await visitor.client.waitFor((f) => f.type === 'read' && f.seq === seq && f.side === undefined);
    }
    // A marker every socket gets after all of the above (the bus keeps order): then compare.
    await server.request({ method: 'PUT', url: '/api/v1/me/online', as: alice, payload: { online: false } });
    await bobSocket.waitFor((f) => f.type === 'presence' && f.userId === alice.id && !f.online);
    const leaked = bobSocket.frames
      .slice(bobBefore)
      .filter((f) => JSON.stringify(f).includes(conversationId));
    expect(leaked).toEqual([]);
    await Promise.all([aliceSocket.close(), bobSocket.close(), visitor.client.close()]);
  });
});
