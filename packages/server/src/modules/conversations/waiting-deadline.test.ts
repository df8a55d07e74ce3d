import type { TConversationDto } from '@charla/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendWithRef, startChat, waitForQuestion } from '../../test/chat-steps';
import { createFakeClock, startTestServer, type TestServer, type TestUser } from '../../test/harness';
import { createActivePlaybook, goOnline } from '../../test/playbook-setup';
import { connectVisitor, newClientId } from '../../test/visitor-client';
import { createConversationsStore } from './conversations.store';

const clock = createFakeClock();

/**
 * R13: the waiting deadline decides who gets a chat, not when a sweep happens to run. An assign a
 * moment before the deadline wins; one a moment after is refused, although no sweep has closed
 * the chat yet (background jobs are off here), and the visitor's countdown shows that same deadline.
 */
describe('the waiting deadline decides (R13)', () => {
  let server: TestServer;
  let baseUrl: string;
  let alice: TestUser;
  let publicId: string;

  beforeAll(async () => {
    server = await startTestServer({ clock, runJobs: false });
    baseUrl = await server.listen();
    const admin = await server.createUser('admin');
    alice = await server.createUser('regular', 'Alice');
    publicId = (await createActivePlaybook(server, admin)).publicId;
  });
  afterAll(() => server.close());

  /** A chat waiting in Unassigned; resolves with its id and the deadline the visitor was shown. */
  async function waitingChat(): Promise<{ conversationId: string; deadline: number }> {
    await goOnline(server, alice); // a fresh heartbeat at the fake clock's time
    const visitor = await connectVisitor(baseUrl);
    const conversationId = await startChat(visitor.client, publicId);
    await waitForQuestion(visitor.client, conversationId);
    await sendWithRef(visitor.client, {
      type: 'answer',
      conversationId,
      clientMsgId: newClientId(),
      answer: { kind: 'button', optionId: 'talk' },
    });
    const waiting = await visitor.client.waitFor(
      (f) =>
        f.type === 'conversation' &&
        f.conversation.id === conversationId &&
        f.conversation.status === 'waiting',
    );
    await visitor.client.close();
    const shown = waiting.type === 'conversation' ? waiting.conversation.waitingDeadline : null;
    const row = await server.charla.services.conversations.getRow(conversationId);
    // The visitor's countdown and the server's decision use the one stored deadline.
    expect(shown).toBe(row.waiting_deadline);
    return { conversationId, deadline: row.waiting_deadline ?? 0 };
  }

  function assign(conversationId: string) {
    return server.request({
      method: 'POST',
      url: `/api/v1/conversations/${conversationId}/assign`,
      as: alice,
    });
  }

  it('lets an assign 10 ms before the deadline win', async () => {
    const { conversationId, deadline } = await waitingChat();
    clock.set(deadline - 10);
    const res = await assign(conversationId);
    expect(res.statusCode).toBe(200);
    expect(res.json<TConversationDto>()).toMatchObject({ status: 'assigned', assignee: { id: alice.id } });
    clock.set(deadline + 1_000);
    expect(await server.charla.services.runner.sweepWaiting()).toBe(0);
  });

  it('refuses an assign at the deadline and 10 ms after it, before any sweep ran', async () => {
    for (const offset of [0, 10]) {
      const { conversationId, deadline } = await waitingChat();
      clock.set(deadline + offset);
      const res = await assign(conversationId);
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ error: { code: 'WAITING_TIME_OVER' } });
      const row = await server.charla.services.conversations.getRow(conversationId);
      expect(row).toMatchObject({ status: 'waiting', assignee_id: null });
      // Then the sweep closes it as missed and the offline path goes on (R13).
      expect(await server.charla.services.runner.sweepWaiting()).toBeGreaterThanOrEqual(1);
      expect(await server.charla.services.conversations.getRow(conversationId)).toMatchObject({
        status: 'closed',
        close_reason: 'missed',
      });
    }
  });

  it('refuses a reassign to a colleague after the deadline too', async () => {
    const { conversationId, deadline } = await waitingChat();
    clock.set(deadline + 10);
    const res = await server.request({
      method: 'POST',
      url: `/api/v1/conversations/${conversationId}/reassign`,
      as: alice,
      payload: { userId: alice.id },
    });
    expect(res.json()).toMatchObject({ error: { code: 'WAITING_TIME_OVER' } });
  });

  it('checks the deadline in the conditional update itself, whatever the caller decided', async () => {
    const { conversationId, deadline } = await waitingChat();
    const store = createConversationsStore(server.charla.services.database.db);
    const row = await server.charla.services.conversations.getRow(conversationId);
    const patch = { status: 'assigned' as const, assignee_id: alice.id, waiting_deadline: null };
    // A process whose own check passed a moment before the deadline, but whose UPDATE lands after it.
    const conditional = async (at: number) =>
      (await store.commitChange(
        row.id,
        { status: 'waiting', assigneeId: null, beforeDeadline: at },
        patch,
        [],
        async () => undefined,
      )) !== null;
    expect(await conditional(deadline + 10)).toBe(false);
    expect(await conditional(deadline)).toBe(false);
    expect(await conditional(deadline - 10)).toBe(true);
  });
});
