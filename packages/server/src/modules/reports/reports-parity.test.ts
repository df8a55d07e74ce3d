import type { TOutcomesReportDto, TSpeedReportDto, TVolumeReportDto } from '@charla/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../../test/harness';
import { buildFacts, type ConversationFact } from './conversation-facts';
import { funnelOf, isInFigure, speedByUser, speedFigures, volumeCounts } from './figures';
import { buildDataset, type Dataset } from './report-dataset.fixture';
import { seedReportDataset } from './report-seed.fixture';

// The stored rows (report_facts) and their SQL sums must give exactly the pure definitions of
// figures.ts, on SQLite and on PostgreSQL (this file runs on both), for every scope.
const RANGE = 'from=2026-03-10&to=2026-03-30&timeZone=Europe/Madrid';

describe('stored report figures equal their definitions', () => {
  let server: TestServer;
  let admin: TestUser;
  let alice: TestUser;
  let data: Dataset;
  let facts: ConversationFact[];

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.createUser('admin', 'Ada Admin');
    alice = await server.createUser('regular', 'Alice');
    const bob = await server.createUser('regular', 'Bob');
    const carol = await server.createUser('regular', 'Carol');
    const dave = await server.createUser('regular', 'Dave');
    data = buildDataset({ alice: alice.id, bob: bob.id, carol: carol.id, dave: dave.id });
    await seedReportDataset(server, admin, data);
    facts = buildFacts(data);
  });
  afterAll(() => server.close());

  const get = async <T>(path: string, as: TestUser = admin): Promise<T> => {
    const res = await server.request({ url: `/api/v1/reports/${path}`, as });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<T>();
  };

  it('per user: speed of each user, and a regular user’s own totals', async () => {
    const speed = await get<TSpeedReportDto>(`speed?${RANGE}`);
    const expected = speedByUser(facts);
    for (const u of speed.users) {
      const { userId: _id, ...figures } = expected.find((e) => e.userId === u.userId) ?? {};
      expect({ ...u, name: undefined, userId: undefined }).toEqual({
        ...figures,
        name: undefined,
        userId: undefined,
      });
    }
    expect(speed.users).toHaveLength(expected.length);
    const own = facts.filter((f) => f.userIds.includes(alice.id));
    expect((await get<TVolumeReportDto>(`volume?${RANGE}`, alice)).totals).toEqual(volumeCounts(own));
    expect((await get<TSpeedReportDto>(`speed?${RANGE}`, alice)).totals).toEqual(speedFigures(own, alice.id));
  });

  it('per playbook: the funnel rows and a filtered volume', async () => {
    const outcomes = await get<TOutcomesReportDto>(`outcomes?${RANGE}`);
    for (const row of outcomes.funnel) {
      // No visitor opened a widget in this dataset (widget-opens.test.ts covers that stage).
      const { playbookId, name: _name, opened, openedPrevious, ...figures } = row;
      expect([opened, openedPrevious]).toEqual([0, 0]);
      expect(figures).toEqual(funnelOf(facts.filter((f) => f.playbookId === playbookId)));
    }
    const sales = await get<TVolumeReportDto>(`volume?${RANGE}&playbookId=pb-sales`);
    expect(sales.totals).toEqual(volumeCounts(facts.filter((f) => f.playbookId === 'pb-sales')));
  });

  it('follows the conversations: a later offline event and a close show up in the next report', async () => {
    const db = server.charla.services.database.db;
    const before = await get<TVolumeReportDto>(`volume?${RANGE}`);
    const bot = facts.find((f) => f.id === 'c-bot') as ConversationFact;
    expect(isInFigure.offline(bot)).toBe(false);
    await db
      .insertInto('messages')
      .values({
        id: 'c-bot-offline',
        conversation_id: 'c-bot',
        seq: 99,
        author_kind: 'system',
        author_id: null,
        author_name: 'Charla',
        author_avatar_url: null,
        client_msg_id: null,
        body: '{"type":"doc","content":[]}',
        meta: JSON.stringify({ event: { type: 'offline' } }),
        created_at: bot.createdAt + 60_000,
      })
      .execute();
    await db.updateTable('conversations').set({ updated_at: Date.now() }).where('id', '=', 'c-bot').execute();
    const after = await get<TVolumeReportDto>(`volume?${RANGE}`);
    expect(after.totals.botOnly).toBe(before.totals.botOnly - 1);
    const offline = await get<Array<{ id: string }>>(`conversations?${RANGE}&figure=offline`);
    expect(offline.map((c) => c.id)).toContain('c-bot');
  });
});
