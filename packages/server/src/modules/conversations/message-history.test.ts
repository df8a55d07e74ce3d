import type { TMessageDto } from '@charla/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendWithRef, startChat, waitForQuestion } from '../../test/chat-steps';
import { startTestServer, type TestServer, type TestUser } from '../../test/harness';
import { createActivePlaybook, goOnline } from '../../test/playbook-setup';
import { connectVisitor, newClientId, text } from '../../test/visitor-client';

type Page = { items: TMessageDto[]; lastSeq: number; hasMore: boolean };

/**
 * History paged back (issue 25): the inbox opens a conversation on its latest page
 * (`beforeSeq=end`) and pages older messages in with `beforeSeq` as the user scrolls up.
 */
describe('GET /conversations/:id/messages with beforeSeq', () => {
  let server: TestServer;
  let alice: TestUser;
  let bob: TestUser;
  let conversationId: string;
  let all: TMessageDto[];

  beforeAll(async () => {
    server = await startTestServer();
    const baseUrl = await server.listen();
    const admin = await server.createUser('admin', 'Ada Admin');
    alice = await server.createUser('regular', 'Alice Assignee');
    bob = await server.createUser('regular', 'Bob Bystander');
    const publicId = (await createActivePlaybook(server, admin)).publicId;
    await goOnline(server, alice);
    const visitor = await connectVisitor(baseUrl);
    conversationId = await startChat(visitor.client, publicId);
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
    for (let i = 0; i < 12; i += 1) {
      const res = await server.request({
        method: 'POST',
        url: `/api/v1/conversations/${conversationId}/messages`,
        as: alice,
        payload: { clientMsgId: newClientId(), body: text(`reply ${i}`) },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    all = (await page('afterSeq=0&limit=500')).items;
    await visitor.client.close();
  });
  afterAll(() => server.close());

  async function page(query: string, as: TestUser = alice): Promise<Page> {
    const res = await server.request({
      url: `/api/v1/conversations/${conversationId}/messages?${query}`,
      as,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Page>();
  }

  it('opens on the latest page and pages back to the first message without gaps or repeats', async () => {
    expect(all.length).toBeGreaterThan(14);
    const latest = await page('beforeSeq=end&limit=5');
    expect(latest.items.map((m) => m.seq)).toEqual(all.slice(-5).map((m) => m.seq));
    expect(latest.hasMore).toBe(true);
    expect(latest.lastSeq).toBe(all.at(-1)?.seq);

    const pages = [latest.items];
    let before = latest.items[0]?.seq ?? 0;
    for (let more = latest.hasMore; more;) {
      const older = await page(`beforeSeq=${before}&limit=5`);
      expect(older.items.length).toBeGreaterThan(0);
      expect(older.items.every((m) => m.seq < before)).toBe(true);
      expect(older.lastSeq).toBe(before - 1);
      pages.unshift(older.items);
      before = older.items[0]?.seq ?? 0;
      more = older.hasMore;
    }
    expect(pages.flat()).toEqual(all);
  });

  it('answers an empty page before the first message, and the whole thread for a large limit', async () => {
    const first = all[0]?.seq ?? 1;
    expect(await page(`beforeSeq=${first}`)).toEqual({ items: [], lastSeq: first - 1, hasMore: false });
    const whole = await page('beforeSeq=end&limit=500');
    expect(whole.items).toEqual(all);
    expect(whole.hasMore).toBe(false);
    const middle = all[7]?.seq ?? 0;
    expect((await page(`beforeSeq=${middle}&limit=3`)).items).toEqual(all.slice(4, 7));
  });

  it('refuses bad paging input with VALIDATION_FAILED', async () => {
    for (const query of [
      'beforeSeq=0',
      'beforeSeq=-3',
      'beforeSeq=1.5',
      'beforeSeq=latest',
      'beforeSeq=',
      'afterSeq=2&beforeSeq=9',
      'afterSeq=0&beforeSeq=end',
      'beforeSeq=end&limit=0',
      'beforeSeq=end&limit=501',
      'beforeSeq=end&around=3',
    ]) {
      const res = await server.request({
        url: `/api/v1/conversations/${conversationId}/messages?${query}`,
        as: alice,
      });
      expect(res.statusCode, query).toBe(422);
      expect(res.json(), query).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    }
  });

  it('keeps history to those who may see the conversation (R14)', async () => {
    const res = await server.request({
      url: `/api/v1/conversations/${conversationId}/messages?beforeSeq=end`,
      as: bob,
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'CONVERSATION_NOT_FOUND' } });
  });
});
