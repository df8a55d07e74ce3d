import { describe, expect, it } from 'vitest';
import { buildFacts } from './conversation-facts';
import {
  csatFigures,
  factsByDay,
  funnelOf,
  isInFigure,
  requestHeatmap,
  speedByUser,
  speedFigures,
  volumeCounts,
} from './figures';
import { buildDataset } from './report-dataset.fixture';
import { localDays } from './zoned-days';

const users = { alice: 'u-alice', bob: 'u-bob', carol: 'u-carol', dave: 'u-dave' };
const facts = buildFacts(buildDataset(users));
const days = localDays('2026-03-10', '2026-03-30', 'Europe/Madrid');
const S = 1000;
const ids = (figure: keyof typeof isInFigure) => facts.filter(isInFigure[figure]).map((f) => f.id);

describe('report figures on a hand-built month (Europe/Madrid)', () => {
  it('counts volume once per conversation, whatever happened to it', () => {
    expect(volumeCounts(facts)).toEqual({
      started: 6,
      botOnly: 1,
      requests: 4,
      assigned: 3,
      missed: 1,
      missedRate: 0.25,
      closed: 4,
    });
    expect(ids('missed')).toEqual(['c-missed']);
    expect(ids('assigned')).toEqual(['c-reassigned', 'c-midnight', 'c-dst']);
    expect(ids('offline')).toEqual(['c-after-dst']);
  });

  it('puts each conversation on the Madrid day it started: midnight and the 23-hour DST day', () => {
    const byDay = factsByDay(facts, days);
    const on = (date: string) => byDay[days.dates.indexOf(date)]?.map((f) => f.id);
    expect(on('2026-03-10')).toEqual(['c-bot', 'c-reassigned', 'c-midnight']);
    expect(on('2026-03-11')).toEqual(['c-missed']);
    expect(on('2026-03-29')).toEqual(['c-dst']);
    expect(on('2026-03-30')).toEqual(['c-after-dst']);
    expect(byDay.flat()).toHaveLength(6);
  });

  it('maps requests to local weekday × hour (Tuesday 23:00 for the midnight chat, Sunday 03:00 CEST on the DST day)', () => {
    const grid = requestHeatmap(facts, days);
    expect(grid[1]?.[13]).toBe(1); // c-reassigned asked 13:00 Madrid on Tuesday
    expect(grid[1]?.[23]).toBe(1); // c-midnight asked 23:55
    expect(grid[2]?.[10]).toBe(1); // c-missed, Wednesday 10:00
    expect(grid[6]?.[2]).toBe(0); // 02:xx does not exist that Sunday
    expect(grid[6]?.[3]).toBe(1); // c-dst asked 01:30 UTC = 03:30 CEST
    expect(grid.flat().reduce((a, b) => a + b, 0)).toBe(4);
  });

  it('measures speed from the request: first assignment, first reply after it, close', () => {
    expect(speedFigures(facts)).toEqual({
      // c-reassigned 60 s, c-midnight 15 min, c-dst 45 s
      timeToAssign: { count: 3, p50: 60 * S, p90: 15 * 60 * S },
      // c-reassigned 120 s (Alice), c-midnight 20 min; the follow-up on the missed chat is no response
      firstResponse: { count: 2, p50: 120 * S, p90: 20 * 60 * S },
      // c-reassigned 600 s, c-midnight 35 min; c-dst is still open
      resolution: { count: 2, p50: 600 * S, p90: 35 * 60 * S },
    });
  });

  it('gives each user the chats they had, and each duration to who took, answered or closed it', () => {
    const byUser = Object.fromEntries(speedByUser(facts).map((u) => [u.userId, u]));
    expect(Object.keys(byUser).sort()).toEqual(['u-alice', 'u-bob', 'u-carol', 'u-dave']);
    expect(byUser['u-alice']).toMatchObject({
      handled: 2,
      timeToAssign: { count: 2, p50: 45 * S, p90: 60 * S },
      firstResponse: { count: 1, p50: 120 * S },
      resolution: { count: 0, p50: null },
    });
    expect(byUser['u-carol']).toMatchObject({
      handled: 1,
      timeToAssign: { count: 0 },
      firstResponse: { count: 0 },
    });
    expect(byUser['u-dave']).toMatchObject({ handled: 1, resolution: { count: 1, p50: 600 * S } });
    expect(byUser['u-bob']).toMatchObject({ handled: 2, resolution: { count: 1, p50: 35 * 60 * S } });
  });

  it('builds the funnel per playbook with leads, deals and their value', () => {
    const sales = facts.filter((f) => f.playbookId === 'pb-sales');
    expect(funnelOf(sales)).toEqual({
      started: 4,
      reachedLiveChat: 4,
      assigned: 3,
      missed: 1,
      offline: 0,
      withLead: 1,
      withDeal: 2,
      dealValue: [{ currency: 'EUR', amountMinor: 152_500 }],
    });
    expect(funnelOf(facts.filter((f) => f.playbookId === 'pb-support'))).toMatchObject({
      started: 2,
      reachedLiveChat: 1,
      offline: 1,
      withLead: 1,
    });
  });

  it('averages satisfaction and counts its distribution', () => {
    expect(csatFigures(facts)).toEqual({
      count: 3,
      average: 10 / 3,
      satisfiedRate: 2 / 3,
      distribution: [1, 0, 0, 1, 1],
    });
    expect(csatFigures([])).toEqual({
      count: 0,
      average: null,
      satisfiedRate: null,
      distribution: [0, 0, 0, 0, 0],
    });
  });
});
