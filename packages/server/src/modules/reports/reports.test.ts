import type {
  TOutcomesReportDto,
  TReportConversationDto,
  TSpeedReportDto,
  TVolumeReportDto,
} from '@charla/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../../test/harness';
import { buildFacts } from './conversation-facts';
import { csatFigures, speedFigures, volumeCounts } from './figures';
import { buildDataset, type Dataset } from './report-dataset.fixture';
import { seedReportDataset } from './report-seed.fixture';

const RANGE = 'from=2026-03-10&to=2026-03-30&timeZone=Europe/Madrid';

describe('reports over the real database', () => {
  let server: TestServer;
  let admin: TestUser;
  let alice: TestUser;
  let data: Dataset;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.createUser('admin', 'Ada Admin');
    alice = await server.createUser('regular', 'Alice');
    const bob = await server.createUser('regular', 'Bob');
    const carol = await server.createUser('regular', 'Carol');
    const dave = await server.createUser('regular', 'Dave');
    data = buildDataset({ alice: alice.id, bob: bob.id, carol: carol.id, dave: dave.id });
    await seedReportDataset(server, admin, data);
  });
  afterAll(() => server.close());

  const get = async <T>(path: string, as: TestUser = admin): Promise<T> => {
    const res = await server.request({ url: `/api/v1/reports/${path}`, as });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<T>();
  };

  it('answers the same volume as the pure figures, day by Madrid day', async () => {
    const volume = await get<TVolumeReportDto>(`volume?${RANGE}`);
    expect(volume.totals).toEqual(volumeCounts(buildFacts(data)));
    expect(volume.totals).toMatchObject({
      started: 6,
      requests: 4,
      assigned: 3,
      missed: 1,
      missedRate: 0.25,
    });
    expect(volume.days).toHaveLength(21);
    const day = (date: string) => volume.days.find((d) => d.date === date)?.started;
    expect([day('2026-03-10'), day('2026-03-11'), day('2026-03-29'), day('2026-03-30')]).toEqual([
      3, 1, 1, 1,
    ]);
    expect(volume.previousRange).toEqual({ from: '2026-02-17', to: '2026-03-09', timeZone: 'Europe/Madrid' });
    expect(volume.previous.started).toBe(0);
    expect(volume.heatmap[1]?.[23]).toBe(1);
    expect(volume.heatmap[6]?.[3]).toBe(1);
  });

  it('answers speed and outcomes from the stored timelines', async () => {
    const speed = await get<TSpeedReportDto>(`speed?${RANGE}`);
    expect(speed.totals).toEqual(speedFigures(buildFacts(data)));
    expect(speed.users.map((u) => [u.name, u.handled])).toEqual([
      ['Alice', 2],
      ['Bob', 2],
      ['Carol', 1],
      ['Dave', 1],
    ]);
    const outcomes = await get<TOutcomesReportDto>(`outcomes?${RANGE}`);
    expect(outcomes.csat).toEqual(csatFigures(buildFacts(data)));
    expect(outcomes.funnel.find((f) => f.name === 'Sales')).toMatchObject({
      started: 4,
      withLead: 1,
      withDeal: 2,
      dealValue: [{ currency: 'EUR', amountMinor: 152_500 }],
    });
    expect(outcomes.comments.map((c) => c.comment)).toEqual(['Late but fine', 'Dave sorted it']);
  });

  it('lists exactly the conversations behind a figure, also per day', async () => {
    const missed = await get<TReportConversationDto[]>(`conversations?${RANGE}&figure=missed`);
    expect(missed.map((c) => c.id)).toEqual(['c-missed']);
    const tuesday = await get<TReportConversationDto[]>(
      `conversations?${RANGE}&figure=started&date=2026-03-10`,
    );
    expect(tuesday.map((c) => c.id)).toEqual(['c-bot', 'c-reassigned', 'c-midnight']);
    const support = await get<TReportConversationDto[]>(
      `conversations?${RANGE}&figure=started&playbookId=pb-support`,
    );
    expect(support.map((c) => c.id)).toEqual(['c-bot', 'c-after-dst']);
  });

  it('shows a regular user only their own figures, and refuses someone else’s', async () => {
    const own = await get<TVolumeReportDto>(`volume?${RANGE}`, alice);
    expect(own.totals).toMatchObject({ started: 2, assigned: 2, missed: 0 });
    const speed = await get<TSpeedReportDto>(`speed?${RANGE}`, alice);
    expect(speed.users.map((u) => u.name)).toEqual(['Alice']);
    const other = await server.request({
      url: `/api/v1/reports/volume?${RANGE}&userId=${admin.id}`,
      as: alice,
    });
    expect(other.statusCode).toBe(403);
    const list = await get<TReportConversationDto[]>(`conversations?${RANGE}&figure=started`, alice);
    expect(list.map((c) => c.id)).toEqual(['c-reassigned', 'c-dst']);
  });

  it('refuses bad ranges and anonymous callers with codes', async () => {
    const backwards = await server.request({
      url: '/api/v1/reports/volume?from=2026-03-10&to=2026-03-01',
      as: admin,
    });
    expect(backwards.json<{ error: { code: string } }>().error.code).toBe('REPORT_RANGE_INVALID');
    const huge = await server.request({
      url: '/api/v1/reports/volume?from=2020-01-01&to=2026-01-01',
      as: admin,
    });
    expect(huge.statusCode).toBe(422);
    const zone = await server.request({
      url: '/api/v1/reports/volume?from=2026-03-01&to=2026-03-02&timeZone=Mars/Base',
      as: admin,
    });
    expect(zone.json<{ error: { code: string } }>().error.code).toBe('VALIDATION_FAILED');
    expect((await server.request({ url: `/api/v1/reports/volume?${RANGE}` })).statusCode).toBe(401);
  });

  it('exports each table as CSV', async () => {
    const res = await server.request({ url: `/api/v1/reports/export/days?${RANGE}`, as: admin });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.trim().split('\r\n');
    expect(lines[0]).toBe('date,started,bot_only,live_chat_requests,assigned,missed,missed_rate,closed');
    expect(lines).toContain('2026-03-11,1,0,1,0,1,1,1');
    expect(lines).toHaveLength(22);
    const comments = await server.request({ url: `/api/v1/reports/export/comments?${RANGE}`, as: admin });
    expect(comments.body).toContain('Dave sorted it');
    const unknown = await server.request({ url: `/api/v1/reports/export/secrets?${RANGE}`, as: admin });
    expect(unknown.statusCode).toBe(422);
  });
});
