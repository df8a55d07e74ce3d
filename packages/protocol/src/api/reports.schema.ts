import { z } from 'zod';

const ZLocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD');

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** A report's range: local calendar days (inclusive) in an IANA time zone (default: the company's). */
export const ZReportQuery = z.strictObject({
  from: ZLocalDate,
  to: ZLocalDate,
  timeZone: z.string().max(64).refine(isTimeZone, 'Unknown IANA time zone').optional(),
  playbookId: z.string().max(64).optional(),
  /** Admins only; regular users always see their own figures. */
  userId: z.string().max(64).optional(),
  /** Only the conversations routed to this team (404 TEAM_NOT_FOUND when it does not exist). */
  teamId: z.string().max(64).optional(),
  /** Only the conversations carrying this label now (422 LABEL_UNKNOWN when it does not exist). */
  labelId: z.string().max(64).optional(),
});
export type TReportQuery = z.infer<typeof ZReportQuery>;

/** Figures a report can list the conversations of. */
export const ZReportFigure = z.enum([
  'started',
  'botOnly',
  'requests',
  'reached',
  'assigned',
  'missed',
  'offline',
  'closed',
  'withLead',
  'withDeal',
  'rated',
]);
export type TReportFigure = z.infer<typeof ZReportFigure>;

export const ZReportRange = z.object({ from: z.string(), to: z.string(), timeZone: z.string() });

export const ZVolumeCounts = z.object({
  started: z.number(),
  botOnly: z.number(),
  requests: z.number(),
  assigned: z.number(),
  missed: z.number(),
  /** missed / requests, 0–1; null without requests. */
  missedRate: z.number().nullable(),
  closed: z.number(),
});
export type TVolumeCounts = z.infer<typeof ZVolumeCounts>;

export const ZVolumeReportDto = z.object({
  range: ZReportRange,
  previousRange: ZReportRange,
  totals: ZVolumeCounts,
  previous: ZVolumeCounts,
  days: z.array(ZVolumeCounts.extend({ date: z.string() })),
  /** Live chat requests by local weekday (0 = Monday) × hour (0–23). */
  heatmap: z.array(z.array(z.number())),
});
export type TVolumeReportDto = z.infer<typeof ZVolumeReportDto>;

export const ZDurationStats = z.object({
  count: z.number(),
  p50: z.number().nullable(),
  p90: z.number().nullable(),
});
export type TDurationStats = z.infer<typeof ZDurationStats>;

export const ZSpeedFigures = z.object({
  timeToAssign: ZDurationStats,
  firstResponse: ZDurationStats,
  resolution: ZDurationStats,
});
export type TSpeedFigures = z.infer<typeof ZSpeedFigures>;

export const ZSpeedReportDto = z.object({
  range: ZReportRange,
  previousRange: ZReportRange,
  totals: ZSpeedFigures,
  previous: ZSpeedFigures,
  users: z.array(ZSpeedFigures.extend({ userId: z.string(), name: z.string(), handled: z.number() })),
});
export type TSpeedReportDto = z.infer<typeof ZSpeedReportDto>;

export const ZMoneyTotal = z.object({ currency: z.string(), amountMinor: z.number() });

export const ZFunnelRow = z.object({
  playbookId: z.string().nullable(),
  name: z.string(),
  /**
   * Visitors who opened the widget (once per visitor, playbook and UTC day); null under a user,
   * team or label filter, which an open without a conversation has none of.
   */
  opened: z.number().nullable(),
  /** The same in the previous range of the same length. */
  openedPrevious: z.number().nullable(),
  started: z.number(),
  reachedLiveChat: z.number(),
  assigned: z.number(),
  missed: z.number(),
  offline: z.number(),
  withLead: z.number(),
  withDeal: z.number(),
  dealValue: z.array(ZMoneyTotal),
});
export type TFunnelRow = z.infer<typeof ZFunnelRow>;

export const ZCsatFigures = z.object({
  count: z.number(),
  /** Mean score 1–5; null without ratings. */
  average: z.number().nullable(),
  /** Share of 4–5 scores (thumbs up counts as 5), 0–1. */
  satisfiedRate: z.number().nullable(),
  /** Counts of scores 1, 2, 3, 4, 5. */
  distribution: z.array(z.number()),
});
export type TCsatFigures = z.infer<typeof ZCsatFigures>;

export const ZOutcomesReportDto = z.object({
  range: ZReportRange,
  previousRange: ZReportRange,
  funnel: z.array(ZFunnelRow),
  csat: ZCsatFigures,
  previousCsat: ZCsatFigures,
  comments: z.array(
    z.object({ conversationId: z.string(), score: z.number(), comment: z.string(), ratedAt: z.number() }),
  ),
});
export type TOutcomesReportDto = z.infer<typeof ZOutcomesReportDto>;

export const ZReportConversationsQuery = ZReportQuery.extend({
  figure: ZReportFigure,
  /** One local day of the range (a chart bar). */
  date: ZLocalDate.optional(),
});
export type TReportConversationsQuery = z.infer<typeof ZReportConversationsQuery>;

export const ZReportConversationDto = z.object({
  id: z.string(),
  playbookId: z.string().nullable(),
  startedAt: z.number(),
  status: z.enum(['bot', 'waiting', 'assigned', 'closed']),
  closeReason: z.string().nullable(),
  assigneeId: z.string().nullable(),
});
export type TReportConversationDto = z.infer<typeof ZReportConversationDto>;

export const ZReportTable = z.enum(['days', 'heatmap', 'users', 'funnel', 'csat', 'comments']);
export type TReportTable = z.infer<typeof ZReportTable>;
