import { DateTime } from 'luxon';
import {
  richTextFromPlain,
  toPlainText,
  type TConversationDto,
  type TLiveChatRouting,
  type TRichText,
} from '@charla/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendWithRef, startChat, waitForQuestion } from '../../test/chat-steps';
import { createFakeClock, startTestServer, type TestServer, type TestUser } from '../../test/harness';
import { createActivePlaybook, goOnline } from '../../test/playbook-setup';
import { testDialect } from '../../test/test-db';
import { connectVisitor, newClientId } from '../../test/visitor-client';

const MADRID = 'Europe/Madrid';
const at = (iso: string) => DateTime.fromISO(iso, { zone: MADRID }).toMillis();
// Friday 9 January 2026, 11:00 in Madrid: within Monday–Friday 9–17.
const clock = createFakeClock(at('2026-01-09T11:00'));
const nineToFive = [{ from: '09:00', to: '17:00' }];
const HOURS = {
  enabled: true,
  timeZone: MADRID,
  week: {
    mon: nineToFive,
    tue: nineToFive,
    wed: nineToFive,
    thu: nineToFive,
    fri: nineToFive,
    sat: [],
    sun: [],
  },
  closedDates: [{ date: '2026-01-12', label: 'Fiesta' }],
};

/** Both "processes" sweep; on SQLite (one thread) they take turns, on PostgreSQL they race. */
async function raceOrInTurn(tasks: (() => Promise<number>)[]): Promise<number[]> {
  if (testDialect === 'postgres') return Promise.all(tasks.map((t) => t()));
  const results: number[] = [];
  for (const task of tasks) results.push(await task());
  return results;
}

describe('availability and routing (issue 19)', () => {
  let one: Awaited<ReturnType<typeof startTestServer>>;
  let two: TestServer;
  let baseUrl: string;
  let admin: TestUser;
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  let teamId: string;

  beforeAll(async () => {
    one = await startTestServer({ clock });
    two = await startTestServer({ clock, database: one.database, busChannel: one.busChannel });
    baseUrl = await one.listen();
    admin = await one.createUser('admin', 'Admin');
    alice = await one.createUser('regular', 'Alice');
    bob = await one.createUser('regular', 'Bob');
    carol = await one.createUser('regular', 'Carol');
    for (const u of [alice, bob, carol]) await goOnline(one, u);
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
      payload: {
        url: 'http://127.0.0.1:9/routing',
        events: ['conversation.unassigned', 'conversation.assigned'],
      },
    });
    expect(hook.statusCode, hook.body).toBe(201);
  });
  afterAll(async () => {
    await two?.charla.stop();
    await one?.close();
  });

  /** A visitor asks for a person; resolves with the conversation once the hand-off settled. */
  async function askForPerson(publicId: string) {
    const visitor = await connectVisitor(baseUrl);
    const conversationId = await startChat(visitor.client, publicId);
    await waitForQuestion(visitor.client, conversationId);
    const answered = await sendWithRef(visitor.client, {
      type: 'answer',
      conversationId,
      clientMsgId: newClientId(),
      answer: { kind: 'button', optionId: 'talk' },
    });
    expect(answered.type).not.toBe('error');
    await visitor.client.close();
    return one.charla.services.conversations.getRow(conversationId);
  }

  async function routedPlaybook(routing: TLiveChatRouting, language: 'en' | 'es' = 'en', offline?: string) {
    return createActivePlaybook(one, admin, {
      language,
      mutate: (doc) => {
        const nodes = (doc as { flow: { nodes: Record<string, unknown>[] } }).flow.nodes;
        for (const node of nodes)
          if (node.type === 'live_chat') {
            node.routing = routing;
            if (offline) node.offlineMessage = richTextFromPlain(offline);
          }
      },
    });
  }

  async function botSaid(conversationId: string): Promise<string[]> {
    const rows = await one.charla.services.database.db
      .selectFrom('messages')
      .select(['body', 'author_kind'])
      .where('conversation_id', '=', conversationId)
      .orderBy('seq')
      .execute();
    return rows
      .filter((r) => r.author_kind === 'bot')
      .map((r) => toPlainText(JSON.parse(r.body) as TRichText));
  }

  it('takes the offline path outside business hours with {{back_at}} in Spanish, even with users online', async () => {
    const put = await one.request({
      method: 'PUT',
      url: '/api/v1/admin/business-hours',
      as: admin,
      payload: HOURS,
    });
    expect(put.statusCode, put.body).toBe(200);
    const manual = { mode: 'manual', teamId: null, replyMinutes: null, whenOffline: false } as const;
    const { id, publicId } = await routedPlaybook(
      manual,
      'es',
      'Ahora estamos cerrados. Volvemos {{back_at}}.',
    );
    clock.set(at('2026-01-09T18:30')); // Friday evening; Monday 12 is a holiday.
    for (const u of [alice, bob, carol]) await one.charla.services.presence.connected(u.id);
    const row = await askForPerson(publicId);
    expect(row.status).toBe('bot');
    expect(await botSaid(row.id)).toContain('Ahora estamos cerrados. Volvemos el martes a las 9:00.');
    const status = await one.request({
      url: `/api/v1/business-hours/status?language=es&playbookId=${id}`,
      as: alice,
    });
    expect(status.json()).toMatchObject({ open: false, scope: 'company', backAt: 'el martes a las 9:00' });

    // The playbook's own hours (here: off) win over the company's: the chat waits in Unassigned.
    const own = await one.request({
      method: 'PUT',
      url: `/api/v1/admin/playbooks/${id}/business-hours`,
      as: admin,
      payload: { ...HOURS, enabled: false },
    });
    expect(own.statusCode, own.body).toBe(200);
    expect((await askForPerson(publicId)).status).toBe('waiting');
    const dropped = await one.request({
      method: 'DELETE',
      url: `/api/v1/admin/playbooks/${id}/business-hours`,
      as: admin,
    });
    expect(dropped.statusCode).toBe(204);
    expect((await askForPerson(publicId)).status).toBe('bot');
    clock.set(at('2026-01-13T10:00')); // Tuesday morning: open again.
    for (const u of [alice, bob, carol]) await one.charla.services.presence.connected(u.id);
    expect((await askForPerson(publicId)).status).toBe('waiting');
  });

  it('refuses bad schedules, teams and capacities with catalogue codes and changes nothing', async () => {
    const bad = [
      { ...HOURS, timeZone: 'Mars/Olympus' },
      { ...HOURS, week: { ...HOURS.week, mon: [{ from: '09:00', to: '09:00' }] } },
      { ...HOURS, week: { ...HOURS.week, mon: [{ from: '25:00', to: '09:00' }] } },
      { ...HOURS, closedDates: [{ date: '12/01/2026' }] },
    ];
    for (const payload of bad) {
      const res = await one.request({
        method: 'PUT',
        url: '/api/v1/admin/business-hours',
        as: admin,
        payload,
      });
      expect(res.json<{ error: { code: string } }>().error.code).toBe('VALIDATION_FAILED');
    }
    const forbidden = await one.request({
      method: 'PUT',
      url: '/api/v1/admin/business-hours',
      as: alice,
      payload: HOURS,
    });
    expect(forbidden.statusCode).toBe(403);
    expect((await one.request({ url: '/api/v1/business-hours', as: alice })).json()).toMatchObject({
      hours: HOURS,
    });

    const team = await one.request({
      method: 'POST',
      url: '/api/v1/admin/teams',
      as: admin,
      payload: { name: 'Ventas', memberIds: [alice.id, bob.id, alice.id] },
    });
    expect(team.statusCode, team.body).toBe(201);
    teamId = team.json<{ id: string }>().id;
    expect(team.json<{ memberIds: string[] }>().memberIds.sort()).toEqual([alice.id, bob.id].sort());
    const clash = await one.request({
      method: 'POST',
      url: '/api/v1/admin/teams',
      as: admin,
      payload: { name: 'ventas', memberIds: [] },
    });
    expect(clash.json<{ error: { code: string } }>().error.code).toBe('TEAM_NAME_TAKEN');
    const ghost = await one.request({
      method: 'POST',
      url: '/api/v1/admin/teams',
      as: admin,
      payload: { name: 'X', memberIds: ['nobody'] },
    });
    expect(ghost.json<{ error: { code: string } }>().error.code).toBe('USER_NOT_FOUND');
    const missing = await one.request({ method: 'DELETE', url: '/api/v1/admin/teams/nope', as: admin });
    expect(missing.json<{ error: { code: string } }>().error.code).toBe('TEAM_NOT_FOUND');
    const zero = await one.request({
      method: 'PUT',
      url: `/api/v1/admin/users/${alice.id}/capacity`,
      as: admin,
      payload: { capacity: 0 },
    });
    expect(zero.statusCode).toBe(422);
    expect((await one.request({ url: '/api/v1/teams', as: carol })).json()).toHaveLength(1);
  });

  it('assigns least-busy within the team up to each capacity; the rest waits, filterable by team', async () => {
    for (const [user, capacity] of [
      [alice, 1],
      [bob, 2],
    ] as const) {
      const res = await one.request({
        method: 'PUT',
        url: `/api/v1/admin/users/${user.id}/capacity`,
        as: admin,
        payload: { capacity },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const routing = { mode: 'least_busy', teamId, replyMinutes: 2, whenOffline: false } as const;
    const { publicId } = await routedPlaybook(routing);
    const delivered: { kind: string; conversationId: string; recipients: string[] }[] = [];
    const off = one.charla.services.events.on('notification.delivered', (n) => void delivered.push(n));
    const rows: Awaited<ReturnType<typeof askForPerson>>[] = [];
    for (let i = 0; i < 4; i += 1) rows.push(await askForPerson(publicId));
    const assignees = rows.map((r) => r.assignee_id);
    // Least-busy: the first two go one each; the third to Bob (Alice is full); the fourth waits.
    expect(new Set(assignees.slice(0, 2))).toEqual(new Set([alice.id, bob.id]));
    expect(assignees[2]).toBe(bob.id);
    expect(rows[3]).toMatchObject({ status: 'waiting', assignee_id: null, team_id: teamId });
    expect(assignees).not.toContain(carol.id); // not in the team
    const unassigned = await one.request({
      url: `/api/v1/conversations?folder=unassigned&teamId=${teamId}`,
      as: carol,
    });
    expect(unassigned.json<{ items: TConversationDto[] }>().items.map((c) => c.id)).toEqual([rows[3]!.id]);
    expect(unassigned.json<{ items: TConversationDto[] }>().items[0]?.routing?.team).toEqual({
      id: teamId,
      name: 'Ventas',
    });
    // The waiting chat's notice went to the team's members only (Carol is not in Ventas).
    for (let i = 0; i < 100 && !delivered.some((n) => n.conversationId === rows[3]!.id); i += 1)
      await new Promise((r) => setTimeout(r, 50));
    off();
    const notice = delivered.find(
      (n) => n.conversationId === rows[3]!.id && n.kind === 'conversation_unassigned',
    );
    expect(notice?.recipients.sort()).toEqual([alice.id, bob.id].sort());
    const mine = await one.request({ url: '/api/v1/conversations?folder=mine', as: alice });
    expect(mine.json<{ items: TConversationDto[] }>().items[0]?.routing?.watchdogDeadline).toBe(
      clock.now() + 2 * 60_000,
    );

    // Alice closes hers: the waiting chat goes to her on the next sweep (once, whoever sweeps).
    const aliceChat = rows.find((r) => r.assignee_id === alice.id)!;
    expect(
      (await one.request({ method: 'POST', url: `/api/v1/conversations/${aliceChat.id}/close`, as: alice }))
        .statusCode,
    ).toBe(200);
    const swept = await raceOrInTurn(
      [one, two].map((s) => () => s.charla.services.availability.router.sweepWaiting()),
    );
    expect(swept.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await one.charla.services.conversations.getRow(rows[3]!.id)).toMatchObject({
      status: 'assigned',
      assignee_id: alice.id,
    });
  });

  it('fires the reply watchdog once across two processes: timeline row, webhook with reason watchdog', async () => {
    const routing = { mode: 'manual', teamId: null, replyMinutes: 1, whenOffline: false } as const;
    const { publicId } = await routedPlaybook(routing);
    const answered = await askForPerson(publicId);
    const idle = await askForPerson(publicId);
    for (const row of [answered, idle]) {
      const taken = await one.request({
        method: 'POST',
        url: `/api/v1/conversations/${row.id}/assign`,
        as: carol,
      });
      expect(taken.statusCode, taken.body).toBe(200);
    }
    const reply = await one.request({
      method: 'POST',
      url: `/api/v1/conversations/${answered.id}/messages`,
      as: carol,
      payload: { clientMsgId: newClientId(), body: richTextFromPlain('Hola') },
    });
    expect(reply.statusCode, reply.body).toBe(201);
    clock.advance(60_000);
    await one.charla.services.presence.beat();
    const swept = await raceOrInTurn(
      [one, two, one, two].map((s) => () => s.charla.services.availability.router.sweepWatchdog()),
    );
    expect(swept.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await one.charla.services.conversations.getRow(answered.id)).toMatchObject({
      status: 'assigned',
      assignee_id: carol.id,
    });
    expect(await one.charla.services.conversations.getRow(idle.id)).toMatchObject({
      status: 'waiting',
      assignee_id: null,
      watchdog_deadline: null,
    });
    const db = one.charla.services.database.db;
    const events = (
      await db.selectFrom('messages').select('meta').where('conversation_id', '=', idle.id).execute()
    )
      .map((m) => (JSON.parse(m.meta ?? '{}') as { event?: { type: string } }).event)
      .filter((e) => e?.type === 'ownership_lapsed');
    expect(events).toEqual([
      { type: 'ownership_lapsed', fromUserId: carol.id, fromName: 'Carol', reason: 'no_reply', minutes: 1 },
    ]);
    const outbox = await db
      .selectFrom('webhook_deliveries')
      .select('body')
      .where('order_key', '=', idle.id)
      .where('event', '=', 'conversation.unassigned')
      .execute();
    expect(outbox).toHaveLength(1);
    expect(JSON.parse(outbox[0]!.body)).toMatchObject({
      data: {
        reason: 'watchdog',
        watchdog: { cause: 'no_reply', fromUserId: carol.id },
        conversation: { id: idle.id, status: 'waiting' },
      },
    });
  });
});
