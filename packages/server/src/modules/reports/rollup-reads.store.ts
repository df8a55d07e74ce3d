import { sql } from 'kysely';
import type { Db } from '../../db/database';
import { ROLLUP_HOUR_MS } from '../../db/report-duration-bins';
import { DAY_MS, HOUR_MS, type OffsetSegment } from './local-time';
import { offsetCase, type ReportScope, type VolumeBucket } from './reports.store';

// Reports over the rollups (migration 0024): the same sums as reports.store.ts over report_facts,
// read from one row per UTC hour, playbook and team instead of one per conversation. Used when the
// range's day boundaries and the zone's offsets are whole UTC hours (every zone but the few
// :30/:45 ones, which keep reading report_facts: same figures, slower).

const num = (v: unknown): number => Number(v ?? 0);

/** Whether the rollups' UTC hours add up exactly to the range's local days and hours. */
export function hourAligned(scope: ReportScope, segments: readonly OffsetSegment[] = []): boolean {
  const whole = (ms: number) => ms % ROLLUP_HOUR_MS === 0;
  return whole(scope.start) && whole(scope.end) && segments.every((s) => whole(s.from) && whole(s.offsetMs));
}

export function createRollupReadsStore(db: Db) {
  const rows = (scope: ReportScope) => {
    let q = db
      .selectFrom('report_rollups as r')
      .where('r.user_id', '=', scope.userId ?? '')
      .where('r.hour', '>=', scope.start / ROLLUP_HOUR_MS)
      .where('r.hour', '<', scope.end / ROLLUP_HOUR_MS);
    if (scope.playbookId) q = q.where('r.playbook_id', '=', scope.playbookId);
    if (scope.teamId) q = q.where('r.team_id', '=', scope.teamId);
    return q;
  };
  const sum = (column: string) => sql<number>`sum(${sql.ref(`r.${column}`)})`;

  return {
    ...requestAndUserSums(db),
    async volume(scope: ReportScope, segments: OffsetSegment[]): Promise<VolumeBucket[]> {
      const at = sql`(r.hour * ${sql.lit(HOUR_MS)})`;
      const day = sql<number>`(${at} + ${offsetCase(at, segments)}) / ${sql.lit(DAY_MS)}`;
      const found = await rows(scope)
        .select([
          day.as('bucket'),
          sum('started').as('started'),
          sum('bot_only').as('botOnly'),
          sum('requested').as('requests'),
          sum('assigned').as('assigned'),
          sum('missed').as('missed'),
          sum('closed').as('closed'),
        ])
        .groupBy(day)
        .execute();
      return found.map((r) => ({
        bucket: num(r.bucket),
        started: num(r.started),
        botOnly: num(r.botOnly),
        requests: num(r.requests),
        assigned: num(r.assigned),
        missed: num(r.missed),
        closed: num(r.closed),
      }));
    },
    async funnel(scope: ReportScope) {
      const found = await rows(scope)
        .groupBy('r.playbook_id')
        .select([
          'r.playbook_id',
          sum('started').as('started'),
          sum('reached').as('reached'),
          sum('assigned').as('assigned'),
          sum('missed').as('missed'),
          sum('offline').as('offline'),
        ])
        .execute();
      return found
        .filter((r) => num(r.started) > 0)
        .map((r) => ({
          playbookId: r.playbook_id === '' ? null : r.playbook_id,
          started: num(r.started),
          reachedLiveChat: num(r.reached),
          assigned: num(r.assigned),
          missed: num(r.missed),
          offline: num(r.offline),
        }));
    },
  };
}
export type RollupReadsStore = ReturnType<typeof createRollupReadsStore>;

/** The heatmap and per-user counts from the rollups. */
function requestAndUserSums(db: Db) {
  const sum = (column: string) => sql<number>`sum(${sql.ref(`r.${column}`)})`;
  return {
    /** Requests of the range's conversations asked before its end, per local weekday × hour. */
    async requestHours(scope: ReportScope, segments: OffsetSegment[]) {
      const at = sql`(q.request_hour * ${sql.lit(HOUR_MS)})`;
      const hour = sql<number>`((${at} + ${offsetCase(at, segments)}) / ${sql.lit(HOUR_MS)} + 72) % 168`;
      let q = db
        .selectFrom('report_request_rollups as q')
        .where('q.user_id', '=', scope.userId ?? '')
        .where('q.hour', '>=', scope.start / ROLLUP_HOUR_MS)
        .where('q.hour', '<', scope.end / ROLLUP_HOUR_MS)
        .where('q.request_hour', '<', scope.end / ROLLUP_HOUR_MS);
      if (scope.playbookId) q = q.where('q.playbook_id', '=', scope.playbookId);
      if (scope.teamId) q = q.where('q.team_id', '=', scope.teamId);
      const found = await q
        .select([hour.as('bucket'), sql<number>`sum(q.n)`.as('n')])
        .groupBy(hour)
        .execute();
      return found.map((r) => ({ bucket: num(r.bucket), n: num(r.n) }));
    },
    /** How many of the range's conversations each user ever had. */
    async handled(scope: ReportScope): Promise<Map<string, number>> {
      let q = db
        .selectFrom('report_rollups as r')
        .where('r.user_id', '<>', '')
        .where('r.hour', '>=', scope.start / ROLLUP_HOUR_MS)
        .where('r.hour', '<', scope.end / ROLLUP_HOUR_MS);
      if (scope.userId) q = q.where('r.user_id', '=', scope.userId);
      if (scope.playbookId) q = q.where('r.playbook_id', '=', scope.playbookId);
      if (scope.teamId) q = q.where('r.team_id', '=', scope.teamId);
      const found = await q
        .groupBy('r.user_id')
        .select(['r.user_id', sum('started').as('n')])
        .execute();
      return new Map(found.filter((r) => num(r.n) > 0).map((r) => [r.user_id, num(r.n)]));
    },
  };
}
