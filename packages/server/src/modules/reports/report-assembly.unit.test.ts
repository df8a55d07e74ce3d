import { describe, expect, it } from 'vitest';
import { buildFacts } from './conversation-facts';
import { factRow } from './fact-row';
import { csatFigures, factsByDay, requestHeatmap, speedFigures, volumeCounts } from './figures';
import { csatFrom, heatmapFrom, speedFrom, statsFrom, volumeFrom, type SpeedRows } from './report-assembly';
import { buildDataset } from './report-dataset.fixture';
import { BUCKET_MS, speedOwner, type PercentileRow, type SpeedMetric } from './reports.store';
import { localDays } from './zoned-days';

// The stored path (one row per conversation → sums per 15-minute bucket → local days) must give
// the same answers as the definitions in figures.ts. Here the SQL is replayed in plain code.
const users = { alice: 'u-alice', bob: 'u-bob', carol: 'u-carol', dave: 'u-dave' };
const data = buildDataset(users);
const facts = buildFacts(data);
const rows = facts.map((f) => factRow(f, 0));
const days = localDays('2026-03-10', '2026-03-30', 'Europe/Madrid');

function buckets() {
  const map = new Map<
    number,
    {
      bucket: number;
      started: number;
      botOnly: number;
      requests: number;
      assigned: number;
      missed: number;
      closed: number;
    }
  >();
  for (const r of rows) {
    const bucket = Math.floor(r.created_at / BUCKET_MS);
    const b = map.get(bucket) ?? {
      bucket,
      started: 0,
      botOnly: 0,
      requests: 0,
      assigned: 0,
      missed: 0,
      closed: 0,
    };
    b.started += 1;
    b.botOnly += r.bot_only;
    b.requests += r.requested;
    b.assigned += r.assigned;
    b.missed += r.missed;
    b.closed += r.closed;
    map.set(bucket, b);
  }
  return [...map.values()];
}

/** What the window-function query returns: the rows at ranks ceil(50n/100) and ceil(90n/100). */
function picks(metric: SpeedMetric): PercentileRow[] {
  const values = rows.flatMap((r) =>
    r[metric] === null ? [] : [{ owner: r[speedOwner[metric]], ms: r[metric] }],
  );
  const ranked = (list: typeof values, owner: string | null) => {
    const sorted = [...list].sort((a, b) => a.ms - b.ms);
    const n = sorted.length;
    const ranks = new Set([Math.ceil((50 * n) / 100), Math.ceil((90 * n) / 100)]);
    return [...ranks].map((rank) => ({ owner, n, rank, ms: (sorted[rank - 1] as { ms: number }).ms }));
  };
  const owners = new Set(values.flatMap((v) => (v.owner ? [v.owner] : [])));
  return [
    ranked(values, null),
    ...[...owners].map((o) =>
      ranked(
        values.filter((v) => v.owner === o),
        o,
      ),
    ),
  ].flat();
}

describe('stored report rows reproduce the figure definitions', () => {
  it('volume per Madrid day from 15-minute buckets (midnight chat, 23-hour DST day)', () => {
    const volume = volumeFrom(buckets(), days);
    expect(volume.totals).toEqual(volumeCounts(facts));
    expect(volume.days.map(({ date: _d, ...c }) => c)).toEqual(factsByDay(facts, days).map(volumeCounts));
  });

  it('the heatmap from request buckets', () => {
    const requests = new Map<number, number>();
    for (const r of rows)
      if (r.requested_at !== null) {
        const b = Math.floor(r.requested_at / BUCKET_MS);
        requests.set(b, (requests.get(b) ?? 0) + 1);
      }
    const grid = heatmapFrom(
      [...requests].map(([bucket, n]) => ({ bucket, n })),
      days,
    );
    expect(grid).toEqual(requestHeatmap(facts, days));
  });

  it('speed overall and per user from the picked ranks (reassigned three times: first taker, last closer)', () => {
    const speed: SpeedRows = {
      assign: picks('assign_ms'),
      response: picks('response_ms'),
      resolution: picks('resolution_ms'),
    };
    expect(speedFrom(speed)).toEqual(speedFigures(facts));
    for (const id of Object.values(users)) {
      const own = facts.filter((f) => f.userIds.includes(id));
      expect(speedFrom(speed, id)).toEqual(speedFigures(own, id));
    }
  });

  it('percentiles of one value, and of none', () => {
    expect(statsFrom([{ owner: null, n: 1, rank: 1, ms: 5000 }])).toEqual({ count: 1, p50: 5000, p90: 5000 });
    expect(statsFrom([])).toEqual({ count: 0, p50: null, p90: null });
  });

  it('CSAT from score counts', () => {
    const counts = [1, 2, 3, 4, 5].map((score) => ({
      score,
      n: data.ratings.filter((r) => r.score === score).length,
    }));
    expect(csatFrom(counts)).toEqual(csatFigures(facts));
  });

  it('stores the offline outcome and keeps it out of bot-only', () => {
    const offline = rows.filter((r) => r.offline === 1);
    expect(offline.map((r) => r.conversation_id)).toEqual(facts.filter((f) => f.offline).map((f) => f.id));
    expect(offline.every((r) => r.bot_only === 0 && r.reached === 1)).toBe(true);
  });

  it('15-minute buckets keep whole local days even in a +05:45 zone', () => {
    const kathmandu = localDays('2026-03-10', '2026-03-12', 'Asia/Kathmandu');
    for (const start of kathmandu.starts) expect(start % BUCKET_MS).toBe(0);
  });
});
