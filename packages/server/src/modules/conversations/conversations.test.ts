import {
  playbookTemplates,
  toPlainText,
  type TConversationDto,
  type TAgentServerFrame,
  type TMessageDto,
  type TVisitorServerFrame,
} from '@charla/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createFakeClock,
  startTestServer,
  TEST_ORIGIN,
  type TestServer,
  type TestUser,
} from '../../test/harness';
import { sendWithRef } from '../../test/chat-steps';
import { createActivePlaybook, goOnline } from '../../test/playbook-setup';
import { connectAgent, connectVisitor, FrameClient, newClientId, text } from '../../test/visitor-client';
import { isStrictlyIncreasing, streamedSeqs } from '../../test/stream-order';

type Visitor = Awaited<ReturnType<typeof connectVisitor>>;

const clock = createFakeClock();

const liveChatCard = playbookTemplates.live_chat.build('en').flow.nodes.find((n) => n.type === 'live_chat');
const OFFLINE_TEXT = liveChatCard?.type === 'live_chat' ? toPlainText(liveChatCard.offlineMessage) : '';

async function startChat(visitor: Visitor, publicId: string) {
  visitor.client.send({
    type: 'start',
    ref: 'r1',
    playbookId: publicId,
    startKey: newClientId(),
    context: {
      pageUrl: 'https://www.customer.example/pricing',
      language: 'en-GB',
      timeZone: 'Europe/Madrid',
    },
  });
  const frame = await visitor.client.waitFor(
    (f): f is Extract<TVisitorServerFrame, { type: 'conversation' }> =>
      f.type === 'conversation' && f.ref === 'r1',
  );
  return frame.conversation.id;
}

async function clickTalk(visitor: Visitor, conversationId: string) {
  visitor.client.send({
    type: 'answer',
    ref: 'a1',
    conversationId,
    clientMsgId: newClientId(),
    answer: { kind: 'button', optionId: 'talk' },
  });
  await visitor.client.waitFor((f) => f.type === 'ack' && f.ref === 'a1');
}

describe('live chat engine', () => {
  let server: TestServer;
  let baseUrl: string;
  let admin: TestUser;
  let alice: TestUser;
  let bob: TestUser;
  let playbook: { id: string; publicId: string };

  beforeAll(async () => {
    server = await startTestServer({ clock });
    baseUrl = await server.listen();
    admin = await server.createUser('admin', 'Ada Admin');
    alice = await server.createUser('regular', 'Alice');
    bob = await server.createUser('regular', 'Bob');
    playbook = await createActivePlaybook(server, admin);
  });
  afterAll(() => server.close());

  it('greets the visitor with the bot transcript and answer buttons', async () => {
    const visitor = await connectVisitor(baseUrl);
    const conversationId = await startChat(visitor, playbook.publicId);
    const withButtons = await visitor.client.waitFor(
      (f) => f.type === 'message' && f.message.interaction?.kind === 'buttons',
    );
    expect(withButtons.type === 'message' && withButtons.message.author.kind).toBe('bot');
    const messages = visitor.client.messages(conversationId);
    expect(messages.map((m) => m.seq)).toEqual(messages.map((_, i) => i + 1));
    await visitor.client.close();
  });

  it('starting twice with the same key creates one conversation', async () => {
    const visitor = await connectVisitor(baseUrl);
    const startKey = newClientId();
    visitor.client.send({ type: 'start', ref: 's1', playbookId: playbook.publicId, startKey });
    visitor.client.send({ type: 'start', ref: 's2', playbookId: playbook.publicId, startKey });
    const a = await visitor.client.waitFor((f) => f.type === 'conversation' && f.ref === 's1');
    const b = await visitor.client.waitFor((f) => f.type === 'conversation' && f.ref === 's2');
    expect(
      a.type === 'conversation' && b.type === 'conversation' && a.conversation.id === b.conversation.id,
    ).toBe(true);
    const list = await fetch(`${baseUrl}/api/v1/widget/conversations`, {
      headers: { authorization: `Visitor ${visitor.token}` },
    });
    expect(((await list.json()) as unknown[]).length).toBe(1);
    await visitor.client.close();
  });

  it('goes offline at once when nobody is online: offline message, then the offline branch (R9)', async () => {
    const visitor = await connectVisitor(baseUrl);
    const conversationId = await startChat(visitor, playbook.publicId);
    await clickTalk(visitor, conversationId);
    await visitor.client.waitFor(
      (f) =>
        f.type === 'message' &&
        f.message.interaction?.kind === 'input' &&
        f.message.interaction.field === 'name',
    );
    const conversation = await server.charla.services.conversations.getForVisitor(
      visitor.visitorId,
      conversationId,
    );
    expect(conversation.status).toBe('bot');
    const saidOffline = visitor.client
      .messages(conversationId)
      .filter((m) => toPlainText(m.body) === OFFLINE_TEXT);
    expect(saidOffline).toHaveLength(1);
    expect(conversation.botAwaitingInput).toBe(true);
    const unassigned = await server.request({ url: '/api/v1/conversations?folder=unassigned', as: alice });
    expect(unassigned.json<{ items: { id: string }[] }>().items.map((c) => c.id)).not.toContain(
      conversationId,
    );
    // The offline outcome is on the timeline (reports count it), once, and never shown to the visitor.
    const timeline = (
      await server.request({ url: `/api/v1/conversations/${conversationId}/messages`, as: admin })
    ).json<{ items: TMessageDto[] }>();
    expect(timeline.items.filter((m) => m.event?.type === 'offline')).toHaveLength(1);
    expect(visitor.client.messages(conversationId).some((m) => m.event?.type === 'offline')).toBe(false);
    await visitor.client.close();
  });

  describe('with a user online', () => {
    let visitor: Visitor;
    let conversationId: string;

    beforeAll(async () => {
      await goOnline(server, alice);
      await goOnline(server, bob);
      visitor = await connectVisitor(baseUrl);
      conversationId = await startChat(visitor, playbook.publicId);
      await clickTalk(visitor, conversationId);
      await visitor.client.waitFor((f) => f.type === 'conversation' && f.conversation.status === 'waiting');
    });
    afterAll(() => visitor.client.close());

    it('puts the conversation in Unassigned for every user, with the bot transcript (R11)', async () => {
      for (const user of [alice, bob]) {
        const page = (
          await server.request({ url: '/api/v1/conversations?folder=unassigned', as: user })
        ).json<{ items: TConversationDto[] }>();
        const found = page.items.find((c) => c.id === conversationId);
        expect(found?.allowedActions).toContain('assign');
        expect(found?.waitingDeadline).toBe(clock.now() + 60_000);
        expect(found?.visitor.context.pageUrl).toBe('https://www.customer.example/pricing');
      }
      const messages = (
        await server.request({ url: `/api/v1/conversations/${conversationId}/messages`, as: bob })
      ).json<{ items: TMessageDto[] }>();
      expect(messages.items.filter((m) => m.author.kind === 'bot').length).toBeGreaterThanOrEqual(3);
      expect(messages.items.some((m) => m.author.kind === 'visitor')).toBe(true);
      const counts = (await server.request({ url: '/api/v1/conversations/counts', as: bob })).json<{
        unassigned: number;
      }>();
      expect(counts.unassigned).toBeGreaterThanOrEqual(1);
    });

    it('gives the conversation to exactly one of many simultaneous Assign to me (R12)', async () => {
      const users = [
        alice,
        bob,
        ...(await Promise.all(
          Array.from({ length: 8 }, (_, i) => server.createUser('regular', `Racer ${i}`)),
        )),
      ];
      const agentBob = await connectAgent(baseUrl, bob.cookie, TEST_ORIGIN);
      const results = await Promise.all(
        users.map((u) =>
          server.request({ method: 'POST', url: `/api/v1/conversations/${conversationId}/assign`, as: u }),
        ),
      );
      const codes = results.map((r) => r.statusCode).sort();
      expect(codes.filter((c) => c === 200)).toHaveLength(1);
      expect(codes.filter((c) => c === 409)).toHaveLength(users.length - 1);
      const winnerIndex = results.findIndex((r) => r.statusCode === 200);
      const winner = users[winnerIndex] as TestUser;
      // Each loser is told who took it (issue 16), and nothing else about the conversation.
      for (const loser of results.filter((r) => r.statusCode === 409))
        expect(loser.json()).toMatchObject({
          error: {
            code: 'CONVERSATION_ALREADY_ASSIGNED',
            details: { assignee: { id: winner.id, name: winner.name } },
          },
        });
      const joined = await visitor.client.waitFor(
        (f) => f.type === 'message' && f.message.event?.type === 'joined',
      );
      expect(joined.type === 'message' && joined.message.event).toMatchObject({
        type: 'joined',
        userName: winner.name,
      });
      const agentConv = await visitor.client.waitFor(
        (f) => f.type === 'conversation' && f.conversation.status === 'assigned',
      );
      expect(agentConv.type === 'conversation' && agentConv.conversation.agent?.name).toBe(winner.name);
      expect(visitor.client.messages(conversationId).filter((m) => m.event?.type === 'joined')).toHaveLength(
        1,
      );
      if (winner.id !== bob.id)
        await agentBob.waitFor(
          (f) => f.type === 'conversation_removed' && f.conversationId === conversationId,
        );
      await agentBob.close();
      // Hand it to Alice for the rest of the suite.
      if (winner.id !== alice.id) {
        const moved = await server.request({
          method: 'POST',
          url: `/api/v1/conversations/${conversationId}/reassign`,
          as: winner,
          payload: { userId: alice.id },
        });
        expect(moved.statusCode).toBe(200);
      }
    });

    it('hides the assigned conversation from everyone else (R14)', async () => {
      expect(
        (await server.request({ url: `/api/v1/conversations/${conversationId}`, as: bob })).statusCode,
      ).toBe(404);
      expect(
        (await server.request({ url: `/api/v1/conversations/${conversationId}/messages`, as: bob }))
          .statusCode,
      ).toBe(404);
      const lists = await Promise.all(
        ['unassigned', 'mine', 'closed'].map((folder) =>
          server.request({ url: `/api/v1/conversations?folder=${folder}`, as: bob }),
        ),
      );
      for (const list of lists)
        expect(list.json<{ items: { id: string }[] }>().items.map((c) => c.id)).not.toContain(conversationId);
      const send = await server.request({
        method: 'POST',
        url: `/api/v1/conversations/${conversationId}/messages`,
        as: bob,
        payload: { clientMsgId: 'x1', body: text('hi') },
      });
      expect(send.statusCode).toBe(404);
      const close = await server.request({
        method: 'POST',
        url: `/api/v1/conversations/${conversationId}/close`,
        as: bob,
      });
      expect(close.statusCode).toBe(404);
      const mine = (await server.request({ url: '/api/v1/conversations?folder=mine', as: alice })).json<{
        items: { id: string }[];
      }>();
      expect(mine.items.map((c) => c.id)).toContain(conversationId);
    });

    it('delivers messages both ways, in order, exactly once; a retry returns the stored message', async () => {
      const agent = await connectAgent(baseUrl, alice.cookie, TEST_ORIGIN);
      await agent.follow(conversationId);
      // Alice's other inbox has the chat in its list only: the activity, no message (R28).
      const listOnly = await connectAgent(baseUrl, alice.cookie, TEST_ORIGIN);
      const id = newClientId();
      // The subscribe was answered with the chat itself (R28); what follows is the messages' own.
      const followed = agent.frames.length;
      for (let i = 0; i < 3; i += 1)
        visitor.client.send({
          type: 'send',
          ref: `v${i}`,
          conversationId,
          clientMsgId: `${id}-${i}`,
          body: text(`visitor ${i}`),
        });
      visitor.client.send({
        type: 'send',
        ref: 'dup',
        conversationId,
        clientMsgId: `${id}-0`,
        body: text('visitor 0'),
      });
      const dup = await visitor.client.waitFor((f) => f.type === 'ack' && f.ref === 'dup');
      const first = await visitor.client.waitFor((f) => f.type === 'ack' && f.ref === 'v0');
      expect(dup.type === 'ack' && first.type === 'ack' && dup.message.seq === first.message.seq).toBe(true);
      await agent.waitFor((f) => f.type === 'message' && f.message.clientMsgId === `${id}-2`);
      const fromVisitor = agent.messages(conversationId).filter((m) => m.clientMsgId?.startsWith(id));
      expect(fromVisitor.map((m) => m.clientMsgId)).toEqual([`${id}-0`, `${id}-1`, `${id}-2`]);
      // One frame per plain message, with what it changed in the conversation (issue 25).
      const mine = agent.frames.filter((f) => f.type === 'message' && f.message.clientMsgId?.startsWith(id));
      for (const f of mine) {
        const activity = f.type === 'message' ? f.activity : undefined;
        expect(activity?.lastSeq).toBe(f.type === 'message' ? f.message.seq : -1);
        expect(activity?.lastMessagePreview).toMatch(/^visitor \d$/);
      }
      expect(
        agent.frames
          .slice(followed)
          .some((f) => f.type === 'conversation' && f.conversation.id === conversationId),
      ).toBe(false);
      await listOnly.waitFor((f) => f.type === 'activity' && f.activity.lastMessagePreview === 'visitor 2');
      expect(listOnly.frames.filter((f) => f.type === 'message' || f.type === 'messages')).toEqual([]);
      expect(
        listOnly.frames.flatMap((f) => (f.type === 'activity' ? [f.activity.lastMessagePreview] : [])),
      ).toEqual(['visitor 0', 'visitor 1', 'visitor 2']);
      // Opened there now: the answer holds all of it, and live messages follow it (R28).
      const opened = await listOnly.follow(conversationId);
      expect(opened.filter((m) => m.clientMsgId?.startsWith(id)).map((m) => m.clientMsgId)).toEqual([
        `${id}-0`,
        `${id}-1`,
        `${id}-2`,
      ]);

      agent.send({
        type: 'send',
        ref: 'u1',
        conversationId,
        clientMsgId: 'agent-1',
        body: text('Hello from Alice'),
      });
      await agent.waitFor((f) => f.type === 'ack' && f.ref === 'u1');
      const got = await visitor.client.waitFor(
        (f) => f.type === 'message' && f.message.clientMsgId === 'agent-1',
      );
      expect(got.type === 'message' && got.message.author).toMatchObject({ kind: 'user', name: 'Alice' });
      // No echo (issue 25): each side has its own message once, as its ack; the inbox's ack says
      // what the message changed in the conversation.
      const echoes = (frames: readonly (TVisitorServerFrame | TAgentServerFrame)[], prefix: string) =>
        frames.filter((f) => f.type === 'message' && f.message.clientMsgId?.startsWith(prefix) === true);
      expect(echoes(visitor.client.frames, id)).toEqual([]);
      expect(echoes(agent.frames, 'agent-1')).toEqual([]);
      // The other inbox got Alice's reply live, after the answer: never a seq twice or going back.
      await listOnly.waitFor((f) => f.type === 'message' && f.message.clientMsgId === 'agent-1');
      const streamed = streamedSeqs(listOnly.frames, conversationId);
      expect(isStrictlyIncreasing(streamed)).toBe(true);
      expect(streamed.at(-1)).toBe(got.type === 'message' ? got.message.seq : -1);
      await listOnly.close();
      const ack = agent.frames.find((f) => f.type === 'ack' && f.ref === 'u1');
      expect(ack?.type === 'ack' && ack.activity?.lastSeq).toBe(
        got.type === 'message' ? got.message.seq : -1,
      );
      const retry = await server.request({
        method: 'POST',
        url: `/api/v1/conversations/${conversationId}/messages`,
        as: alice,
        payload: { clientMsgId: 'agent-1', body: text('Hello from Alice') },
      });
      expect(retry.json<TMessageDto>().seq).toBe(got.type === 'message' ? got.message.seq : -1);
      await agent.close();
    });

    it('stores a picture a visitor sends as a link to it, never as an image (issue 16 item 7)', async () => {
      const sent = await sendWithRef(visitor.client, {
        type: 'send',
        conversationId,
        clientMsgId: newClientId(),
        body: { type: 'doc', content: [{ type: 'image', src: 'https://tracker.example/p.png', alt: 'hi' }] },
      });
      expect(sent.type === 'ack' && sent.message.body).toEqual({
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'hi', marks: [{ type: 'link', href: 'https://tracker.example/p.png' }] },
            ],
          },
        ],
      });
    });

    it('sends a reconnecting visitor exactly the messages it missed, in order', async () => {
      const lastSeen = Math.max(...visitor.client.messages(conversationId).map((m) => m.seq));
      await visitor.client.close();
      for (let i = 0; i < 5; i += 1) {
        await server.request({
          method: 'POST',
          url: `/api/v1/conversations/${conversationId}/messages`,
          as: alice,
          payload: { clientMsgId: `missed-${i}`, body: text(`missed ${i}`) },
        });
      }
      const again = await FrameClient.connect<TVisitorServerFrame>(
        `${baseUrl.replace('http', 'ws')}/ws/visitor?token=${visitor.token}`,
      );
      again.send({ type: 'subscribe', conversationId, lastSeq: lastSeen });
      const page = await again.waitFor((f) => f.type === 'messages');
      expect(page.type === 'messages' && page.messages.map((m) => m.clientMsgId)).toEqual([
        'missed-0',
        'missed-1',
        'missed-2',
        'missed-3',
        'missed-4',
      ]);
      visitor.client = again;
    });

    it('relays typing both ways without storing it', async () => {
      const agent = await connectAgent(baseUrl, alice.cookie, TEST_ORIGIN);
      visitor.client.send({ type: 'typing', conversationId, active: true, preview: 'I am typ' });
      const typing = await agent.waitFor((f) => f.type === 'typing');
      expect(typing).toMatchObject({ from: 'visitor', active: true, preview: 'I am typ' });
      agent.send({ type: 'typing', conversationId, active: true });
      await visitor.client.waitFor((f) => f.type === 'typing' && f.from === 'user' && f.name === 'Alice');
      await agent.close();
    });

    it('shares read positions: the inbox and the visitor see what was read', async () => {
      const agent = await connectAgent(baseUrl, alice.cookie, TEST_ORIGIN);
      const row = await server.charla.services.conversations.getRow(conversationId);
      // Another visitor's read of this chat is refused as if it did not exist, and moves nothing.
      const stranger = await connectVisitor(baseUrl);
      stranger.client.send({ type: 'read', conversationId, seq: row.last_seq });
      await stranger.client.waitFor((f) => f.type === 'error' && f.code === 'CONVERSATION_NOT_FOUND');
      await stranger.client.close();
      const untouched = await server.charla.services.conversations.getRow(conversationId);
      expect(untouched.visitor_read_seq).toBe(row.visitor_read_seq);
      expect(row.visitor_read_seq).toBeLessThan(row.last_seq);
      // A colleague who may not see the chat (assigned to Alice, R14) is refused and moves nothing.
      const bystander = await connectAgent(baseUrl, bob.cookie, TEST_ORIGIN);
      bystander.send({ type: 'read', conversationId, seq: row.last_seq });
      await bystander.waitFor((f) => f.type === 'error' && f.code === 'CONVERSATION_NOT_FOUND');
      await bystander.close();
      expect((await server.charla.services.conversations.getRow(conversationId)).user_read_seq).toBe(
        row.user_read_seq,
      );
      // A read goes out as a number, not as the whole conversation (issue 25): to the reader's other
      // tabs and to the visitor, never back to the socket that reported it.
      const otherTab = await connectAgent(baseUrl, alice.cookie, TEST_ORIGIN);
      const visitorFramesBefore = visitor.client.frames.length;
      agent.send({ type: 'read', conversationId, seq: row.last_seq });
      await otherTab.waitFor(
        (f) =>
          f.type === 'read' &&
          f.conversationId === conversationId &&
          f.side === 'user' &&
          f.seq === row.last_seq,
      );
      await visitor.client.waitFor((f) => f.type === 'read' && f.seq === row.last_seq);
      visitor.client.send({ type: 'read', conversationId, seq: row.last_seq });
      for (const inbox of [agent, otherTab])
        await inbox.waitFor(
          (f) =>
            f.type === 'read' &&
            f.conversationId === conversationId &&
            f.side === 'visitor' &&
            f.seq === row.last_seq,
        );
      expect(agent.frames.filter((f) => f.type === 'read' && f.side === 'user')).toEqual([]);
      const visitorReads = visitor.client.frames.slice(visitorFramesBefore).filter((f) => f.type === 'read');
      expect(visitorReads).toEqual([{ type: 'read', conversationId, seq: row.last_seq }]);
      await otherTab.close();
      expect(agent.frames.filter((f) => f.type === 'conversation')).toEqual([]);
      const stored = await server.charla.services.conversations.getRow(conversationId);
      expect([stored.user_read_seq, stored.visitor_read_seq]).toEqual([row.last_seq, row.last_seq]);
      const framesBefore = agent.frames.length;
      agent.send({ type: 'read', conversationId, seq: row.last_seq + 100 });
      agent.send({ type: 'read', conversationId, seq: row.last_seq });
      await new Promise((r) => setTimeout(r, 100));
      expect((await server.charla.services.conversations.getRow(conversationId)).user_read_seq).toBe(
        row.last_seq,
      );
      // A read that moves nothing fans nothing out.
      expect(agent.frames.slice(framesBefore).filter((f) => f.type === 'read')).toEqual([]);
      await agent.close();
    });

    it('closes for good: the visitor is told, Closed shows the time, nothing reopens it (R19, R20)', async () => {
      const closed = await server.request({
        method: 'POST',
        url: `/api/v1/conversations/${conversationId}/close`,
        as: alice,
      });
      expect(closed.json<TConversationDto>()).toMatchObject({
        status: 'closed',
        closeReason: 'closed_by_user',
        closedAt: clock.now(),
        allowedActions: ['edit_panel'],
      });
      await visitor.client.waitFor((f) => f.type === 'conversation' && f.conversation.status === 'closed');
      await visitor.client.waitFor((f) => f.type === 'message' && f.message.event?.type === 'closed');
      const closedList = (
        await server.request({ url: '/api/v1/conversations?folder=closed', as: bob })
      ).json<{ items: TConversationDto[] }>();
      expect(closedList.items.find((c) => c.id === conversationId)?.closedAt).toBe(clock.now());
      for (const action of ['assign', 'close']) {
        const res = await server.request({
          method: 'POST',
          url: `/api/v1/conversations/${conversationId}/${action}`,
          as: alice,
        });
        expect(res.json()).toMatchObject({ error: { code: 'CONVERSATION_CLOSED' } });
      }
      const reassign = await server.request({
        method: 'POST',
        url: `/api/v1/conversations/${conversationId}/reassign`,
        as: alice,
        payload: { userId: bob.id },
      });
      expect(reassign.json()).toMatchObject({ error: { code: 'CONVERSATION_CLOSED' } });
      visitor.client.send({
        type: 'send',
        ref: 'late',
        conversationId,
        clientMsgId: 'late-1',
        body: text('still there?'),
      });
      const err = await visitor.client.waitFor((f) => f.type === 'error' && f.ref === 'late');
      expect(err).toMatchObject({ code: 'CONVERSATION_CLOSED' });
      // A retry of a message acked before the close still answers with the stored message.
      const retry = await server.request({
        method: 'POST',
        url: `/api/v1/conversations/${conversationId}/messages`,
        as: alice,
        payload: { clientMsgId: 'agent-1', body: text('Hello from Alice') },
      });
      expect(retry.statusCode).toBe(201);
      expect(retry.json<TMessageDto>().clientMsgId).toBe('agent-1');
      const row = await server.charla.services.conversations.getRow(conversationId);
      expect(row.status).toBe('closed');
    });
  });

  it('misses a chat nobody takes in time: closed as missed, then the offline branch goes on (R13)', async () => {
    await goOnline(server, alice);
    const visitor = await connectVisitor(baseUrl);
    const conversationId = await startChat(visitor, playbook.publicId);
    await clickTalk(visitor, conversationId);
    await visitor.client.waitFor((f) => f.type === 'conversation' && f.conversation.status === 'waiting');
    clock.advance(59_000);
    expect(await server.charla.services.runner.sweepWaiting()).toBe(0);
    clock.advance(1_000);
    expect(await server.charla.services.runner.sweepWaiting()).toBe(1);
    expect(await server.charla.services.runner.sweepWaiting()).toBe(0);
    await visitor.client.waitFor(
      (f) =>
        f.type === 'message' &&
        f.message.interaction?.kind === 'input' &&
        f.message.interaction.field === 'name',
    );
    expect(
      visitor.client.messages(conversationId).filter((m) => toPlainText(m.body) === OFFLINE_TEXT),
    ).toHaveLength(1);
    const dto = (
      await server.request({ url: `/api/v1/conversations/${conversationId}`, as: bob })
    ).json<TConversationDto>();
    expect(dto).toMatchObject({ status: 'closed', closeReason: 'missed' });
    const closed = await server.charla.services.conversations.getForVisitor(
      visitor.visitorId,
      conversationId,
    );
    expect(closed.botAwaitingInput).toBe(true);
    visitor.client.send({
      type: 'send',
      ref: 'n',
      conversationId,
      clientMsgId: 'name-1',
      body: text('Marta Ruiz'),
    });
    await visitor.client.waitFor(
      (f) =>
        f.type === 'message' &&
        f.message.interaction?.kind === 'input' &&
        f.message.interaction.field === 'email',
    );
    visitor.client.send({
      type: 'send',
      ref: 'e',
      conversationId,
      clientMsgId: 'email-1',
      body: text('not an email'),
    });
    await visitor.client.waitFor((f) => f.type === 'message' && f.message.isError);
    visitor.client.send({
      type: 'send',
      ref: 'e2',
      conversationId,
      clientMsgId: 'email-2',
      body: text('marta@example.com'),
    });
    await visitor.client.waitFor((f) => f.type === 'conversation' && f.conversation.outcome === 'qualified');
    const after = (
      await server.request({ url: `/api/v1/conversations/${conversationId}`, as: bob })
    ).json<TConversationDto>();
    expect(after.visitor).toMatchObject({ displayName: 'Marta Ruiz', email: 'marta@example.com' });
    await visitor.client.close();
  });

  it('names the visitor from Charla.identify(), before and during a conversation, without overriding the bot', async () => {
    const visitor = await connectVisitor(baseUrl);
    visitor.client.send({ type: 'identify', name: 'Lucía Pérez', email: 'Lucia@Example.com' });
    const conversationId = await startChat(visitor, playbook.publicId);
    const row = await server.charla.services.conversations.getRow(conversationId);
    expect([row.visitor_name, row.visitor_email]).toEqual(['Lucía Pérez', 'lucia@example.com']);
    const found = (
      await server.request({ url: '/api/v1/conversations?folder=closed&q=lucía', as: bob })
    ).json<{ items: unknown[] }>();
    expect(found.items).toEqual([]);
    visitor.client.send({ type: 'identify', email: 'not-an-email' });
    await visitor.client.waitFor((f) => f.type === 'error' && f.code === 'VALIDATION_FAILED');

    const other = await connectVisitor(baseUrl);
    const otherId = await startChat(other, playbook.publicId);
    other.client.send({ type: 'identify', name: 'Tomás' });
    // Wait for the condition, not for a fixed time (a loaded machine takes longer than 150 ms).
    const nameOf = async () => (await server.charla.services.conversations.getRow(otherId)).visitor_name;
    for (let i = 0; i < 100 && (await nameOf()) !== 'Tomás'; i += 1)
      await new Promise((r) => setTimeout(r, 50));
    expect(await nameOf()).toBe('Tomás');
    await Promise.all([visitor.client.close(), other.client.close()]);
  });

  it('keeps the live chat card offline-only while the playbook is not embedded (R8)', async () => {
    await goOnline(server, alice);
    const hidden = await createActivePlaybook(server, admin, { embedded: false });
    const visitor = await connectVisitor(baseUrl);
    const conversationId = await startChat(visitor, hidden.publicId);
    await clickTalk(visitor, conversationId);
    await visitor.client.waitFor((f) => f.type === 'message' && f.message.interaction?.kind === 'input');
    expect(
      (await server.charla.services.conversations.getForVisitor(visitor.visitorId, conversationId)).status,
    ).toBe('bot');
    await visitor.client.close();
  });

  describe('bad input', () => {
    it('refuses a visitor token the server did not issue', async () => {
      await expect(
        FrameClient.connect(`${baseUrl.replace('http', 'ws')}/ws/visitor?token=${'a'.repeat(43)}`),
      ).rejects.toThrow(/401/);
      const res = await fetch(`${baseUrl}/api/v1/widget/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ visitorToken: 'chosen-by-the-client' }),
      });
      const body = (await res.json()) as { visitorToken: string; created: boolean };
      expect(body.created).toBe(true);
      expect(body.visitorToken).not.toBe('chosen-by-the-client');
      expect(body.visitorToken.length).toBeGreaterThanOrEqual(43);
    });

    it('answers malformed, unknown and oversized frames with an error frame and stays open', async () => {
      const visitor = await connectVisitor(baseUrl);
      visitor.client.socket.send('{not json');
      await visitor.client.waitFor((f) => f.type === 'error' && f.code === 'INVALID_JSON');
      visitor.client.send({ type: 'teleport', ref: 'x' });
      await visitor.client.waitFor((f) => f.type === 'error' && f.code === 'VALIDATION_FAILED');
      visitor.client.send({
        type: 'send',
        ref: 'big',
        conversationId: 'c',
        clientMsgId: 'big',
        body: text('x'.repeat(70 * 1024)),
      });
      await visitor.client.waitFor((f) => f.type === 'error' && f.code === 'FRAME_TOO_LARGE');
      visitor.client.send({ type: 'ping' });
      await visitor.client.waitFor((f) => f.type === 'pong');
      await visitor.client.close();
    });

    it('never lets a visitor read or write another visitor’s conversation', async () => {
      const owner = await connectVisitor(baseUrl);
      const conversationId = await startChat(owner, playbook.publicId);
      const intruder = await connectVisitor(baseUrl);
      intruder.client.send({ type: 'subscribe', ref: 's', conversationId, lastSeq: 0 });
      await intruder.client.waitFor(
        (f) => f.type === 'error' && f.ref === 's' && f.code === 'CONVERSATION_NOT_FOUND',
      );
      intruder.client.send({
        type: 'answer',
        ref: 'a',
        conversationId,
        clientMsgId: 'z',
        answer: { kind: 'button', optionId: 'talk' },
      });
      await intruder.client.waitFor(
        (f) => f.type === 'error' && f.ref === 'a' && f.code === 'CONVERSATION_NOT_FOUND',
      );
      intruder.client.send({ type: 'leave', ref: 'l', conversationId });
      await intruder.client.waitFor(
        (f) => f.type === 'error' && f.ref === 'l' && f.code === 'CONVERSATION_NOT_FOUND',
      );
      const rest = await fetch(`${baseUrl}/api/v1/widget/conversations/${conversationId}/messages`, {
        headers: { authorization: `Visitor ${intruder.token}` },
      });
      expect(rest.status).toBe(404);
      const row = await server.charla.services.conversations.getRow(conversationId);
      expect(row.status).toBe('bot');
      expect(intruder.client.messages(conversationId)).toEqual([]);
      await owner.client.close();
      await intruder.client.close();
    });

    it('refuses the agent socket from a foreign Origin (cross-site WebSocket hijacking) and without a session', async () => {
      await expect(connectAgent(baseUrl, alice.cookie, 'https://evil.example')).rejects.toThrow(/403/);
      await expect(connectAgent(baseUrl, '', TEST_ORIGIN)).rejects.toThrow(/401/);
    });

    it('closes the agent socket when the session ends', async () => {
      const user = await server.createUser('regular');
      const agent = await connectAgent(baseUrl, user.cookie, TEST_ORIGIN);
      await server.request({
        method: 'PATCH',
        url: `/api/v1/admin/users/${user.id}`,
        as: admin,
        payload: { active: false },
      });
      await new Promise((r) => setTimeout(r, 200));
      expect(agent.closeCode).toBe(4001);
    });

    it('refuses an answer the bot is not waiting for', async () => {
      const visitor = await connectVisitor(baseUrl);
      const conversationId = await startChat(visitor, playbook.publicId);
      visitor.client.send({
        type: 'answer',
        ref: 'bad',
        conversationId,
        clientMsgId: 'q1',
        answer: { kind: 'button', optionId: 'nope' },
      });
      await visitor.client.waitFor(
        (f) => f.type === 'error' && f.ref === 'bad' && f.code === 'ANSWER_NOT_EXPECTED',
      );
      await visitor.client.close();
    });
  });
});
