import { sql, type RawBuilder } from 'kysely';

// Duration histogram bins of the report rollups (issue 21, migration 0024). Bin 0 holds durations
// under 1 s; bin k ≥ 1 holds [DURATION_BIN_LIMITS[k-1], DURATION_BIN_LIMITS[k]), each limit 1.25 ×
// the previous one (the last bin is open-ended). Reports find the bin holding a percentile's rank
// from the rollups, then read that bin's few values from report_facts, so the result is exact.
// Shared by the migration's backfill (SQL) and the stores' maintenance (JS): never change a limit
// without a migration that rebuilds the rollups.

export const DURATION_BIN_LIMITS: readonly number[] = Array.from({ length: 80 }, (_, k) =>
  Math.round(1000 * 1.25 ** k),
);

/** The bin of a duration in ms (binary search over the limits). */
export function durationBin(ms: number): number {
  let lo = 0;
  let hi = DURATION_BIN_LIMITS.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ms < (DURATION_BIN_LIMITS[mid] as number)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** [lower, upper) of a bin; upper null for the last, open one. */
export function binBounds(bin: number): { lo: number; hi: number | null } {
  return {
    lo: bin === 0 ? Number.MIN_SAFE_INTEGER : (DURATION_BIN_LIMITS[bin - 1] as number),
    hi: DURATION_BIN_LIMITS[bin] ?? null,
  };
}

/** The same bin in SQL (a CASE over the limits), identical on SQLite and PostgreSQL. */
export function durationBinSql(column: RawBuilder<unknown>): RawBuilder<number> {
  const whens = DURATION_BIN_LIMITS.map(
    (limit, k) => sql`when ${column} < ${sql.lit(limit)} then ${sql.lit(k)}`,
  );
  return sql<number>`(case ${sql.join(whens, sql` `)} else ${sql.lit(DURATION_BIN_LIMITS.length)} end)`;
}

/** Rollup periods of the duration histograms: 28 UTC days from the epoch. */
export const DURATION_PERIOD_MS = 28 * 86_400_000;
/** Rollup hours of the counts: UTC hours from the epoch. */
export const ROLLUP_HOUR_MS = 3_600_000;
