import type {
  TCsatFigures,
  TDurationStats,
  TReportFigure,
  TSpeedFigures,
  TVolumeCounts,
} from '@charla/protocol';
import type { ConversationFact } from './conversation-facts';
import { dayIndexOf, weekdayHourOf, type LocalDays } from './zoned-days';

// Every figure counts the conversations STARTED in the range, on the local day they started
// (a chat started at 23:50 and answered at 00:10 belongs to the first day), so each number on a
// day adds up to the range total and lists exactly the conversations behind it.

/** Whether a conversation counts towards a figure. */
export const isInFigure: Record<TReportFigure, (f: ConversationFact) => boolean> = {
  started: () => true,
  botOnly: (f) => f.requestedAt === null && !f.offline && !f.missed,
  requests: (f) => f.requestedAt !== null,
  reached: (f) => reachedLiveChat(f),
  assigned: (f) => f.firstAssignedAt !== null,
  missed: (f) => f.missed,
  offline: (f) => f.offline,
  closed: (f) => f.status === 'closed',
  withLead: (f) => f.leads > 0,
  withDeal: (f) => f.dealCount > 0,
  rated: (f) => f.rating !== null,
};

export function volumeCounts(facts: readonly ConversationFact[]): TVolumeCounts {
  const count = (figure: TReportFigure) => facts.filter(isInFigure[figure]).length;
  const requests = count('requests');
  const missed = count('missed');
  return {
    started: facts.length,
    botOnly: count('botOnly'),
    requests,
    assigned: count('assigned'),
    missed,
    missedRate: requests === 0 ? null : missed / requests,
    closed: count('closed'),
  };
}

/** The conversations of each local day of the range. */
export function factsByDay(facts: readonly ConversationFact[], days: LocalDays): ConversationFact[][] {
  const byDay: ConversationFact[][] = days.dates.map(() => []);
  for (const f of facts) byDay[dayIndexOf(days, f.createdAt)]?.push(f);
  return byDay;
}

/** Live chat requests by local weekday (0 = Monday) × hour, when the visitor asked. */
export function requestHeatmap(facts: readonly ConversationFact[], days: LocalDays): number[][] {
  const grid = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  for (const f of facts) {
    if (f.requestedAt === null) continue;
    const at = weekdayHourOf(days, f.requestedAt);
    const row = at ? grid[at.weekday] : undefined;
    if (at && row) row[at.hour] = (row[at.hour] ?? 0) + 1;
  }
  return grid;
}

/** Nearest-rank percentile of durations (ms); null for none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? null;
}

function stats(values: number[]): TDurationStats {
  return { count: values.length, p50: percentile(values, 50), p90: percentile(values, 90) };
}

/**
 * Time to assign: request → first assignment. First response: request → first team message
 * after the assignment. Resolution: request → close, for chats someone took.
 */
export function speedFigures(facts: readonly ConversationFact[], userId?: string): TSpeedFigures {
  const toAssign: number[] = [];
  const firstResponse: number[] = [];
  const resolution: number[] = [];
  for (const f of facts) {
    if (f.requestedAt === null || f.firstAssignedAt === null) continue;
    if (!userId || f.firstAssigneeId === userId) toAssign.push(f.firstAssignedAt - f.requestedAt);
    if (f.firstResponseAt !== null && (!userId || f.firstResponderId === userId))
      firstResponse.push(f.firstResponseAt - f.requestedAt);
    if (f.closedAt !== null && (!userId || f.lastAssigneeId === userId))
      resolution.push(f.closedAt - f.requestedAt);
  }
  return {
    timeToAssign: stats(toAssign),
    firstResponse: stats(firstResponse),
    resolution: stats(resolution),
  };
}

/** Per user: the chats they ever had; each duration goes to who took it / answered / closed it. */
export function speedByUser(
  facts: readonly ConversationFact[],
): Array<TSpeedFigures & { userId: string; handled: number }> {
  const users = new Map<string, ConversationFact[]>();
  for (const f of facts) for (const id of f.userIds) users.set(id, [...(users.get(id) ?? []), f]);
  return [...users].map(([userId, own]) => ({ userId, handled: own.length, ...speedFigures(own, userId) }));
}

export function csatFigures(facts: readonly ConversationFact[]): TCsatFigures {
  const scores = facts.flatMap((f) => (f.rating ? [f.rating.score] : []));
  const distribution = [1, 2, 3, 4, 5].map((s) => scores.filter((x) => x === s).length);
  const sum = scores.reduce((a, b) => a + b, 0);
  return {
    count: scores.length,
    average: scores.length ? sum / scores.length : null,
    satisfiedRate: scores.length ? scores.filter((s) => s >= 4).length / scores.length : null,
    distribution,
  };
}

/** The visitor got to the live chat card: asked for a person, or it went offline or missed. */
export const reachedLiveChat = (f: ConversationFact): boolean =>
  f.requestedAt !== null || f.offline || f.missed;

/** The funnel of one playbook: started → reached live chat → assigned / missed / offline → CRM. */
export function funnelOf(facts: readonly ConversationFact[]) {
  const values = new Map<string, number>();
  for (const f of facts)
    for (const d of f.deals) values.set(d.currency, (values.get(d.currency) ?? 0) + d.valueMinor);
  return {
    started: facts.length,
    reachedLiveChat: facts.filter(reachedLiveChat).length,
    assigned: facts.filter(isInFigure.assigned).length,
    missed: facts.filter(isInFigure.missed).length,
    offline: facts.filter(isInFigure.offline).length,
    withLead: facts.filter(isInFigure.withLead).length,
    withDeal: facts.filter(isInFigure.withDeal).length,
    dealValue: [...values]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, amountMinor]) => ({ currency, amountMinor })),
  };
}
