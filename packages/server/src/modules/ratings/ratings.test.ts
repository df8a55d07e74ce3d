import {
  RATING_WINDOW_MS,
  type TMessageDto,
  type TRatingDto,
  type TRatingListItemDto,
  type TVisitorRatingStateDto,
} from '@charla/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeClock, startTestServer, type TestServer, type TestUser } from '../../test/harness';
import { createActivePlaybook } from '../../test/playbook-setup';
import { connectVisitor, newClientId } from '../../test/visitor-client';
import { startLocalReceiver, waitFor } from '../webhooks/local-receiver.test-helper';

type Visitor = Awaited<ReturnType<typeof connectVisitor>>;
const clock = createFakeClock();

describe('satisfaction ratings (CSAT)', () => {
  let server: TestServer;
  let baseUrl: string;
  let admin: TestUser;
  let receiver: Awaited<ReturnType<typeof startLocalReceiver>>;
  const playbooks: Record<'stars' | 'thumbs' | 'off', string> = { stars: '', thumbs: '', off: '' };
  const visitors: Visitor[] = [];

  beforeAll(async () => {
    server = await startTestServer({ clock });
    baseUrl = await server.listen();
    admin = await server.createUser('admin', 'Ada Admin');
    for (const survey of ['stars', 'thumbs', 'off'] as const) {
      const created = await createActivePlaybook(server, admin, {
        mutate: (doc) => {
          if (survey !== 'stars') (doc.appearance as Record<string, unknown>).satisfaction = survey;
        },
      });
      playbooks[survey] = created.publicId;
    }
    receiver = await startLocalReceiver();
  });
  afterAll(async () => {
    for (const v of visitors) await v.client.close();
    await receiver.close();
    await server.close();
  });

  async function startChat(publicId: string, visitor?: Visitor) {
    const v = visitor ?? (await connectVisitor(baseUrl));
    if (!visitor) visitors.push(v);
    const ref = `s${newClientId()}`.slice(0, 20);
    v.client.send({ type: 'start', ref, playbookId: publicId, startKey: newClientId() });
    const frame = await v.client.waitFor((f) => f.type === 'conversation' && f.ref === ref);
    if (frame.type !== 'conversation') throw new Error('no conversation');
    return { visitor: v, conversationId: frame.conversation.id };
  }

  async function closedChat(publicId = playbooks.stars) {
    const chat = await startChat(publicId);
    chat.visitor.client.send({ type: 'leave', ref: 'l1', conversationId: chat.conversationId });
    await chat.visitor.client.waitFor(
      (f) =>
        f.type === 'conversation' &&
        f.conversation.id === chat.conversationId &&
        f.conversation.status === 'closed',
    );
    return chat;
  }

  function rate(visitor: Visitor, conversationId: string, payload: unknown) {
    return server.request({
      method: 'PUT',
      url: `/api/v1/widget/conversations/${conversationId}/rating`,
      headers: { authorization: `Visitor ${visitor.token}` },
      payload: payload as Record<string, unknown>,
    });
  }

  async function state(visitor: Visitor, conversationId: string): Promise<TVisitorRatingStateDto> {
    const res = await server.request({
      url: `/api/v1/widget/conversations/${conversationId}/rating`,
      headers: { authorization: `Visitor ${visitor.token}` },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<TVisitorRatingStateDto>();
  }

  it('a visitor rates a closed chat, sees it, and the team sees it in the timeline and a webhook', async () => {
    await server.request({
      method: 'PUT',
      url: '/api/v1/admin/settings/webhooks',
      as: admin,
      payload: { allowPrivateWebhookTargets: true },
    });
    const hook = await server.request({
      method: 'POST',
      url: '/api/v1/admin/webhooks',
      as: admin,
      payload: { url: receiver.url, events: ['conversation.rated'] },
    });
    expect(hook.statusCode, hook.body).toBe(201);
    const webhookId = hook.json<{ id: string }>().id;

    const { visitor, conversationId } = await closedChat();
    expect(await state(visitor, conversationId)).toEqual({ survey: 'stars', canRate: true, rating: null });
    const res = await rate(visitor, conversationId, { score: 4, comment: '  Quick and kind  ' });
    expect(res.statusCode, res.body).toBe(200);
    const rating = res.json<TRatingDto>();
    expect(rating).toMatchObject({ conversationId, scale: 'stars', score: 4, comment: 'Quick and kind' });
    expect(rating.editableUntil).toBe(rating.createdAt + RATING_WINDOW_MS);
    expect((await state(visitor, conversationId)).rating).toEqual(rating);

    const timeline = await server.request({
      url: `/api/v1/conversations/${conversationId}/messages`,
      as: admin,
    });
    const events = timeline.json<{ items: TMessageDto[] }>().items.map((m) => m.event);
    expect(events).toContainEqual({ type: 'rated', scale: 'stars', score: 4, comment: 'Quick and kind' });

    await waitFor(async () => {
      const d = await server.request({ url: `/api/v1/admin/webhooks/${webhookId}/deliveries`, as: admin });
      return d.json<{ items: { event: string }[] }>().items.some((i) => i.event === 'conversation.rated');
    });
  });

  it('keeps one rating per conversation, changeable for 24 h after the first', async () => {
    const { visitor, conversationId } = await closedChat();
    const first = (await rate(visitor, conversationId, { score: 2 })).json<TRatingDto>();
    clock.advance(RATING_WINDOW_MS - 1000);
    const second = await rate(visitor, conversationId, { score: 5, comment: 'Solved after all' });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json<TRatingDto>()).toMatchObject({
      score: 5,
      createdAt: first.createdAt,
      comment: 'Solved after all',
    });
    clock.advance(2000);
    const late = await rate(visitor, conversationId, { score: 1 });
    expect(late.statusCode).toBe(409);
    expect(late.json<{ error: { code: string } }>().error.code).toBe('RATING_WINDOW_OVER');
    expect((await state(visitor, conversationId)).rating?.score).toBe(5);
    expect((await state(visitor, conversationId)).canRate).toBe(false);
  });

  it('refuses a first rating more than 24 h after the close', async () => {
    const { visitor, conversationId } = await closedChat();
    clock.advance(RATING_WINDOW_MS + 1);
    const res = await rate(visitor, conversationId, { score: 3 });
    expect(res.json<{ error: { code: string } }>().error.code).toBe('RATING_WINDOW_OVER');
    expect((await state(visitor, conversationId)).rating).toBeNull();
  });

  it('refuses out-of-range scores, open conversations and other visitors’ conversations, changing nothing', async () => {
    const { visitor, conversationId } = await closedChat();
    for (const score of [0, 6, 3.5]) {
      const res = await rate(visitor, conversationId, { score });
      expect(res.statusCode).toBe(422);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('RATING_OUT_OF_RANGE');
    }
    const malformed = await rate(visitor, conversationId, { score: 'five' });
    expect(malformed.statusCode).toBe(422);
    const tooLong = await rate(visitor, conversationId, { score: 5, comment: 'x'.repeat(1001) });
    expect(tooLong.statusCode).toBe(422);

    const open = await startChat(playbooks.stars);
    const openRes = await rate(open.visitor, open.conversationId, { score: 5 });
    expect(openRes.statusCode).toBe(409);
    expect(openRes.json<{ error: { code: string } }>().error.code).toBe('RATING_CONVERSATION_OPEN');

    const intruder = await connectVisitor(baseUrl);
    visitors.push(intruder);
    const foreign = await rate(intruder, conversationId, { score: 1 });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json<{ error: { code: string } }>().error.code).toBe('CONVERSATION_NOT_FOUND');
    const peek = await server.request({
      url: `/api/v1/widget/conversations/${conversationId}/rating`,
      headers: { authorization: `Visitor ${intruder.token}` },
    });
    expect(peek.statusCode).toBe(404);
    const anonymous = await server.request({
      method: 'PUT',
      url: `/api/v1/widget/conversations/${conversationId}/rating`,
      payload: { score: 5 },
    });
    expect(anonymous.statusCode).toBe(401);
    expect((await state(visitor, conversationId)).rating).toBeNull();
  });

  it('follows the playbook setting: thumbs take 1 or 5, off asks nothing', async () => {
    const thumbs = await closedChat(playbooks.thumbs);
    expect((await state(thumbs.visitor, thumbs.conversationId)).survey).toBe('thumbs');
    const middle = await rate(thumbs.visitor, thumbs.conversationId, { score: 3 });
    expect(middle.json<{ error: { code: string } }>().error.code).toBe('RATING_OUT_OF_RANGE');
    const up = await rate(thumbs.visitor, thumbs.conversationId, { score: 5 });
    expect(up.json<TRatingDto>()).toMatchObject({ scale: 'thumbs', score: 5 });

    const off = await closedChat(playbooks.off);
    expect(await state(off.visitor, off.conversationId)).toEqual({
      survey: 'off',
      canRate: false,
      rating: null,
    });
    const res = await rate(off.visitor, off.conversationId, { score: 5 });
    expect(res.json<{ error: { code: string } }>().error.code).toBe('RATING_NOT_ASKED');
  });

  it('lists the ratings of a CRM person’s conversations', async () => {
    const { visitor, conversationId } = await closedChat();
    await rate(visitor, conversationId, { score: 5, comment: 'Great' });
    const lead = await server.request({
      method: 'POST',
      url: `/api/v1/conversations/${conversationId}/panel/lead`,
      as: admin,
      payload: { title: 'Rated lead', panel: { person: { name: 'Pat Rater', email: 'pat@example.com' } } },
    });
    expect(lead.statusCode, lead.body).toBe(201);
    const personId = lead.json<{ lead: { person: { id: string } } }>().lead.person.id;
    const res = await server.request({ url: `/api/v1/ratings?personId=${personId}`, as: admin });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<TRatingListItemDto[]>()).toEqual([
      expect.objectContaining({ conversationId, score: 5, comment: 'Great', assignee: null }),
    ]);
    const anonymous = await server.request({ url: `/api/v1/ratings?personId=${personId}` });
    expect(anonymous.statusCode).toBe(401);
  });
});
