import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatWaitingForPerson } from '../test/chat-steps';
import { startTestServer, TEST_ORIGIN, type TestServer, type TestUser } from '../test/harness';
import { createActivePlaybook, goOnline } from '../test/playbook-setup';
import { connectAgent, connectVisitor } from '../test/visitor-client';

/**
 * R28: an inbox fetches a chat over REST, then subscribes. What changed between the two (before
 * its socket was registered, or while it was reconnecting) reaches it: the subscribe is answered
 * with the chat as it is now, then its messages.
 */
describe('an inbox’s subscribe (R28)', () => {
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
    bob = await server.createUser('regular', 'Bob');
    publicId = (await createActivePlaybook(server, admin)).publicId;
    await goOnline(server, alice);
  });
  afterAll(() => server.close());

  /** A chat waiting for a person, its conversation id. */
  async function waitingChat(): Promise<string> {
    return chatWaitingForPerson((await connectVisitor(baseUrl)).client, publicId);
  }

  it('answers with the chat as it is now, then its messages', async () => {
    const conversationId = await waitingChat();
    // Taken and closed before this inbox's socket connected: it heard nothing of either.
    for (const action of ['assign', 'close']) {
      const url = `/api/v1/conversations/${conversationId}/${action}`;
      expect((await server.request({ method: 'POST', url, as: alice })).statusCode).toBe(200);
    }
    const socket = await connectAgent(baseUrl, alice.cookie, TEST_ORIGIN);
    const before = socket.frames.length;
    socket.send({ type: 'subscribe', ref: 's', conversationId, lastSeq: 0 });
    await socket.waitFor((f) => f.type === 'messages' && f.conversationId === conversationId);
    const answer = socket.frames
      .slice(before)
      .filter(
        (f) =>
          (f.type === 'conversation' && f.conversation.id === conversationId) ||
          (f.type === 'messages' && f.conversationId === conversationId),
      );
    expect(answer[0]).toMatchObject({ type: 'conversation', conversation: { status: 'closed' } });
    expect(answer.findIndex((f) => f.type === 'messages')).toBeGreaterThan(0);
    await socket.close();
  });

  it('tells a user who may not see the chat nothing of it', async () => {
    const conversationId = await waitingChat();
    await server.request({
      method: 'POST',
      url: `/api/v1/conversations/${conversationId}/assign`,
      as: alice,
    });
    const socket = await connectAgent(baseUrl, bob.cookie, TEST_ORIGIN);
    const before = socket.frames.length;
    socket.send({ type: 'subscribe', ref: 's', conversationId, lastSeq: 0 });
    await socket.waitFor((f) => f.type === 'error' && f.ref === 's' && f.code === 'CONVERSATION_NOT_FOUND');
    const told = socket.frames.slice(before).filter((f) => JSON.stringify(f).includes(conversationId));
    expect(told).toEqual([]);
    await socket.close();
  });
});
