import type { TReportTable } from '@charla/protocol';
import { toCsv } from './csv';
import type { ReportsService } from './reports.service';

type Args = Parameters<ReportsService['volume']>;
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const seconds = (ms: number | null) => (ms === null ? null : Math.round(ms / 1000));

/** Each table of the reports screen as CSV (durations in seconds, money in minor units). */
export async function reportTableCsv(
  reports: ReportsService,
  table: TReportTable,
  ...args: Args
): Promise<string> {
  return TABLES[table](reports, args);
}

async function daysCsv(reports: ReportsService, args: Args): Promise<string> {
  const r = await reports.volume(...args);
  return toCsv(
    ['date', 'started', 'bot_only', 'live_chat_requests', 'assigned', 'missed', 'missed_rate', 'closed'],
    r.days.map((d) => [
      d.date,
      d.started,
      d.botOnly,
      d.requests,
      d.assigned,
      d.missed,
      d.missedRate,
      d.closed,
    ]),
  );
}

async function heatmapCsv(reports: ReportsService, args: Args): Promise<string> {
  const r = await reports.volume(...args);
  return toCsv(
    ['weekday', ...Array.from({ length: 24 }, (_, h) => `h${String(h).padStart(2, '0')}`)],
    r.heatmap.map((row, i) => [WEEKDAYS[i] ?? '', ...row]),
  );
}

async function usersCsv(reports: ReportsService, args: Args): Promise<string> {
  const r = await reports.speed(...args);
  return toCsv(
    [
      'user_id',
      'name',
      'handled',
      'time_to_assign_p50_s',
      'time_to_assign_p90_s',
      'first_response_p50_s',
      'first_response_p90_s',
      'resolution_p50_s',
      'resolution_p90_s',
    ],
    r.users.map((u) => [
      u.userId,
      u.name,
      u.handled,
      seconds(u.timeToAssign.p50),
      seconds(u.timeToAssign.p90),
      seconds(u.firstResponse.p50),
      seconds(u.firstResponse.p90),
      seconds(u.resolution.p50),
      seconds(u.resolution.p90),
    ]),
  );
}

async function funnelCsv(reports: ReportsService, args: Args): Promise<string> {
  const r = await reports.outcomes(...args);
  return toCsv(
    [
      'playbook_id',
      'playbook',
      'opened',
      'opened_previous',
      'started',
      'reached_live_chat',
      'assigned',
      'missed',
      'offline',
      'with_lead',
      'with_deal',
      'deal_value',
    ],
    r.funnel.map((f) => [
      f.playbookId,
      f.name,
      f.opened,
      f.openedPrevious,
      f.started,
      f.reachedLiveChat,
      f.assigned,
      f.missed,
      f.offline,
      f.withLead,
      f.withDeal,
      f.dealValue.map((v) => `${v.amountMinor} ${v.currency}`).join('; '),
    ]),
  );
}

async function csatCsv(reports: ReportsService, args: Args): Promise<string> {
  const r = await reports.outcomes(...args);
  return toCsv(
    ['score', 'ratings'],
    r.csat.distribution.map((count, i) => [i + 1, count]),
  );
}

async function commentsCsv(reports: ReportsService, args: Args): Promise<string> {
  const r = await reports.outcomes(...args);
  return toCsv(
    ['conversation_id', 'score', 'rated_at', 'comment'],
    r.comments.map((c) => [c.conversationId, c.score, new Date(c.ratedAt).toISOString(), c.comment]),
  );
}

const TABLES: Record<TReportTable, (reports: ReportsService, args: Args) => Promise<string>> = {
  days: daysCsv,
  heatmap: heatmapCsv,
  users: usersCsv,
  funnel: funnelCsv,
  csat: csatCsv,
  comments: commentsCsv,
};
