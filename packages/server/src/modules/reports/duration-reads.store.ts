import { sql } from 'kysely';
import type { Db } from '../../db/database';
import { binBounds, DURATION_PERIOD_MS, durationBinSql } from '../../db/report-duration-bins';
import { pickRanks, type Histogram } from './duration-ranks';
import { factsIn, speedOwner, type PercentileRow, type ReportScope, type SpeedMetric } from './reports.store';

// Exact nearest-rank p50/p90 without sorting a year of durations: the histogram of the range
// (28-day rollups for the whole periods inside it, report_facts for the edges) says which bin
// holds each rank, then one indexed query reads that bin's values and takes the rank's one.

const num = (v: unknown): number => Number(v ?? 0);

/** Whose percentiles: everyone's and each owner's (`all`), or only one user's (their scope). */
type Owners = { kind: 'all' } | { kind: 'overall' } | { kind: 'user'; userId: string };
const ownersOf = (scope: ReportScope, everyUser: boolean): Owners =>
  scope.userId ? { kind: 'user', userId: scope.userId } : everyUser ? { kind: 'all' } : { kind: 'overall' };

/** Everyone's and each owner's histogram of the rows of report_facts in the scope. */
async function fromFacts(db: Db, scope: ReportScope, metric: SpeedMetric, owners: Owners) {
  if (scope.start >= scope.end) return [];
  const ms = sql.ref(`f.${metric}`);
  const owner = sql.ref(`f.${speedOwner[metric]}`);
  const bin = durationBinSql(ms);
  let q = factsIn(db, { ...scope, userId: undefined }).where(`f.${metric}`, 'is not', null);
  if (owners.kind === 'user') q = q.where(`f.${speedOwner[metric]}`, '=', owners.userId);
  const rows = await q
    .groupBy([owner, bin])
    .select([owner.as('owner'), bin.as('bin'), sql<number>`count(*)`.as('n')])
    .execute();
  // Everyone's histogram is every row's (owner or not); per owner only with one.
  return rows.flatMap((r) => {
    const own = r.owner === null ? [] : [{ owner: r.owner as string, bin: num(r.bin), n: num(r.n) }];
    return owners.kind === 'user' ? own : [{ owner: '', bin: num(r.bin), n: num(r.n) }, ...own];
  });
}

export function createDurationReadsStore(db: Db) {
  async function fromRollups(
    scope: ReportScope,
    metric: SpeedMetric,
    owners: Owners,
    periods: [number, number],
  ) {
    let q = db
      .selectFrom('report_duration_rollups as d')
      .where('d.metric', '=', metric)
      .where('d.period', '>=', periods[0])
      .where('d.period', '<', periods[1]);
    if (owners.kind === 'user') q = q.where('d.owner_id', '=', owners.userId);
    if (owners.kind === 'overall') q = q.where('d.owner_id', '=', '');
    if (scope.playbookId) q = q.where('d.playbook_id', '=', scope.playbookId);
    if (scope.teamId) q = q.where('d.team_id', '=', scope.teamId);
    const rows = await q
      .groupBy(['d.owner_id', 'd.bin'])
      .select(['d.owner_id as owner', 'd.bin', sql<number>`sum(d.n)`.as('n')])
      .execute();
    return rows.map((r) => ({ owner: r.owner, bin: num(r.bin), n: num(r.n) }));
  }

  /** The histogram per owner ('' = everyone) of the range's durations. */
  async function histogram(scope: ReportScope, metric: SpeedMetric, owners: Owners): Promise<Histogram> {
    const first = Math.ceil(scope.start / DURATION_PERIOD_MS);
    const last = Math.floor(scope.end / DURATION_PERIOD_MS);
    const parts =
      // The rollups have no label key (reports.service.ts, `sums`): a label filter reads the facts.
      first < last && scope.labelId === undefined
        ? await Promise.all([
            fromRollups(scope, metric, owners, [first, last]),
            fromFacts(db, { ...scope, end: first * DURATION_PERIOD_MS }, metric, owners),
            fromFacts(db, { ...scope, start: last * DURATION_PERIOD_MS }, metric, owners),
          ])
        : [await fromFacts(db, scope, metric, owners)];
    const out: Histogram = new Map();
    for (const row of parts.flat()) {
      const bins = out.get(row.owner) ?? new Map<number, number>();
      out.set(row.owner, bins.set(row.bin, (bins.get(row.bin) ?? 0) + row.n));
    }
    return out;
  }

  /** The value of rank `k` (1-based) inside one bin of the range, for everyone or one owner. */
  async function valueAt(scope: ReportScope, metric: SpeedMetric, owner: string, bin: number, k: number) {
    const { lo, hi } = binBounds(bin);
    let q = factsIn(db, { ...scope, userId: undefined }).where(`f.${metric}`, '>=', lo);
    if (hi !== null) q = q.where(`f.${metric}`, '<', hi);
    if (owner) q = q.where(`f.${speedOwner[metric]}`, '=', owner);
    const row = await q
      .select(sql.ref(`f.${metric}`).as('ms'))
      .orderBy(sql.ref(`f.${metric}`))
      .limit(1)
      .offset(k - 1)
      .executeTakeFirst();
    return num(row?.ms);
  }

  return {
    /** p50 and p90 rows like reports.store's percentiles (owner null = everyone). */
    async percentiles(scope: ReportScope, metric: SpeedMetric, everyUser = true): Promise<PercentileRow[]> {
      const owners = ownersOf(scope, everyUser);
      const picks = pickRanks(await histogram(scope, metric, owners));
      return Promise.all(
        picks.map(async (p) => ({
          owner: p.owner === '' ? null : p.owner,
          n: p.n,
          rank: p.rank,
          ms: await valueAt(scope, metric, p.owner, p.bin, p.inBin),
        })),
      );
    },
  };
}
export type DurationReadsStore = ReturnType<typeof createDurationReadsStore>;
