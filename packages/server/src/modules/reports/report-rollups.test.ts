import type { TOutcomesReportDto, TSpeedReportDto, TVolumeReportDto } from '@charla/protocol';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backfill } from '../../db/migrations/0024-report-rollups';
import { startTestServer, type TestServer, type TestUser } from '../../test/harness';
import { buildFacts, type ConversationFact } from './conversation-facts';
import { funnelOf, speedFigures, volumeCounts } from './figures';
import { buildDataset, type Dataset } from './report-dataset.fixture';
import { seedReportDataset } from './report-seed.fixture';
import { rollupDeltas } from './rollup-deltas';
import { forgetReportFacts } from './report-rollups.store';

// The rollups (migration 0024) kept by the facts' transaction equal the GROUP BY of report_facts
// the migration backfills them with, after later changes too; the team filter (rollups for
// whole-hour zones, report_facts for Kathmandu's +5:45) gives the pure figures of the team's chats.
const RANGE = 'from=2026-03-10&to=2026-03-30';

describe('report rollups and the team filter', () => {
  let server: TestServer;
  let admin: TestUser;
  let alice: TestUser;
  let data: Dataset;
  let teamId: string;
  let teamFacts: ConversationFact[];

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.createUser('admin', 'Ada Admin');
    alice = await server.createUser('regular', 'Alice');
    const bob = await server.createUser('regular', 'Bob');
    const carol = await server.createUser('regular', 'Carol');
    const dave = await server.createUser('regular', 'Dave');
    data = buildDataset({ alice: alice.id, bob: bob.id, carol: carol.id, dave: dave.id });
    await seedReportDataset(server, admin, data);
    // The stored rows exist before the team is set: the change must move the rollups.
    await get<TVolumeReportDto>(`volume?${RANGE}&timeZone=Europe/Madrid`);
    const res = await server.request({
      method: 'POST',
      url: '/api/v1/admin/teams',
      as: admin,
      payload: { name: 'Sales', memberIds: [alice.id] },
    });
    expect(res.statusCode, res.body).toBe(201);
    teamId = res.json<{ id: string }>().id;
    const inTeam = ['c-reassigned', 'c-midnight', 'c-bot'];
    await server.charla.services.database.db
      .updateTable('conversations')
      .set({ team_id: teamId, updated_at: Date.now() })
      .where('id', 'in', inTeam)
      .execute();
    teamFacts = buildFacts(data).filter((f) => inTeam.includes(f.id));
  });
  afterAll(() => server.close());

  async function get<T>(path: string, as: TestUser = admin): Promise<T> {
    const res = await server.request({ url: `/api/v1/reports/${path}`, as });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<T>();
  }

  async function rollupTables() {
    const db = server.charla.services.database.db;
    const sorted = <T>(rows: T[]) =>
      rows
        .map((r) =>
          JSON.stringify(Object.fromEntries(Object.entries(r as object).map(([k, v]) => [k, String(v)]))),
        )
        .sort();
    return {
      volume: sorted(await db.selectFrom('report_rollups').selectAll().where('started', '<>', 0).execute()),
      requests: sorted(
        await db.selectFrom('report_request_rollups').selectAll().where('n', '<>', 0).execute(),
      ),
      durations: sorted(
        await db.selectFrom('report_duration_rollups').selectAll().where('n', '<>', 0).execute(),
      ),
    };
  }

  it('keeps the rollups equal to the sums of the stored rows, and the backfill gives the same', async () => {
    await get<TVolumeReportDto>(`volume?${RANGE}&timeZone=Europe/Madrid`);
    const db = server.charla.services.database.db;
    const facts = await db.selectFrom('report_facts').selectAll().execute();
    const users = await db.selectFrom('report_fact_users').selectAll().execute();
    expect(facts.filter((f) => f.team_id === teamId)).toHaveLength(3);
    const expected = rollupDeltas(
      facts.map((f) => ({
        before: null,
        after: {
          fact: f,
          users: users.filter((u) => u.conversation_id === f.conversation_id).map((u) => u.user_id),
        },
      })),
    );
    const sorted = <T>(rows: T[]) =>
      rows
        .map((r) =>
          JSON.stringify(Object.fromEntries(Object.entries(r as object).map(([k, v]) => [k, String(v)]))),
        )
        .sort();
    const maintained = await rollupTables();
    expect(maintained.volume.length).toBeGreaterThan(0);
    expect(maintained.durations.length).toBeGreaterThan(0);
    expect(maintained).toEqual({
      volume: sorted(expected.volume),
      requests: sorted(expected.requests),
      durations: sorted(expected.durations),
    });
    for (const table of ['report_rollups', 'report_request_rollups', 'report_duration_rollups'] as const)
      await db.deleteFrom(table).execute();
    await backfill(db as unknown as Kysely<unknown>);
    expect(await rollupTables()).toEqual(maintained);
  });

  it.each(['Europe/Madrid', 'Asia/Kathmandu'])('filters every report by team (%s)', async (timeZone) => {
    const q = `${RANGE}&timeZone=${timeZone}&teamId=${teamId}`;
    const volume = await get<TVolumeReportDto>(`volume?${q}`);
    expect(volume.totals).toEqual(volumeCounts(teamFacts));
    expect(volume.totals.started).toBe(3);
    const speed = await get<TSpeedReportDto>(`speed?${q}`);
    expect(speed.totals).toEqual(speedFigures(teamFacts));
    const outcomes = await get<TOutcomesReportDto>(`outcomes?${q}`);
    const started = Object.fromEntries(outcomes.funnel.map((f) => [String(f.playbookId), f.started]));
    const expected = Object.fromEntries(
      [...new Set(teamFacts.map((f) => f.playbookId))].map((id) => [
        String(id),
        funnelOf(teamFacts.filter((f) => f.playbookId === id)).started,
      ]),
    );
    expect(started).toEqual(expected);
    const mine = await get<TVolumeReportDto>(`volume?${q}`, alice);
    expect(mine.totals).toEqual(volumeCounts(teamFacts.filter((f) => f.userIds.includes(alice.id))));
  });

  it('refuses an unknown team with 404 TEAM_NOT_FOUND', async () => {
    const res = await server.request({
      url: `/api/v1/reports/volume?${RANGE}&teamId=nope`,
      as: admin,
    });
    expect(res.statusCode).toBe(404);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('TEAM_NOT_FOUND');
  });

  it('takes erased conversations out of the rollups', async () => {
    const db = server.charla.services.database.db;
    await db.transaction().execute((trx) => forgetReportFacts(trx, ['c-reassigned']));
    const after = await rollupTables();
    await db.deleteFrom('report_rollups').execute();
    await db.deleteFrom('report_request_rollups').execute();
    await db.deleteFrom('report_duration_rollups').execute();
    await backfill(db as unknown as Kysely<unknown>);
    expect(after).toEqual(await rollupTables());
    expect(
      await db
        .selectFrom('report_facts')
        .select('conversation_id')
        .where('conversation_id', '=', 'c-reassigned')
        .execute(),
    ).toEqual([]);
  });
});
