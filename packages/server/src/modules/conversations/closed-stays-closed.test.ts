import type { TCrmLeadDto } from '@charla/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../../test/harness';
import { lastVisitorState, sendWithRef, startChat, waitForQuestion } from '../../test/chat-steps';
import { createActivePlaybook } from '../../test/playbook-setup';
import { connectVisitor, newClientId, text } from '../../test/visitor-client';

type Visitor = Awaited<ReturnType<typeof connectVisitor>>;

/**
 * R20: closed means closed on every path. Nobody is online, so the Live chat template's "Talk to
 * someone" would take the offline branch (name, email) and end in a lead: none of it may happen
 * once the conversation was closed while the bot waited for the button.
 */
describe('a closed conversation stays closed (R20)', () => {
  let server: TestServer;
  let baseUrl: string;
  let admin: TestUser;
  let publicId: string;

  beforeAll(async () => {
    server = await startTestServer();
    baseUrl = await server.listen();
    admin = await server.createUser('admin', 'Ada Admin');
    publicId = (await createActivePlaybook(server, admin)).publicId;
  });
  afterAll(() => server.close());

  async function leadsOf(conversationId: string): Promise<TCrmLeadDto[]> {
    const res = await server.request({ url: '/api/v1/crm/leads?limit=100', as: admin });
    return res
      .json<{ items: TCrmLeadDto[] }>()
      .items.filter((l) => l.conversationIds.includes(conversationId));
  }

  async function expectNothingMoves(visitor: Visitor, conversationId: string): Promise<void> {
    const before = await server.charla.services.conversations.getRow(conversationId);
    const answer = await sendWithRef(visitor.client, {
      type: 'answer',
      conversationId,
      clientMsgId: newClientId(),
      answer: { kind: 'button', optionId: 'talk' },
    });
    expect(answer).toMatchObject({ type: 'error', code: 'CONVERSATION_CLOSED' });
    const typed = await sendWithRef(visitor.client, {
      type: 'send',
      conversationId,
      clientMsgId: newClientId(),
      body: text('Marta Ruiz'),
    });
    expect(typed).toMatchObject({ type: 'error', code: 'CONVERSATION_CLOSED' });
    const left = await sendWithRef(visitor.client, { type: 'leave', conversationId });
    expect(left).toMatchObject({ type: 'error', code: 'CONVERSATION_CLOSED' });
    const errorsBefore = visitor.client.frames.filter((f) => f.type === 'error').length;
    visitor.client.send({ type: 'typing', conversationId, active: true, preview: 'hello?' });
    const typing = await visitor.client.waitFor(
      (f) =>
        f.type === 'error' && visitor.client.frames.filter((g) => g.type === 'error').length > errorsBefore,
    );
    expect(typing).toMatchObject({ type: 'error', code: 'CONVERSATION_CLOSED' });

    const after = await server.charla.services.conversations.getRow(conversationId);
    expect(after.last_seq).toBe(before.last_seq);
    expect(after.run_state).toBe(before.run_state);
    expect(after.status).toBe('closed');
    expect(await leadsOf(conversationId)).toEqual([]);
    // The widget is told it may not answer any more: no question is offered on a closed chat.
    expect(lastVisitorState(visitor.client, conversationId)).toMatchObject({
      status: 'closed',
      botAwaitingInput: false,
    });
  }

  it('refuses the visitor’s answer after a user closed the chat while the bot waited for a button', async () => {
    const visitor = await connectVisitor(baseUrl);
    const conversationId = await startChat(visitor.client, publicId);
    await waitForQuestion(visitor.client, conversationId);
    const closed = await server.request({
      method: 'POST',
      url: `/api/v1/conversations/${conversationId}/close`,
      as: admin,
    });
    expect(closed.statusCode).toBe(200);
    await visitor.client.waitFor(
      (f) =>
        f.type === 'conversation' &&
        f.conversation.id === conversationId &&
        f.conversation.status === 'closed',
    );
    await expectNothingMoves(visitor, conversationId);
    await visitor.client.close();
  });

  it('refuses the visitor’s answer after the visitor’s own leave', async () => {
    const visitor = await connectVisitor(baseUrl);
    const conversationId = await startChat(visitor.client, publicId);
    await waitForQuestion(visitor.client, conversationId);
    const left = await sendWithRef(visitor.client, { type: 'leave', conversationId });
    expect(left).toMatchObject({ type: 'conversation', conversation: { status: 'closed' } });
    await expectNothingMoves(visitor, conversationId);
    await visitor.client.close();
  });

  it('still lets the team create a lead from the side panel of a closed chat (R20)', async () => {
    const visitor = await connectVisitor(baseUrl);
    const conversationId = await startChat(visitor.client, publicId);
    await sendWithRef(visitor.client, { type: 'leave', conversationId });
    const lead = await server.request({
      method: 'POST',
      url: `/api/v1/conversations/${conversationId}/panel/lead`,
      as: admin,
      payload: {},
    });
    expect(lead.statusCode).toBe(201);
    expect(await leadsOf(conversationId)).toHaveLength(1);
    await visitor.client.close();
  });
});
