import type {
  TOutcomesReportDto,
  TReportConversationDto,
  TReportConversationsQuery,
  TReportQuery,
  TSpeedReportDto,
  TVolumeReportDto,
} from '@charla/protocol';
import { AppError } from '../../lib/app-error';
import type { AuthUser } from '../auth/auth.service';
import { buildFacts, type ConversationFact } from './conversation-facts';
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
import type { ReportsStore } from './reports.store';
import { addDays, daysBetween, localDays, type LocalDays } from './zoned-days';

const MAX_DAYS = 400;
const MAX_LISTED = 1000;
const MAX_COMMENTS = 100;

type Resolved = { days: LocalDays; previous: LocalDays; userId: string | undefined; playbookId?: string };

export function createReportsService(deps: { store: ReportsStore }) {
  const { store } = deps;

  /** The range, the previous range of the same length, and whose figures (R: regular users see their own). */
  async function resolve(query: TReportQuery, viewer: AuthUser): Promise<Resolved> {
    const n = daysBetween(query.from, query.to);
    if (!(n >= 1 && n <= MAX_DAYS)) throw new AppError('REPORT_RANGE_INVALID');
    const timeZone = query.timeZone ?? (await store.companyTimeZone()) ?? 'UTC';
    if (viewer.role !== 'admin' && query.userId && query.userId !== viewer.id)
      throw new AppError('FORBIDDEN');
    return {
      days: localDays(query.from, query.to, timeZone),
      previous: localDays(addDays(query.from, -n), addDays(query.from, -1), timeZone),
      userId: viewer.role === 'admin' ? query.userId : viewer.id,
      ...(query.playbookId ? { playbookId: query.playbookId } : {}),
    };
  }

  async function factsOf(days: LocalDays, r: Resolved): Promise<ConversationFact[]> {
    const scope = {
      start: days.starts[0] as number,
      end: days.starts.at(-1) as number,
      ...(r.playbookId ? { playbookId: r.playbookId } : {}),
    };
    const [conversations, events, replies, crm, ratings] = await Promise.all([
      store.conversations(scope),
      store.events(scope),
      store.replies(scope),
      store.crm(scope),
      store.ratings(scope),
    ]);
    const facts = buildFacts({ conversations, events, replies, crm, ratings });
    const { userId } = r;
    return userId ? facts.filter((f) => f.userIds.includes(userId)) : facts;
  }

  const rangeOf = (days: LocalDays) => ({
    from: days.dates[0] as string,
    to: days.dates.at(-1) as string,
    timeZone: days.timeZone,
  });

  return {
    async volume(query: TReportQuery, viewer: AuthUser): Promise<TVolumeReportDto> {
      const r = await resolve(query, viewer);
      const [facts, before] = await Promise.all([factsOf(r.days, r), factsOf(r.previous, r)]);
      return {
        range: rangeOf(r.days),
        previousRange: rangeOf(r.previous),
        totals: volumeCounts(facts),
        previous: volumeCounts(before),
        days: factsByDay(facts, r.days).map((own, i) => ({
          date: r.days.dates[i] as string,
          ...volumeCounts(own),
        })),
        heatmap: requestHeatmap(facts, r.days),
      };
    },

    async speed(query: TReportQuery, viewer: AuthUser): Promise<TSpeedReportDto> {
      const r = await resolve(query, viewer);
      const [facts, before, names] = await Promise.all([
        factsOf(r.days, r),
        factsOf(r.previous, r),
        store.userNames(),
      ]);
      const users = speedByUser(facts)
        .filter((u) => !r.userId || u.userId === r.userId)
        .map((u) => ({ ...u, name: names.get(u.userId) ?? '' }))
        .sort((a, b) => b.handled - a.handled || a.name.localeCompare(b.name));
      return {
        range: rangeOf(r.days),
        previousRange: rangeOf(r.previous),
        totals: speedFigures(facts, r.userId),
        previous: speedFigures(before, r.userId),
        users,
      };
    },

    async outcomes(query: TReportQuery, viewer: AuthUser): Promise<TOutcomesReportDto> {
      const r = await resolve(query, viewer);
      const [facts, before, names] = await Promise.all([
        factsOf(r.days, r),
        factsOf(r.previous, r),
        store.playbookNames(),
      ]);
      const byPlaybook = new Map<string | null, ConversationFact[]>();
      for (const f of facts) byPlaybook.set(f.playbookId, [...(byPlaybook.get(f.playbookId) ?? []), f]);
      const funnel = [...byPlaybook].map(([playbookId, own]) => ({
        playbookId,
        name: (playbookId && names.get(playbookId)) ?? '',
        ...funnelOf(own),
      }));
      const comments = facts
        .flatMap((f) =>
          f.rating?.comment
            ? [
                {
                  conversationId: f.id,
                  score: f.rating.score,
                  comment: f.rating.comment,
                  ratedAt: f.rating.updated_at,
                },
              ]
            : [],
        )
        .sort((a, b) => b.ratedAt - a.ratedAt)
        .slice(0, MAX_COMMENTS);
      return {
        range: rangeOf(r.days),
        previousRange: rangeOf(r.previous),
        funnel: funnel.sort((a, b) => b.started - a.started || a.name.localeCompare(b.name)),
        csat: csatFigures(facts),
        previousCsat: csatFigures(before),
        comments,
      };
    },

    /** The conversations behind one figure (optionally of one local day), oldest first. */
    async conversations(
      query: TReportConversationsQuery,
      viewer: AuthUser,
    ): Promise<TReportConversationDto[]> {
      const r = await resolve(query, viewer);
      let facts = (await factsOf(r.days, r)).filter(isInFigure[query.figure]);
      if (query.date) {
        const i = r.days.dates.indexOf(query.date);
        if (i < 0) throw new AppError('REPORT_RANGE_INVALID');
        facts = factsByDay(facts, r.days)[i] ?? [];
      }
      return facts.slice(0, MAX_LISTED).map((f) => ({
        id: f.id,
        playbookId: f.playbookId,
        startedAt: f.createdAt,
        status: f.status,
        closeReason: f.closeReason,
        assigneeId: f.lastAssigneeId,
      }));
    },
  };
}
export type ReportsService = ReturnType<typeof createReportsService>;
