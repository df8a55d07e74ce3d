import type { TReportFigure } from '@charla/protocol';
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database';
import { DAY_MS, HOUR_MS, type OffsetSegment } from './local-time';

export type ReportScope = {
  start: number;
  end: number;
  playbookId?: string;
  userId?: string;
  teamId?: string;
  /** Only conversations carrying this label now (issue 21; read from the base tables, never rollups). */
  labelId?: string;
};
/** The zone's offset at an instant column, as a CASE over the range's transitions. */
export function offsetCase(column: RawBuilder<unknown>, segments: OffsetSegment[]) {
  const [first, ...rest] = segments;
  if (rest.length === 0) return sql.lit(first?.offsetMs ?? 0);
  const whens = rest.map(
    (s, i) => sql`when ${column} < ${sql.lit(s.from)} then ${sql.lit(segments[i]?.offsetMs ?? 0)}`,
  );
  return sql`(case ${sql.join(whens, sql` `)} else ${sql.lit(rest.at(-1)?.offsetMs ?? 0)} end)`;
}

export type VolumeBucket = {
  bucket: number;
  started: number;
  botOnly: number;
  requests: number;
  assigned: number;
  missed: number;
  closed: number;
};
export type SpeedMetric = 'assign_ms' | 'response_ms' | 'resolution_ms';
export const speedOwner = {
  assign_ms: 'first_assignee_id',
  response_ms: 'first_responder_id',
  resolution_ms: 'last_assignee_id',
} as const;
export type PercentileRow = { owner: string | null; n: number; rank: number; ms: number };
export type FactFlag = 'bot_only' | 'requested' | 'reached' | 'assigned' | 'missed' | 'offline' | 'closed';

const flagOf: Partial<Record<TReportFigure, FactFlag>> = {
  botOnly: 'bot_only',
  requests: 'requested',
  reached: 'reached',
  assigned: 'assigned',
  missed: 'missed',
  offline: 'offline',
  closed: 'closed',
};

const num = (v: unknown): number => Number(v ?? 0);

/** The report facts of a scope (period, playbook, user). */
export function factsIn(db: Db, scope: ReportScope) {
  let q = db
    .selectFrom('report_facts as f')
    .where('f.created_at', '>=', scope.start)
    .where('f.created_at', '<', scope.end);
  if (scope.playbookId) q = q.where('f.playbook_id', '=', scope.playbookId);
  if (scope.teamId) q = q.where('f.team_id', '=', scope.teamId);
  if (scope.labelId) {
    const labelId = scope.labelId;
    q = q.where('f.conversation_id', 'in', (eb) =>
      eb
        .selectFrom('conversation_labels as cl')
        .select('cl.conversation_id')
        .where('cl.label_id', '=', labelId),
    );
  }
  // "The conversations they had": driven by the (user_id, created_at) index, not a per-row lookup.
  if (scope.userId)
    q = q.where('f.conversation_id', 'in', (eb) =>
      eb
        .selectFrom('report_fact_users as u')
        .select('u.conversation_id')
        .where('u.user_id', '=', scope.userId as string)
        .where('u.created_at', '>=', scope.start)
        .where('u.created_at', '<', scope.end),
    );
  return q;
}
const sum = (column: FactFlag) => sql<number>`sum(f.${sql.ref(column)})`;

/**
 * Reports read the precomputed `report_facts` (one row per conversation) and join CRM links and
 * ratings live. Same statements on SQLite and PostgreSQL: integer arithmetic, sum/count, and
 * window functions (row_number, count over) for nearest-rank percentiles.
 */

export function createReportsStore(db: Db) {
  return {
    ...volumeQueries(db),
    ...outcomeQueries(db),
    ...listQueries(db),
  };
}

/** The facts themselves, volume per local day and requests per hour. */
function volumeQueries(db: Db) {
  const facts = (scope: ReportScope) => factsIn(db, scope);

  return {
    facts,
    /** Sums per local day: (created_at + offset) / day, the offset a CASE over the zone's transitions. */
    async volume(scope: ReportScope, segments: OffsetSegment[]): Promise<VolumeBucket[]> {
      const day = sql<number>`(f.created_at + ${offsetCase(sql.ref('f.created_at'), segments)}) / ${sql.lit(DAY_MS)}`;
      const rows = await facts(scope)
        .select((eb) => [
          day.as('bucket'),
          eb.fn.countAll<number>().as('started'),
          sum('bot_only').as('botOnly'),
          sum('requested').as('requests'),
          sum('assigned').as('assigned'),
          sum('missed').as('missed'),
          sum('closed').as('closed'),
        ])
        .groupBy(day)
        .execute();
      return rows.map((r) => ({
        bucket: num(r.bucket),
        started: num(r.started),
        botOnly: num(r.botOnly),
        requests: num(r.requests),
        assigned: num(r.assigned),
        missed: num(r.missed),
        closed: num(r.closed),
      }));
    },
    /** Live chat requests (asked inside the range) per local weekday × hour (0 = Monday 00:00). */
    async requestHours(
      scope: ReportScope,
      segments: OffsetSegment[],
    ): Promise<Array<{ bucket: number; n: number }>> {
      const at = sql.ref('f.requested_at');
      const hour = sql<number>`((f.requested_at + ${offsetCase(at, segments)}) / ${sql.lit(HOUR_MS)} + 72) % 168`;
      const rows = await facts(scope)
        .where('f.requested_at', 'is not', null)
        .where('f.requested_at', '<', scope.end)
        .select((eb) => [hour.as('bucket'), eb.fn.countAll<number>().as('n')])
        .groupBy(hour)
        .execute();
      return rows.map((r) => ({ bucket: num(r.bucket), n: num(r.n) }));
    },
    /**
     * p50 and p90 (nearest rank: rank = ceil(p·n/100)) of one duration, in one pass: rows with
     * owner null are everyone's, the others per owner (who took / answered / closed the chat).
     */
  };
}

/** Handled chats, the funnel, CRM results, scores and comments. */
function outcomeQueries(db: Db) {
  const facts = (scope: ReportScope) => factsIn(db, scope);

  return {
    async handled(scope: ReportScope): Promise<Map<string, number>> {
      const rows = await facts(scope)
        .innerJoin('report_fact_users as h', 'h.conversation_id', 'f.conversation_id')
        .groupBy('h.user_id')
        .select((eb) => ['h.user_id', eb.fn.countAll<number>().as('n')])
        .execute();
      return new Map(rows.map((r) => [r.user_id, num(r.n)]));
    },
    async funnel(scope: ReportScope) {
      const rows = await facts(scope)
        .groupBy('f.playbook_id')
        .select((eb) => [
          'f.playbook_id',
          eb.fn.countAll<number>().as('started'),
          sum('reached').as('reached'),
          sum('assigned').as('assigned'),
          sum('missed').as('missed'),
          sum('offline').as('offline'),
        ])
        .execute();
      return rows.map((r) => ({
        playbookId: r.playbook_id,
        started: num(r.started),
        reachedLiveChat: num(r.reached),
        assigned: num(r.assigned),
        missed: num(r.missed),
        offline: num(r.offline),
      }));
    },
    /** Lead and deal links of the range's conversations, with deal values. */
    async crm(scope: ReportScope) {
      const rows = await facts(scope)
        .innerJoin('crm_conversation_links as l', 'l.conversation_id', 'f.conversation_id')
        .leftJoin('crm_deals as d', (join) =>
          join.onRef('d.id', '=', 'l.entity_id').on('l.entity_type', '=', 'deal'),
        )
        .where('l.entity_type', 'in', ['lead', 'deal'])
        .select(['f.playbook_id', 'l.conversation_id', 'l.entity_type', 'd.value_minor', 'd.currency'])
        .execute();
      return rows.map((r) => ({ ...r, value_minor: r.value_minor === null ? null : num(r.value_minor) }));
    },
    async scores(scope: ReportScope): Promise<Array<{ score: number; n: number }>> {
      const rows = await facts(scope)
        .innerJoin('conversation_ratings as r', 'r.conversation_id', 'f.conversation_id')
        .groupBy('r.score')
        .select((eb) => ['r.score', eb.fn.countAll<number>().as('n')])
        .execute();
      return rows.map((r) => ({ score: num(r.score), n: num(r.n) }));
    },
    async comments(scope: ReportScope, limit: number) {
      const rows = await facts(scope)
        .innerJoin('conversation_ratings as r', 'r.conversation_id', 'f.conversation_id')
        .where('r.comment', 'is not', null)
        .select(['r.conversation_id', 'r.score', 'r.comment', 'r.updated_at'])
        .orderBy('r.updated_at', 'desc')
        .orderBy('r.conversation_id')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        conversationId: r.conversation_id,
        score: num(r.score),
        comment: r.comment ?? '',
        ratedAt: num(r.updated_at),
      }));
    },
    /** The conversations behind a figure, oldest first. */
  };
}

/** Drill-down lists and the names they show. */
function listQueries(db: Db) {
  const facts = (scope: ReportScope) => factsIn(db, scope);

  return {
    async list(scope: ReportScope, figure: TReportFigure, limit: number) {
      let q = facts(scope);
      const flag = flagOf[figure];
      if (flag) q = q.where(sql.ref(`f.${flag}`), '=', 1);
      const link = (type: string) =>
        sql<boolean>`exists (select 1 from crm_conversation_links x where x.conversation_id = f.conversation_id and x.entity_type = ${type})`;
      if (figure === 'withLead') q = q.where(link('lead'));
      if (figure === 'withDeal') q = q.where(link('deal'));
      if (figure === 'rated')
        q = q.where(
          sql<boolean>`exists (select 1 from conversation_ratings x where x.conversation_id = f.conversation_id)`,
        );
      const rows = await q
        .select([
          'f.conversation_id',
          'f.playbook_id',
          'f.created_at',
          'f.status',
          'f.close_reason',
          'f.last_assignee_id',
        ])
        .orderBy('f.created_at')
        .orderBy('f.conversation_id')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        id: r.conversation_id,
        playbookId: r.playbook_id,
        startedAt: num(r.created_at),
        status: r.status,
        closeReason: r.close_reason,
        assigneeId: r.last_assignee_id,
      }));
    },
    async teamExists(id: string): Promise<boolean> {
      return (
        (await db.selectFrom('teams').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
      );
    },
    async labelExists(id: string): Promise<boolean> {
      return (
        (await db.selectFrom('labels').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
      );
    },
    async playbookNames(): Promise<Map<string, string>> {
      const rows = await db.selectFrom('playbooks').select(['id', 'name']).execute();
      return new Map(rows.map((r) => [r.id, r.name]));
    },
    async userNames(): Promise<Map<string, string>> {
      const rows = await db.selectFrom('users').select(['id', 'name']).execute();
      return new Map(rows.map((r) => [r.id, r.name]));
    },
    async companyTimeZone(): Promise<string | null> {
      const row = await db
        .selectFrom('settings')
        .select('value')
        .where('key', '=', 'company')
        .executeTakeFirst();
      if (!row) return null;
      try {
        const tz = (JSON.parse(row.value) as { timeZone?: unknown }).timeZone;
        return typeof tz === 'string' ? tz : null;
      } catch {
        return null;
      }
    },
  };
}
export type ReportsStore = ReturnType<typeof createReportsStore>;
