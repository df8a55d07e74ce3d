import type { TCrmLeadDto, TVisitorConversationDto, TVisitorServerFrame } from '@charla/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendWithRef, startChat, waitForQuestion } from '../../test/chat-steps';
import { createFakeClock, startTestServer, type TestServer, type TestUser } from '../../test/harness';
import { createActivePlaybook, goOnline } from '../../test/playbook-setup';
import { connectVisitor, newClientId, text, type FrameClient } from '../../test/visitor-client';

const clock = createFakeClock();
type VisitorClient = FrameClient<TVisitorServerFrame>;

/** Resolves with the next state the visitor's socket is pushed for this conversation that matches. */
function nextState(
  client: VisitorClient,
  conversationId: string,
  expected: Partial<TVisitorConversationDto>,
): Promise<TVisitorConversationDto> {
  const from = client.frames.length;
  const matches = (f: TVisitorServerFrame) =>
    f.type === 'conversation' &&
    f.ref === undefined &&
    f.conversation.id === conversationId &&
    Object.entries(expected).every(([k, v]) => f.conversation[k as keyof TVisitorConversationDto] === v);
  return client
    .waitFor((f) => client.frames.indexOf(f) >= from && matches(f), 10_000)
    .then((f) => (f as Extract<TVisitorServerFrame, { type: 'conversation' }>).conversation);
}

/**
 * The widget's state after each lifecycle change is pushed to the visitor's socket on purpose,
 * never as a side effect of a read receipt (these visitors never send one).
 */
describe('the visitor is told its state after every lifecycle change (R9, R12, R13, R19)', () => {
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

  const post = (url: string, payload?: object) =>
    server.request({ method: 'POST', url, as: alice, ...(payload ? { payload } : {}) });

  async function talk(client: VisitorClient, conversationId: string): Promise<void> {
    await waitForQuestion(client, conversationId);
    const waiting = nextState(client, conversationId, { status: 'waiting' });
    const ack = await sendWithRef(client, {
      type: 'answer',
      conversationId,
      clientMsgId: newClientId(),
      answer: { kind: 'button', optionId: 'talk' },
    });
    expect(ack.type).toBe('ack');
    await waiting;
  }

  it('keeps the offline path of a missed chat after an earlier chat became a lead and a deal (issue 13.3)', async () => {
    await goOnline(server, alice);
    const visitor = await connectVisitor(baseUrl);
    const first = await startChat(visitor.client, publicId);
    await talk(visitor.client, first);
    expect((await post(`/api/v1/conversations/${first}/assign`)).statusCode).toBe(200);
    const lead = await post(`/api/v1/conversations/${first}/panel/lead`, {});
    expect(lead.statusCode).toBe(201);
    const deal = await post(`/api/v1/conversations/${first}/panel/deal?another=true`, {});
    expect(deal.statusCode).toBe(201);
    expect((await post(`/api/v1/conversations/${first}/close`)).statusCode).toBe(200);

    const second = await startChat(visitor.client, publicId);
    await talk(visitor.client, second);
    const row = await server.charla.services.conversations.getRow(second);
    clock.set((row.waiting_deadline ?? 0) + 1);
    // Nobody took it: the sweep closes it as missed and the bot asks the offline name question.
    const awaiting = nextState(visitor.client, second, {
      status: 'closed',
      closeReason: 'missed',
      botAwaitingInput: true,
    });
    expect(await server.charla.services.runner.sweepWaiting()).toBe(1);
    await waitForQuestion(visitor.client, second, 'name');
    await awaiting;
    expect(visitor.client.frames.some((f) => (f as { type: string }).type === 'read')).toBe(false);

    // Answering it goes on to the email question and ends in a lead (the offline branch's end card).
    const name = await sendWithRef(visitor.client, {
      type: 'send',
      conversationId: second,
      clientMsgId: newClientId(),
      body: text('Marta Ruiz'),
    });
    expect(name.type).toBe('ack');
    await waitForQuestion(visitor.client, second, 'email');
    const ended = nextState(visitor.client, second, { outcome: 'qualified', botAwaitingInput: false });
    await sendWithRef(visitor.client, {
      type: 'send',
      conversationId: second,
      clientMsgId: newClientId(),
      body: text('marta@example.com'),
    });
    await ended;
    const leads = (await server.request({ url: '/api/v1/crm/leads?limit=100', as: alice }))
      .json<{ items: TCrmLeadDto[] }>()
      .items.filter((l) => l.conversationIds.includes(second));
    expect(leads).toHaveLength(1);
    await visitor.client.close();
  });

  it('pushes waiting, joined, unassigned, reassigned and closed as they happen', async () => {
    await goOnline(server, alice);
    const visitor = await connectVisitor(baseUrl);
    const id = await startChat(visitor.client, publicId);
    await talk(visitor.client, id);
    const joined = nextState(visitor.client, id, { status: 'assigned' });
    await post(`/api/v1/conversations/${id}/assign`);
    expect((await joined).agent?.name).toBe('Alice');
    const unassigned = nextState(visitor.client, id, { status: 'waiting' });
    await post(`/api/v1/conversations/${id}/reassign`, { userId: null });
    expect((await unassigned).agent).toBeNull();
    const reassigned = nextState(visitor.client, id, { status: 'assigned' });
    await post(`/api/v1/conversations/${id}/reassign`, { userId: alice.id });
    await reassigned;
    const closed = nextState(visitor.client, id, { status: 'closed', closeReason: 'closed_by_user' });
    await post(`/api/v1/conversations/${id}/close`);
    expect((await closed).botAwaitingInput).toBe(false);
    await visitor.client.close();
  });

  it('pushes each new bot question and the end of the bot on the offline path', async () => {
    clock.advance(60 * 60_000); // nobody's heartbeat is fresh any more: the card goes offline at once
    const visitor = await connectVisitor(baseUrl);
    const id = await startChat(visitor.client, publicId);
    await waitForQuestion(visitor.client, id);
    const askingName = nextState(visitor.client, id, { status: 'bot', botAwaitingInput: true });
    await sendWithRef(visitor.client, {
      type: 'answer',
      conversationId: id,
      clientMsgId: newClientId(),
      answer: { kind: 'button', optionId: 'talk' },
    });
    await waitForQuestion(visitor.client, id, 'name');
    await askingName;
    await sendWithRef(visitor.client, {
      type: 'send',
      conversationId: id,
      clientMsgId: newClientId(),
      body: text('Marta Ruiz'),
    });
    await waitForQuestion(visitor.client, id, 'email');
    const ended = nextState(visitor.client, id, { status: 'closed', closeReason: 'bot_ended' });
    await sendWithRef(visitor.client, {
      type: 'send',
      conversationId: id,
      clientMsgId: newClientId(),
      body: text('marta@example.com'),
    });
    expect(await ended).toMatchObject({ botAwaitingInput: false, outcome: 'qualified' });
    await visitor.client.close();
  });
});
