import { z } from 'zod';
import { weekdays } from './api-names';
import { ZTimeZone } from './settings.schema';

/** Weekdays in ISO order (Monday first), the keys of a weekly schedule. */
export const ZWeekday = z.enum(weekdays);
export type TWeekday = z.infer<typeof ZWeekday>;

/** A wall-clock time `HH:MM`; `24:00` ends a day. */
export const ZClockTime = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:MM (00:00–24:00)');

/**
 * One opening interval of a weekday in the schedule's time zone. `to` at or before `from` runs
 * past midnight into the next day (`22:00`–`02:00`); `from` = `to` is refused.
 */
export const ZHoursInterval = z
  .strictObject({ from: ZClockTime, to: ZClockTime })
  .refine((i) => i.from !== i.to, 'An interval needs a length')
  .refine((i) => i.from !== '24:00', 'An interval cannot start at 24:00');
export type THoursInterval = z.infer<typeof ZHoursInterval>;

/** A closed date (holiday) in the schedule's time zone: the whole local day is closed. */
export const ZClosedDate = z.strictObject({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'),
  label: z.string().trim().max(80).default(''),
});
export type TClosedDate = z.infer<typeof ZClosedDate>;

/**
 * Business hours: off (always open, the seed behaviour) or a weekly schedule in one time zone
 * with several intervals per weekday and closed dates.
 */
export const ZBusinessHours = z.strictObject({
  enabled: z.boolean(),
  timeZone: ZTimeZone,
  week: z.strictObject(
    Object.fromEntries(weekdays.map((d) => [d, z.array(ZHoursInterval).max(6)])) as Record<
      TWeekday,
      z.ZodArray<typeof ZHoursInterval>
    >,
  ),
  closedDates: z.array(ZClosedDate).max(200),
});
export type TBusinessHours = z.infer<typeof ZBusinessHours>;

/** Where a schedule comes from: the company's, or a playbook's own override. */
export const ZBusinessHoursDto = z.object({
  scope: z.enum(['company', 'playbook']),
  playbookId: z.string().nullable(),
  hours: ZBusinessHours,
  updatedAt: z.number().nullable(),
});
export type TBusinessHoursDto = z.infer<typeof ZBusinessHoursDto>;

/** "Open now?": whether live chat is within hours at `at`, and when that changes. */
export const ZBusinessHoursStatusDto = z.object({
  at: z.number(),
  open: z.boolean(),
  /** The schedule that decided (a playbook's override, or the company's). */
  scope: z.enum(['company', 'playbook']),
  /** Next opening (when closed) or closing (when open); null when it never changes. */
  nextChangeAt: z.number().nullable(),
  /** What `{{back_at}}` says when closed ("on Monday at 9:00"), in the language and zone asked. */
  backAt: z.string(),
});
export type TBusinessHoursStatusDto = z.infer<typeof ZBusinessHoursStatusDto>;

export const ZBusinessHoursStatusQuery = z.strictObject({
  playbookId: z.string().max(64).optional(),
  at: z.coerce.number().int().min(0).optional(),
  language: z.enum(['en', 'es']).default('en'),
  timeZone: ZTimeZone.optional(),
});

// ---- Teams ----

export const ZTeamDto = z.object({
  id: z.string(),
  name: z.string(),
  memberIds: z.array(z.string()),
  createdAt: z.number(),
});
export type TTeamDto = z.infer<typeof ZTeamDto>;

export const ZTeamRequest = z.strictObject({
  name: z.string().trim().min(1).max(60),
  memberIds: z.array(z.string().max(64)).max(500),
});
export type TTeamRequest = z.infer<typeof ZTeamRequest>;

// ---- Capacity ----

/** Max open assigned chats of a user for automatic assignment; null: no limit. */
export const ZCapacity = z.number().int().min(1).max(100).nullable();
export const ZCapacityRequest = z.strictObject({ capacity: ZCapacity });

/** A user's routing facts, for the Users page. */
export const ZUserRoutingDto = z.object({
  userId: z.string(),
  capacity: ZCapacity,
  openAssigned: z.number(),
  online: z.boolean(),
  teamIds: z.array(z.string()),
});
export type TUserRoutingDto = z.infer<typeof ZUserRoutingDto>;
