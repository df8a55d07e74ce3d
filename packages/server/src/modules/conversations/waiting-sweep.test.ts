import type { TConversationDto } from '@charla/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendWithRef, startChat, waitForQuestion } from '../../test/chat-steps';
import { createFakeClock, startTestServer, type TestServer, type TestUser } from '../../test/harness';
import { createActivePlaybook, goOnline } from '../../test/playbook-setup';
import { testDialect } from '../../test/test-db';
import { readStoredRun } from './stored-run';
import { connectVisitor, newClientId } from '../../test/visitor-client';

const clock = createFakeClock();

/**
 * On PostgreSQL the sweeps race for real (separate connections). Both SQLite "processes" here
 * share one thread, where a transaction waiting for another's lock blocks the very thread that
 * would release it: they take turns (every sweep still finds the deadline passed).
 */
async function raceOrInTurn(tasks: (() => Promise<number>)[]): Promise<number[]> {
  if (testDialect === 'postgres') return Promise.all(tasks.map((t) => t()));
  const results: number[] = [];
  for (const task of tasks) results.push(await task());
  return results;
}

/**
 * R13 through the one event path: two server processes on one database sweep the same expired
 * deadline at once. The `waiting_time_over` transition happens exactly once: one `missed`
 * timeline row, one `conversation.closed` domain event, one outbox row, the offline path due.
 */
describe('the waiting sweep goes through waiting_time_over, once across processes (R13)', () => {
  let one: Awaited<ReturnType<typeof startTestServer>>;
  let two: TestServer;
  let baseUrl: string;
  let alice: TestUser;
  let publicId: string;

  beforeAll(async () => {
    one = await startTestServer({ clock, runJobs: false });
    two = await startTestServer({
      clock,
      runJobs: false,
      database: one.database,
      busChannel: one.busChannel,
    });
    baseUrl = await one.listen();
    const admin = await one.createUser('admin');
    alice = await one.createUser('regular', 'Alice');
    publicId = (await createActivePlaybook(one, admin)).publicId;
    const allow = await one.request({
      method: 'PUT',
      url: '/api/v1/admin/settings/webhooks',
      as: admin,
      payload: { allowPrivateWebhookTargets: true },
    });
    expect(allow.statusCode).toBe(200);
    const hook = await one.request({
      method: 'POST',
      url: '/api/v1/admin/webhooks',
      as: admin,
      payload: { url: 'http://127.0.0.1:9/closed', events: ['conversation.closed'] },
    });
    expect(hook.statusCode, hook.body).toBe(201);
  });
  afterAll(async () => {
    await two?.charla.stop();
    await one?.close();
  });

  async function waitingChat(): Promise<{ conversationId: string; deadline: number }> {
    await goOnline(one, alice);
    const visitor = await connectVisitor(baseUrl);
    const conversationId = await startChat(visitor.client, publicId);
    await waitForQuestion(visitor.client, conversationId);
    await sendWithRef(visitor.client, {
      type: 'answer',
      conversationId,
      clientMsgId: newClientId(),
      answer: { kind: 'button', optionId: 'talk' },
    });
    await visitor.client.waitFor(
      (f) =>
        f.type === 'conversation' &&
        f.conversation.id === conversationId &&
        f.conversation.status === 'waiting',
    );
    await visitor.client.close();
    const row = await one.charla.services.conversations.getRow(conversationId);
    return { conversationId, deadline: row.waiting_deadline ?? 0 };
  }

  it('writes one missed row, one outbox row and one conversation.closed for two racing processes', async () => {
    const { conversationId, deadline } = await waitingChat();
    const closedEvents: string[] = [];
    const offs = [one, two].map((s) =>
      s.charla.services.events.on('conversation.closed', ({ conversation }) => {
        if (conversation.id === conversationId) closedEvents.push(conversation.closeReason ?? '');
      }),
    );
    clock.set(deadline);
    const sweeps = [one, two, one, two].map((s) => () => s.charla.services.runner.sweepWaiting());
    const swept = await raceOrInTurn(sweeps);
    offs.forEach((off) => off());
    expect(swept.reduce((a, b) => a + b, 0)).toBe(1);
    expect(closedEvents).toEqual(['missed']);

    const db = one.charla.services.database.db;
    const timeline = await db
      .selectFrom('messages')
      .select('meta')
      .where('conversation_id', '=', conversationId)
      .where('author_kind', '=', 'system')
      .execute();
    const missed = timeline.filter(
      (m) => (JSON.parse(m.meta ?? '{}') as { event?: { type: string } }).event?.type === 'missed',
    );
    expect(missed).toHaveLength(1);
    const outbox = await db
      .selectFrom('webhook_deliveries')
      .select('body')
      .where('order_key', '=', conversationId)
      .where('event', '=', 'conversation.closed')
      .execute();
    expect(outbox).toHaveLength(1);
    const body = JSON.parse(outbox[0]!.body) as { data: { conversation: TConversationDto } };
    // The webhook data is the public payload: the conversation, not the internal previous state.
    expect(Object.keys(body.data)).toEqual(['conversation']);
    expect(body.data.conversation).toMatchObject({ id: conversationId, closeReason: 'missed' });
    const row = await one.charla.services.conversations.getRow(conversationId);
    expect(row).toMatchObject({ status: 'closed', close_reason: 'missed', waiting_deadline: null });
    // The continue_offline effect: the same sweep continued the offline branch (R9, R13).
    expect(readStoredRun(row.run_state).run?.status).not.toBe('live_chat');
    expect(row.offline_due).toBeNull();
  });

  it('lists missed chats in Closed on their own (issue 16) and refuses an unknown close reason', async () => {
    const { conversationId, deadline } = await waitingChat();
    clock.set(deadline);
    await one.charla.services.runner.sweepWaiting();
    const list = async (query: string) => {
      const res = await one.request({ url: `/api/v1/conversations?folder=closed${query}`, as: alice });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ items: TConversationDto[] }>().items;
    };
    const missed = await list('&closeReason=missed');
    expect(missed.map((c) => c.id)).toContain(conversationId);
    expect(missed.every((c) => c.closeReason === 'missed')).toBe(true);
    expect((await list('&closeReason=closed_by_user')).map((c) => c.id)).not.toContain(conversationId);
    expect((await list('')).map((c) => c.id)).toContain(conversationId);
    const bad = await one.request({ url: '/api/v1/conversations?folder=closed&closeReason=lost', as: alice });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });

  it('closes nothing when the transition fails midway: the next sweep does it all, once', async () => {
    const { conversationId, deadline } = await waitingChat();
    clock.set(deadline);
    // Like a crash inside the transaction: its outbox write fails after the UPDATE and the missed row.
    const off = one.charla.services.events.onDurable(async (_tx, event) => {
      if (event.name === 'conversation.closed') throw new Error('the process died here');
    });
    await expect(one.charla.services.runner.sweepWaiting()).rejects.toThrow('the process died here');
    off();
    const row = await one.charla.services.conversations.getRow(conversationId);
    // Neither closed without its missed row and webhook, nor half-claimed: still waiting.
    expect(row).toMatchObject({ status: 'waiting', waiting_deadline: deadline });
    expect(await two.charla.services.runner.sweepWaiting()).toBe(1);
    expect(await one.charla.services.runner.sweepWaiting()).toBe(0);
    const outbox = await one.charla.services.database.db
      .selectFrom('webhook_deliveries')
      .select('id')
      .where('order_key', '=', conversationId)
      .where('event', '=', 'conversation.closed')
      .execute();
    expect(outbox).toHaveLength(1);
  });

  it('leaves a deadline that has not passed alone', async () => {
    const { conversationId, deadline } = await waitingChat();
    clock.set(deadline - 1);
    await raceOrInTurn([one, two].map((s) => () => s.charla.services.runner.sweepWaiting()));
    expect((await one.charla.services.conversations.getRow(conversationId)).status).toBe('waiting');
  });
});
