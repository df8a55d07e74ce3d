import type { TCsatFigures, TDurationStats, TSpeedFigures, TVolumeCounts } from '@charla/protocol';
import type { PercentileRow, VolumeBucket } from './reports.store';
import { BUCKET_MS } from './reports.store';
import { dayIndexOf, weekdayHourOf, type LocalDays } from './zoned-days';

// Pure assembly of the stored aggregates into the report DTOs (the SQL only adds up flags).

type Counts = Omit<TVolumeCounts, 'missedRate'>;
const zero = (): Counts => ({ started: 0, botOnly: 0, requests: 0, assigned: 0, missed: 0, closed: 0 });

function withRate(c: Counts): TVolumeCounts {
  return { ...c, missedRate: c.requests === 0 ? null : c.missed / c.requests };
}

function add(into: Counts, b: VolumeBucket): void {
  into.started += b.started;
  into.botOnly += b.botOnly;
  into.requests += b.requests;
  into.assigned += b.assigned;
  into.missed += b.missed;
  into.closed += b.closed;
}

/** Totals and per-local-day counts from 15-minute buckets (each bucket lies inside one local day). */
export function volumeFrom(buckets: readonly VolumeBucket[], days: LocalDays) {
  const totals = zero();
  const perDay = days.dates.map(zero);
  for (const b of buckets) {
    add(totals, b);
    const day = perDay[dayIndexOf(days, b.bucket * BUCKET_MS)];
    if (day) add(day, b);
  }
  return {
    totals: withRate(totals),
    days: perDay.map((c, i) => ({ date: days.dates[i] as string, ...withRate(c) })),
  };
}

/** Live chat requests by local weekday (0 = Monday) × hour. */
export function heatmapFrom(buckets: ReadonlyArray<{ bucket: number; n: number }>, days: LocalDays) {
  const grid = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  for (const b of buckets) {
    const at = weekdayHourOf(days, b.bucket * BUCKET_MS);
    const row = at ? grid[at.weekday] : undefined;
    if (at && row) row[at.hour] = (row[at.hour] ?? 0) + b.n;
  }
  return grid;
}

/** Nearest-rank p50/p90 from the rows the percentile query picked (rank = ceil(p·n/100)). */
export function statsFrom(rows: readonly PercentileRow[]): TDurationStats {
  const n = rows[0]?.n ?? 0;
  const at = (p: number) => rows.find((r) => r.rank === Math.max(1, Math.ceil((p * n) / 100)))?.ms ?? null;
  return { count: n, p50: n ? at(50) : null, p90: n ? at(90) : null };
}

export type SpeedRows = { assign: PercentileRow[]; response: PercentileRow[]; resolution: PercentileRow[] };

/** One owner's (or, with owner undefined, everyone's: the rows of owner null) speed figures. */
export function speedFrom(rows: SpeedRows, owner?: string): TSpeedFigures {
  const own = (list: PercentileRow[]) => list.filter((r) => r.owner === (owner ?? null));
  return {
    timeToAssign: statsFrom(own(rows.assign)),
    firstResponse: statsFrom(own(rows.response)),
    resolution: statsFrom(own(rows.resolution)),
  };
}

export function csatFrom(scores: ReadonlyArray<{ score: number; n: number }>): TCsatFigures {
  const distribution = [1, 2, 3, 4, 5].map((s) => scores.find((x) => x.score === s)?.n ?? 0);
  const count = distribution.reduce((a, b) => a + b, 0);
  const sum = distribution.reduce((a, n, i) => a + n * (i + 1), 0);
  const satisfied = (distribution[3] ?? 0) + (distribution[4] ?? 0);
  return {
    count,
    average: count ? sum / count : null,
    satisfiedRate: count ? satisfied / count : null,
    distribution,
  };
}

type CrmLink = {
  playbook_id: string | null;
  conversation_id: string;
  entity_type: string;
  value_minor: number | null;
  currency: string | null;
};

/** Per playbook: conversations with a lead, with a deal, and deal values per currency. */
export function crmByPlaybook(links: readonly CrmLink[]) {
  const out = new Map<
    string | null,
    { leads: Set<string>; deals: Set<string>; values: Map<string, number> }
  >();
  for (const l of links) {
    let p = out.get(l.playbook_id);
    if (!p) out.set(l.playbook_id, (p = { leads: new Set(), deals: new Set(), values: new Map() }));
    if (l.entity_type === 'lead') p.leads.add(l.conversation_id);
    else {
      p.deals.add(l.conversation_id);
      if (l.value_minor !== null && l.currency)
        p.values.set(l.currency, (p.values.get(l.currency) ?? 0) + l.value_minor);
    }
  }
  return new Map(
    [...out].map(([id, p]) => [
      id,
      {
        withLead: p.leads.size,
        withDeal: p.deals.size,
        dealValue: [...p.values]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([currency, amountMinor]) => ({ currency, amountMinor })),
      },
    ]),
  );
}
