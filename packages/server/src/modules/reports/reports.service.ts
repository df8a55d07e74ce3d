import type {
  TOutcomesReportDto,
  TReportConversationDto,
  TReportConversationsQuery,
  TReportQuery,
  TSpeedReportDto,
  TVolumeReportDto,
} from '@charla/protocol';
import { AppError } from '../../lib/app-error';
import type { AuthUser } from '../auth/index';
import {
  crmByPlaybook,
  csatFrom,
  heatmapFrom,
  speedFrom,
  volumeFrom,
  type SpeedRows,
} from './report-assembly';
import { offsetSegments, type OffsetSegment } from './local-time';
import type { ReportFacts } from './report-facts';
import type { ReportScope, ReportsStore } from './reports.store';
import type { DurationReadsStore } from './duration-reads.store';
import { hourAligned, type RollupReadsStore } from './rollup-reads.store';
import { addDays, daysBetween, localDays, type LocalDays } from './zoned-days';
import { withOpens } from './funnel-opens';
import type { WidgetOpensStore } from './widget-opens.store';

const MAX_DAYS = 400;
const MAX_LISTED = 1000;
const MAX_COMMENTS = 100;

type Resolved = {
  days: LocalDays;
  previous: LocalDays;
  userId: string | undefined;
  playbookId?: string;
  teamId?: string;
  labelId?: string;
};

type ReportsDeps = {
  store: ReportsStore;
  rollups: RollupReadsStore;
  durations: DurationReadsStore;
  facts: ReportFacts;
  opens: WidgetOpensStore;
};

// Every figure counts the conversations STARTED in the range, on the local day they started;
// figures.ts defines each one, report_facts stores them per conversation (fact-row.ts).
export function createReportsService(deps: ReportsDeps) {
  return {
    volume: (query: TReportQuery, viewer: AuthUser) => volume(deps, query, viewer),
    speed: (query: TReportQuery, viewer: AuthUser) => speed(deps, query, viewer),
    outcomes: (query: TReportQuery, viewer: AuthUser) => outcomes(deps, query, viewer),
    /** The conversations behind one figure (optionally of one local day), oldest first. */
    conversations: (query: TReportConversationsQuery, viewer: AuthUser) => conversations(deps, query, viewer),
    /** A visitor opened the widget of a playbook (its internal id): counted once per UTC day. */
    recordOpen: (visitorId: string, playbookId: string, at: number) =>
      deps.opens.record(visitorId, playbookId, at),
  };
}
export type ReportsService = ReturnType<typeof createReportsService>;

/** The range, the previous range of the same length, and whose figures (regular users: their own). */
async function resolve(deps: ReportsDeps, query: TReportQuery, viewer: AuthUser): Promise<Resolved> {
  const n = daysBetween(query.from, query.to);
  if (!(n >= 1 && n <= MAX_DAYS)) throw new AppError('REPORT_RANGE_INVALID');
  const timeZone = query.timeZone ?? (await deps.store.companyTimeZone()) ?? 'UTC';
  if (viewer.role !== 'admin' && query.userId && query.userId !== viewer.id) throw new AppError('FORBIDDEN');
  if (query.teamId && !(await deps.store.teamExists(query.teamId))) throw new AppError('TEAM_NOT_FOUND');
  if (query.labelId && !(await deps.store.labelExists(query.labelId)))
    throw new AppError('LABEL_UNKNOWN', { details: { labelId: query.labelId } });
  await deps.facts.catchUp();
  return {
    days: localDays(query.from, query.to, timeZone),
    previous: localDays(addDays(query.from, -n), addDays(query.from, -1), timeZone),
    userId: viewer.role === 'admin' ? query.userId : viewer.id,
    ...(query.playbookId ? { playbookId: query.playbookId } : {}),
    ...(query.teamId ? { teamId: query.teamId } : {}),
    ...(query.labelId ? { labelId: query.labelId } : {}),
  };
}

const scopeOf = (days: LocalDays, r: Resolved, start = 0, end = days.dates.length): ReportScope => ({
  start: days.starts[start] as number,
  end: days.starts[end] as number,
  ...(r.playbookId ? { playbookId: r.playbookId } : {}),
  ...(r.userId ? { userId: r.userId } : {}),
  ...(r.teamId ? { teamId: r.teamId } : {}),
  ...(r.labelId ? { labelId: r.labelId } : {}),
});

/**
 * The rollups when their UTC hours add up to the range's local days, else the per-conversation
 * rows. Labels change after a conversation is counted, so rollups have no label key: a label
 * filter always reads the per-conversation rows.
 */
const sums = (deps: ReportsDeps, scope: ReportScope, segments?: OffsetSegment[]) =>
  scope.labelId === undefined && hourAligned(scope, segments) ? deps.rollups : deps.store;

const rangeOf = (days: LocalDays) => ({
  from: days.dates[0] as string,
  to: days.dates.at(-1) as string,
  timeZone: days.timeZone,
});

/** p50/p90 of the three durations: everyone's and each user's, or (`everyUser` false) only the scope's. */
async function speedRows(deps: ReportsDeps, scope: ReportScope, everyUser = true): Promise<SpeedRows> {
  const { durations } = deps;
  const [assign, response, resolution] = await Promise.all([
    durations.percentiles(scope, 'assign_ms', everyUser),
    durations.percentiles(scope, 'response_ms', everyUser),
    durations.percentiles(scope, 'resolution_ms', everyUser),
  ]);
  return { assign, response, resolution };
}

async function csatOf(store: ReportsStore, scope: ReportScope) {
  return csatFrom(await store.scores(scope));
}

async function volume(deps: ReportsDeps, query: TReportQuery, viewer: AuthUser): Promise<TVolumeReportDto> {
  const r = await resolve(deps, query, viewer);
  const scope = scopeOf(r.days, r);
  const segments = offsetSegments(r.days);
  const previous = scopeOf(r.previous, r);
  const previousSegments = offsetSegments(r.previous);
  const [buckets, before, requests] = await Promise.all([
    sums(deps, scope, segments).volume(scope, segments),
    sums(deps, previous, previousSegments).volume(previous, previousSegments),
    sums(deps, scope, segments).requestHours(scope, segments),
  ]);
  const now = volumeFrom(buckets, r.days);
  return {
    range: rangeOf(r.days),
    previousRange: rangeOf(r.previous),
    totals: now.totals,
    previous: volumeFrom(before, r.previous).totals,
    days: now.days,
    heatmap: heatmapFrom(requests),
  };
}

async function speed(deps: ReportsDeps, query: TReportQuery, viewer: AuthUser): Promise<TSpeedReportDto> {
  const r = await resolve(deps, query, viewer);
  const scope = scopeOf(r.days, r);
  // With a user: durations go to whoever took / answered / closed (per-owner rows of that user).
  const [rows, before, handled, names] = await Promise.all([
    speedRows(deps, scope),
    speedRows(deps, scopeOf(r.previous, r), false),
    sums(deps, scope).handled(scope),
    deps.store.userNames(),
  ]);
  const totals = speedFrom(rows, r.userId);
  const users = [...handled]
    .filter(([userId]) => !r.userId || userId === r.userId)
    .map(([userId, n]) => ({
      userId,
      name: names.get(userId) ?? '',
      handled: n,
      ...speedFrom(rows, userId),
    }))
    .sort((a, b) => b.handled - a.handled || a.name.localeCompare(b.name));
  return {
    range: rangeOf(r.days),
    previousRange: rangeOf(r.previous),
    totals,
    previous: speedFrom(before, r.userId),
    users,
  };
}

async function outcomes(
  deps: ReportsDeps,
  query: TReportQuery,
  viewer: AuthUser,
): Promise<TOutcomesReportDto> {
  const { store } = deps;
  const r = await resolve(deps, query, viewer);
  const scope = scopeOf(r.days, r);
  // Opens know only their playbook: a user, team or label filter leaves them uncounted (null).
  const countable = !r.userId && !r.teamId && !r.labelId;
  const [funnel, crm, names, csat, previousCsat, comments, opens, previousOpens] = await Promise.all([
    sums(deps, scope).funnel(scope),
    store.crm(scope),
    store.playbookNames(),
    csatOf(store, scope),
    csatOf(store, scopeOf(r.previous, r)),
    store.comments(scope, MAX_COMMENTS),
    countable ? deps.opens.counts(scope) : new Map<string, number>(),
    countable ? deps.opens.counts(scopeOf(r.previous, r)) : new Map<string, number>(),
  ]);
  const blank = (playbookId: string) => ({
    playbookId,
    started: 0,
    reachedLiveChat: 0,
    assigned: 0,
    missed: 0,
    offline: 0,
  });
  const links = crmByPlaybook(crm);
  const rows = withOpens(funnel, opens, previousOpens, countable, blank).map((row) => ({
    ...row,
    name: (row.playbookId && names.get(row.playbookId)) ?? '',
    ...(links.get(row.playbookId) ?? { withLead: 0, withDeal: 0, dealValue: [] }),
  }));
  return {
    range: rangeOf(r.days),
    previousRange: rangeOf(r.previous),
    funnel: rows.sort(
      (a, b) => b.started - a.started || (b.opened ?? 0) - (a.opened ?? 0) || a.name.localeCompare(b.name),
    ),
    csat,
    previousCsat,
    comments,
  };
}

/** The conversations behind one figure (optionally of one local day), oldest first. */
async function conversations(
  deps: ReportsDeps,
  query: TReportConversationsQuery,
  viewer: AuthUser,
): Promise<TReportConversationDto[]> {
  const r = await resolve(deps, query, viewer);
  let scope = scopeOf(r.days, r);
  if (query.date) {
    const i = r.days.dates.indexOf(query.date);
    if (i < 0) throw new AppError('REPORT_RANGE_INVALID');
    scope = scopeOf(r.days, r, i, i + 1);
  }
  return deps.store.list(scope, query.figure, MAX_LISTED);
}
