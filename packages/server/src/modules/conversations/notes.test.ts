import type { TMessageDto } from '@charla/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReportFactsStore } from '../reports/report-facts.store';
import { sendWithRef, startChat, waitForQuestion } from '../../test/chat-steps';
import { startTestServer, TEST_ORIGIN, type TestServer, type TestUser } from '../../test/harness';
import { createActivePlaybook, goOnline } from '../../test/playbook-setup';
import { connectAgent, connectVisitor, newClientId, text } from '../../test/visitor-client';

/**
 * Private notes and @mentions (issue 16, R29): users only — never on the visitor's socket (live or
 * on a reconnect), never in the widget's REST history or in webhooks — and a mention lets exactly
 * the mentioned user read an assigned chat, read-only.
 */
describe('private notes and mentions', () => {
  let server: TestServer;
  let baseUrl: string;
  let admin: TestUser;
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  let publicId: string;

  beforeAll(async () => {
    server = await startTestServer();
    baseUrl = await server.listen();
    admin = await server.createUser('admin', 'Ada Admin');
    alice = await server.createUser('regular', 'Alice Assignee');
    bob = await server.createUser('regular', 'Bob Mentioned');
    carol = await server.createUser('admin', 'Carol Bystander');
    publicId = (await createActivePlaybook(server, admin)).publicId;
    await goOnline(server, alice);
    const allow = await server.request({
      method: 'PUT',
      url: '/api/v1/admin/settings/webhooks',
      as: admin,
      payload: { allowPrivateWebhookTargets: true },
    });
    expect(allow.statusCode).toBe(200);
    const hook = await server.request({
      method: 'POST',
      url: '/api/v1/admin/webhooks',
      as: admin,
      payload: { url: 'http://127.0.0.1:9/hook', events: ['message.created'] },
    });
    expect(hook.statusCode, hook.body).toBe(201);
  });
  afterAll(() => server.close());

  /** A visitor in a live chat assigned to Alice. */
  async function assignedChat() {
    const visitor = await connectVisitor(baseUrl);
    const conversationId = await startChat(visitor.client, publicId);
    await waitForQuestion(visitor.client, conversationId);
    await sendWithRef(visitor.client, {
      type: 'answer',
      conversationId,
      clientMsgId: newClientId(),
      answer: { kind: 'button', optionId: 'talk' },
    });
    const assign = await server.request({
      method: 'POST',
      url: `/api/v1/conversations/${conversationId}/assign`,
      as: alice,
    });
    expect(assign.statusCode, assign.body).toBe(200);
    return { visitor, conversationId };
  }

  const note = (as: TestUser, conversationId: string, payload: Record<string, unknown>) =>
    server.request({ method: 'POST', url: `/api/v1/conversations/${conversationId}/notes`, as, payload });
  const reply = (as: TestUser, conversationId: string, body: string) =>
    server.request({
      method: 'POST',
      url: `/api/v1/conversations/${conversationId}/messages`,
      as,
      payload: { clientMsgId: newClientId(), body: text(body) },
    });
  const isNote = (m: TMessageDto) => m.event?.type === 'note' || m.event?.type === 'mentioned';

  it('keeps a note from the visitor live, on reconnect and over REST, and out of webhooks', async () => {
    const { visitor, conversationId } = await assignedChat();
    const before = await server.charla.services.conversations.getRow(conversationId);
    const written = await note(alice, conversationId, {
      clientMsgId: newClientId(),
      text: 'Secret: VIP customer, offer 20% off',
      mentions: [],
    });
    expect(written.statusCode, written.body).toBe(201);
    const stored = written.json<TMessageDto>();
    expect(stored.event).toEqual({ type: 'note', mentions: [] });
    expect(stored.author).toMatchObject({ kind: 'user', id: alice.id });
    // A reply after the note: once the visitor has it, the note's event would have come first.
    // Not a response to the visitor: the report's first response is still to come.
    const facts = createReportFactsStore(server.charla.services.database.db);
    expect(await facts.replies([conversationId])).toEqual([]);
    const answered = await reply(alice, conversationId, 'Hello from Alice');
    expect(answered.statusCode).toBe(201);
    expect(await facts.replies([conversationId])).toEqual([
      {
        conversation_id: conversationId,
        author_id: alice.id,
        first_at: answered.json<TMessageDto>().createdAt,
      },
    ]);
    await visitor.client.waitFor((f) => f.type === 'message' && f.message.seq === stored.seq + 1);
    expect(JSON.stringify(visitor.client.frames)).not.toContain('Secret');

    // Reconnect from before the note: the catch-up skips it without a gap.
    const again = await connectVisitor(baseUrl, visitor.token);
    again.client.send({ type: 'subscribe', ref: 's', conversationId, lastSeq: stored.seq - 1 });
    const caught = await again.client.waitFor(
      (f) => f.type === 'messages' && f.conversationId === conversationId,
    );
    expect(caught.type === 'messages' && caught.lastSeq).toBeGreaterThanOrEqual(stored.seq + 1);
    expect(JSON.stringify(again.client.frames)).not.toContain('Secret');

    const rest = await fetch(`${baseUrl}/api/v1/widget/conversations/${conversationId}/messages`, {
      headers: { authorization: `Visitor ${visitor.token}` },
    });
    expect(rest.status).toBe(200);
    const page = (await rest.json()) as { items: TMessageDto[]; lastSeq: number };
    expect(page.items.some(isNote)).toBe(false);
    expect(page.lastSeq).toBeGreaterThanOrEqual(stored.seq + 1);

    // The note moved no preview or reply clock meant for replies; the inbox does show it.
    const after = await server.charla.services.conversations.getRow(conversationId);
    expect(after.last_message_preview).toBe('Hello from Alice');
    expect(before.last_message_preview).not.toContain('Secret');
    const inbox = await server.request({
      url: `/api/v1/conversations/${conversationId}/messages`,
      as: alice,
    });
    expect(inbox.json<{ items: TMessageDto[] }>().items.some(isNote)).toBe(true);

    const bodies = await server.charla.services.database.db
      .selectFrom('webhook_deliveries')
      .select('body')
      .where('event', '=', 'message.created')
      .where('order_key', '=', conversationId)
      .execute();
    expect(bodies.some((r) => r.body.includes('Hello from Alice'))).toBe(true);
    expect(bodies.some((r) => r.body.includes('Secret') || r.body.includes('"note"'))).toBe(false);
    // What the inboxes are told internally (issue 25) is not part of the webhook's data.
    expect(bodies.some((r) => r.body.includes('changesConversation'))).toBe(false);
    await Promise.all([visitor.client.close(), again.client.close()]);
  });

  it('lets exactly the mentioned user read the chat, read-only, and notifies them', async () => {
    const { visitor, conversationId } = await assignedChat();
    const bobSocket = await connectAgent(baseUrl, bob.cookie, TEST_ORIGIN);
    const carolSocket = await connectAgent(baseUrl, carol.cookie, TEST_ORIGIN);
    const hidden = await server.request({ url: `/api/v1/conversations/${conversationId}`, as: bob });
    expect(hidden.statusCode).toBe(404);

    const written = await note(alice, conversationId, {
      clientMsgId: newClientId(),
      text: '@Bob Mentioned can you check the invoice?',
      mentions: [bob.id],
    });
    expect(written.statusCode, written.body).toBe(201);
    expect(written.json<TMessageDto>().event).toEqual({
      type: 'note',
      mentions: [{ userId: bob.id, name: 'Bob Mentioned' }],
    });
    const notice = await bobSocket.waitFor(
      (f) => f.type === 'notification' && f.notification.kind === 'mention',
    );
    expect(notice.type === 'notification' && notice.notification.conversationId).toBe(conversationId);
    // Bob opens it from the notification: the answer holds the note's mention (R28, R29).
    const opened = await bobSocket.follow(conversationId);
    expect(opened.map((m) => m.event?.type)).toContain('mentioned');

    const seen = await server.request({ url: `/api/v1/conversations/${conversationId}`, as: bob });
    expect(seen.statusCode).toBe(200);
    expect(seen.json<{ allowedActions: string[]; readerIds: string[] }>()).toMatchObject({
      allowedActions: [],
      readerIds: [bob.id],
    });
    const history = await server.request({
      url: `/api/v1/conversations/${conversationId}/messages`,
      as: bob,
    });
    const events = history.json<{ items: TMessageDto[] }>().items.map((m) => m.event?.type);
    expect(events).toContain('note');
    expect(events).toContain('mentioned');
    // Read-only: no reply, no taking the chat.
    expect((await reply(bob, conversationId, 'Bob replies')).statusCode).toBe(404);
    const take = await server.request({
      method: 'POST',
      url: `/api/v1/conversations/${conversationId}/reassign`,
      as: bob,
      payload: { userId: bob.id },
    });
    expect(take.statusCode).toBe(404);
    // Live updates reach Bob: Alice's next reply.
    expect((await reply(alice, conversationId, 'Live for Bob')).statusCode).toBe(201);
    await bobSocket.waitFor(
      (f) => f.type === 'message' && JSON.stringify(f.message.body).includes('Live for Bob'),
    );

    // Carol was not mentioned: the same 404 and not one frame of this chat (R14).
    expect(
      (await server.request({ url: `/api/v1/conversations/${conversationId}`, as: carol })).statusCode,
    ).toBe(404);
    expect(
      (await note(carol, conversationId, { clientMsgId: newClientId(), text: 'hi', mentions: [] }))
        .statusCode,
    ).toBe(404);
    await server.request({ method: 'PUT', url: '/api/v1/me/online', as: alice, payload: { online: false } });
    await carolSocket.waitFor((f) => f.type === 'presence' && f.userId === alice.id && !f.online);
    expect(carolSocket.frames.filter((f) => JSON.stringify(f).includes(conversationId))).toEqual([]);
    await goOnline(server, alice);
    await Promise.all([visitor.client.close(), bobSocket.close(), carolSocket.close()]);
  });

  it('lets the mentioned user, and nobody else, find the chat in search (without a folder)', async () => {
    const { visitor, conversationId } = await assignedChat();
    const word = `zanahoria${newClientId()}`;
    expect((await reply(alice, conversationId, `About the ${word} order`)).statusCode).toBe(201);
    const search = async (as: typeof bob, folder?: string) => {
      const res = await server.request({
        url: `/api/v1/search/conversations?q=${word}${folder ? `&folder=${folder}` : ''}`,
        as,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ items: { conversation: { id: string } }[] }>().items.map((i) => i.conversation.id);
    };
    expect(await search(alice)).toEqual([conversationId]);
    expect(await search(bob)).toEqual([]);
    const written = await note(alice, conversationId, {
      clientMsgId: newClientId(),
      text: '@Bob Mentioned look',
      mentions: [bob.id],
    });
    expect(written.statusCode, written.body).toBe(201);
    expect(await search(bob)).toEqual([conversationId]);
    // It is in none of Bob's folders, so a folder's search never shows it.
    expect(await search(bob, 'mine')).toEqual([]);
    expect(await search(bob, 'unassigned')).toEqual([]);
    expect(await search(carol)).toEqual([]);
    await visitor.client.close();
  });

  it('refuses bad notes with their codes and stores nothing', async () => {
    const { visitor, conversationId } = await assignedChat();
    const deactivated = await server.createUser('regular', 'Dana Gone');
    const off = await server.request({
      method: 'PATCH',
      url: `/api/v1/admin/users/${deactivated.id}`,
      as: admin,
      payload: { active: false },
    });
    expect(off.statusCode, off.body).toBe(200);
    const before = (await server.charla.services.conversations.getRow(conversationId)).last_seq;
    const cases: [Record<string, unknown>, number, string][] = [
      [{ clientMsgId: newClientId(), text: '   ' }, 422, 'NOTE_EMPTY'],
      [{ clientMsgId: newClientId(), text: 'x'.repeat(5001) }, 422, 'NOTE_TOO_LONG'],
      [
        { clientMsgId: newClientId(), text: 'hi @x', mentions: ['no-such-user'] },
        422,
        'MENTION_USER_UNKNOWN',
      ],
      [{ clientMsgId: newClientId(), text: 'hi', mentions: [deactivated.id] }, 422, 'MENTION_USER_UNKNOWN'],
      [{ clientMsgId: newClientId(), text: 'hi', private: true }, 422, 'VALIDATION_FAILED'],
      [{ text: 'no id' }, 422, 'VALIDATION_FAILED'],
    ];
    for (const [payload, status, code] of cases) {
      const res = await note(alice, conversationId, payload);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json<{ error: { code: string } }>().error.code).toBe(code);
    }
    expect(
      (await note(alice, 'no-such-conversation', { clientMsgId: newClientId(), text: 'x' })).statusCode,
    ).toBe(404);
    expect((await server.charla.services.conversations.getRow(conversationId)).last_seq).toBe(before);
    const grants = await server.charla.services.database.db
      .selectFrom('conversation_readers')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .execute();
    expect(grants).toEqual([]);
    await visitor.client.close();
  });

  it('takes a note on a closed chat (R29) while a reply stays refused (R20)', async () => {
    const { visitor, conversationId } = await assignedChat();
    const closed = await server.request({
      method: 'POST',
      url: `/api/v1/conversations/${conversationId}/close`,
      as: alice,
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect((await reply(alice, conversationId, 'too late')).statusCode).toBe(409);
    const later = await note(bob, conversationId, {
      clientMsgId: newClientId(),
      text: 'Follow up next week',
    });
    expect(later.statusCode, later.body).toBe(201);
    const row = await server.charla.services.conversations.getRow(conversationId);
    expect(row.status).toBe('closed');
    await visitor.client.close();
  });
});
