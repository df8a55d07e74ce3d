import { randomBytes } from 'node:crypto';
import type { TAgentServerFrame, TLiveChatRouting, TVisitorServerFrame } from '@charla/protocol';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLUSTER_ADMIN, clusterHelpers } from '../../test/cluster-setup';
import {
  api,
  createPostgresDatabase,
  freePort,
  loginCookie,
  startServerProcess,
  type ServerProcess,
} from '../../test/server-process';
import { connectAgent, connectVisitor, newClientId, type FrameClient } from '../../test/visitor-client';

const PUBLIC_URL = 'http://charla.routing';
const { createAgent } = clusterHelpers(PUBLIC_URL);

type Db = Awaited<ReturnType<typeof createPostgresDatabase>>;

/** Polls until `check` holds (a state to reach, not a duration to assert). */
async function eventually(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('state not reached in time');
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Issue 19 across real processes on PostgreSQL + Redis: automatic assignment under a burst of
 * arrivals (no user over capacity, no chat assigned twice) and the ownership watchdog after a
 * kill -9 of the process that assigned the chat (fires once, from another process).
 */
describe('routing across server processes', () => {
  let db: Db;
  let sql: pg.Client;
  let procs: ServerProcess[];
  let adminCookie: string;
  const channel = `charla:mp:${randomBytes(4).toString('hex')}`;

  async function start(): Promise<ServerProcess> {
    // 200 visitors connect from one address in a burst: past a real visitor's per-address limits.
    const env = { CHARLA_RATE_LIMIT_MULTIPLIER: '20' };
    return startServerProcess({
      databaseUrl: db.url,
      publicUrl: PUBLIC_URL,
      port: await freePort(),
      channel,
      env,
    });
  }

  /** A Live chat playbook whose card has this routing and a long wait; active and embedded. */
  async function routedPlaybook(base: string, routing: TLiveChatRouting): Promise<string> {
    type Created = {
      id: string;
      publicId: string;
      revision: number;
      document: { flow: { nodes: Record<string, unknown>[] } };
    };
    const created = await api<Created>(
      base,
      adminCookie,
      'POST',
      '/api/v1/playbooks',
      { name: 'Routed', templateId: 'live_chat', language: 'en' },
      PUBLIC_URL,
    );
    const document = created.body.document;
    for (const node of document.flow.nodes)
      if (node.type === 'live_chat') Object.assign(node, { waitSeconds: 600, routing });
    const path = `/api/v1/playbooks/${created.body.id}`;
    const saved = await api(
      base,
      adminCookie,
      'PUT',
      path,
      { document, expectedRevision: created.body.revision },
      PUBLIC_URL,
    );
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect((await api(base, adminCookie, 'POST', `${path}/activate`, undefined, PUBLIC_URL)).status).toBe(
      200,
    );
    await fetch(
      `${base}/api/v1/widget/config/${created.body.publicId}?pageUrl=${encodeURIComponent('https://shop.example/')}`,
      {
        headers: { origin: 'https://shop.example' },
      },
    );
    return created.body.publicId;
  }

  /** A visitor asks for a person; resolves once the hand-off left the bot (waiting or assigned). */
  async function arrive(base: string, publicId: string): Promise<{ close(): Promise<void>; id: string }> {
    const visitor = await connectVisitor(base);
    visitor.client.send({ type: 'start', ref: 'st', playbookId: publicId, startKey: newClientId() });
    const conv = await visitor.client.waitFor(
      (f): f is Extract<TVisitorServerFrame, { type: 'conversation' }> =>
        f.type === 'conversation' && f.ref === 'st',
      60_000,
    );
    const id = conv.conversation.id;
    await visitor.client.waitFor(
      (f) => f.type === 'message' && f.message.interaction?.kind === 'buttons',
      60_000,
    );
    visitor.client.send({
      type: 'answer',
      ref: 'talk',
      conversationId: id,
      clientMsgId: newClientId(),
      answer: { kind: 'button', optionId: 'talk' },
    });
    await visitor.client.waitFor((f) => (f.type === 'ack' || f.type === 'error') && f.ref === 'talk', 60_000);
    return { id, close: () => visitor.client.close() };
  }

  beforeAll(async () => {
    db = await createPostgresDatabase();
    procs = [];
    for (let i = 0; i < 3; i += 1) procs.push(await start());
    adminCookie = await loginCookie(procs[0]!.baseUrl, CLUSTER_ADMIN.email, CLUSTER_ADMIN.password);
    sql = new pg.Client({ connectionString: db.url });
    await sql.connect();
  }, 300_000);
  afterAll(async () => {
    await sql?.end();
    for (const p of procs ?? []) await p.kill();
    await db?.drop();
  });

  it('assigns 200 simultaneous arrivals on 3 processes: nobody over capacity, no chat assigned twice', async () => {
    const capacities = [2, 3, 5, 8, 12];
    const agents = [];
    const sockets: FrameClient<TAgentServerFrame>[] = [];
    for (const [i, capacity] of capacities.entries()) {
      const base = procs[i % 3]!.baseUrl;
      const agent = await createAgent(base, adminCookie, `Agent ${i}`);
      const set = await api(
        base,
        adminCookie,
        'PUT',
        `/api/v1/admin/users/${agent.id}/capacity`,
        { capacity },
        PUBLIC_URL,
      );
      expect(set.status, JSON.stringify(set.body)).toBe(200);
      sockets.push(await connectAgent(base, agent.cookie, PUBLIC_URL));
      agents.push({ ...agent, capacity });
    }
    const publicId = await routedPlaybook(procs[0]!.baseUrl, {
      mode: 'least_busy',
      teamId: null,
      replyMinutes: null,
      whenOffline: false,
    });

    const arrivals = await Promise.all(
      Array.from({ length: 200 }, (_, i) => arrive(procs[i % 3]!.baseUrl, publicId)),
    );
    const slots = capacities.reduce((a, b) => a + b, 0);
    const assignedCount = async () =>
      Number(
        (await sql.query<{ n: string }>(`select count(*) as n from conversations where status = 'assigned'`))
          .rows[0]?.n,
      );
    // Every slot fills (at once or by a process's next routing sweep); none more.
    await eventually(async () => (await assignedCount()) >= slots, 120_000);

    const perUser = await sql.query<{ assignee_id: string; n: string }>(
      `select assignee_id, count(*) as n from conversations where status = 'assigned' group by assignee_id`,
    );
    for (const agent of agents) {
      const n = Number(perUser.rows.find((r) => r.assignee_id === agent.id)?.n ?? 0);
      expect(n, `agent with capacity ${agent.capacity}`).toBe(agent.capacity);
    }
    const states = await sql.query<{ status: string; n: string }>(
      `select status, count(*) as n from conversations where id = any($1) group by status`,
      [arrivals.map((a) => a.id)],
    );
    expect(Object.fromEntries(states.rows.map((r) => [r.status, Number(r.n)]))).toEqual({
      assigned: slots,
      waiting: 200 - slots,
    });
    // No chat was assigned twice: at most one `joined` row each, exactly one on the assigned ones.
    const joined = await sql.query<{ conversation_id: string; n: string }>(
      `select conversation_id, count(*) as n from messages where meta like '%"type":"joined"%' group by conversation_id`,
    );
    expect(joined.rows.filter((r) => Number(r.n) !== 1)).toEqual([]);
    expect(joined.rows).toHaveLength(slots);
    await Promise.all([...arrivals.map((a) => a.close()), ...sockets.map((s) => s.close())]);
    // These agents go offline so the next test's picks are its own.
    for (const agent of agents)
      await api(procs[0]!.baseUrl, agent.cookie, 'PUT', '/api/v1/me/online', { online: false }, PUBLIC_URL);
  }, 600_000);

  it('gives a chat back once, from another process, when the process that assigned it is killed (-9)', async () => {
    const [a, b] = procs as [ServerProcess, ServerProcess];
    const hook = await api(
      a.baseUrl,
      adminCookie,
      'PUT',
      '/api/v1/admin/settings/webhooks',
      { allowPrivateWebhookTargets: true },
      PUBLIC_URL,
    );
    expect(hook.status).toBe(200);
    const created = await api(
      a.baseUrl,
      adminCookie,
      'POST',
      '/api/v1/admin/webhooks',
      { url: 'http://127.0.0.1:9/x', events: ['conversation.unassigned'] },
      PUBLIC_URL,
    );
    expect(created.status).toBe(201);
    const c = await start();
    procs.push(c);
    const dave = await createAgent(c.baseUrl, adminCookie, 'Dave');
    const daveSocket = await connectAgent(c.baseUrl, dave.cookie, PUBLIC_URL);
    const erin = await createAgent(b.baseUrl, adminCookie, 'Erin');
    const erinSocket = await connectAgent(b.baseUrl, erin.cookie, PUBLIC_URL);
    const publicId = await routedPlaybook(a.baseUrl, {
      mode: 'manual',
      teamId: null,
      replyMinutes: null,
      whenOffline: true,
    });
    const chat = await arrive(a.baseUrl, publicId);
    const taken = await api(
      c.baseUrl,
      dave.cookie,
      'POST',
      `/api/v1/conversations/${chat.id}/assign`,
      undefined,
      PUBLIC_URL,
    );
    expect(taken.status, JSON.stringify(taken.body)).toBe(200);

    await c.kill('SIGKILL');
    void daveSocket.close().catch(() => undefined);
    // Dave's presence goes stale on its own; a surviving process's watchdog gives the chat back.
    const lapsedRows = () =>
      sql.query<{ meta: string }>(
        `select meta from messages where conversation_id = $1 and meta like '%"ownership_lapsed"%'`,
        [chat.id],
      );
    await eventually(async () => (await lapsedRows()).rows.length > 0, 120_000);
    const seen = await erinSocket.waitFor(
      (f) =>
        f.type === 'conversation' &&
        f.conversation.id === chat.id &&
        f.conversation.assignee === null &&
        f.conversation.status === 'waiting' &&
        f.conversation.lastSeq > (taken.body as { lastSeq: number }).lastSeq,
      30_000,
    );
    expect(seen.type).toBe('conversation');
    // Let every process sweep a few more times: it must not fire again.
    await new Promise((r) => setTimeout(r, 5_000));
    const lapses = await lapsedRows();
    expect(lapses.rows.map((r) => (JSON.parse(r.meta) as { event: unknown }).event)).toEqual([
      {
        type: 'ownership_lapsed',
        fromUserId: dave.id,
        fromName: 'Dave',
        reason: 'assignee_offline',
        minutes: null,
      },
    ]);
    const outbox = await sql.query<{ body: string }>(
      `select body from webhook_deliveries where order_key = $1 and event = 'conversation.unassigned'`,
      [chat.id],
    );
    expect(outbox.rows).toHaveLength(1);
    expect(JSON.parse(outbox.rows[0]!.body)).toMatchObject({
      data: { reason: 'watchdog', watchdog: { cause: 'assignee_offline', fromUserId: dave.id } },
    });
    await Promise.all([chat.close(), erinSocket.close()]);
  }, 300_000);
});
