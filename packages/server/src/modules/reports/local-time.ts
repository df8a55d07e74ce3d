import { zoneOffsetMs, type LocalDays } from './zoned-days';

// Local calendar days and hours in SQL: local wall-clock time = instant + the zone's offset at that
// instant, and the offset only changes at a few transitions a year. So the database groups by
// (t + offset(t)) / day with offset(t) a CASE over those transitions: one row per local day (or
// weekday × hour) comes back instead of one per conversation.

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

/** The zone's offset from `from` on; each segment holds until the next one's `from`. */
export type OffsetSegment = { from: number; offsetMs: number };

function firstWithOffset(lo: number, hi: number, offset: number, timeZone: string): number {
  // zoneOffsetMs(lo) differs, zoneOffsetMs(hi) === offset; transitions are on whole seconds.
  let a = Math.floor(lo / 1000);
  let b = Math.ceil(hi / 1000);
  while (b - a > 1) {
    const mid = Math.floor((a + b) / 2);
    if (zoneOffsetMs(mid * 1000, timeZone) === offset) b = mid;
    else a = mid;
  }
  return b * 1000;
}

/** The offset segments covering the range (one for a zone without DST). */
export function offsetSegments(days: LocalDays): OffsetSegment[] {
  const { starts, timeZone } = days;
  const first = starts[0] as number;
  const segments: OffsetSegment[] = [{ from: first, offsetMs: zoneOffsetMs(first, timeZone) }];
  for (let i = 1; i < starts.length; i += 1) {
    const at = (starts[i] as number) - 1;
    const offset = zoneOffsetMs(at, timeZone);
    const current = (segments.at(-1) as OffsetSegment).offsetMs;
    if (offset !== current)
      segments.push({
        from: firstWithOffset(starts[i - 1] as number, at, offset, timeZone),
        offsetMs: offset,
      });
  }
  return segments;
}

/** Local date "YYYY-MM-DD" of a local day number ((t + offset) / day). */
export const dateOfLocalDay = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** Weekday (0 = Monday) and hour of a local hour number ((t + offset) / hour); 1 Jan 1970 was a Thursday. */
export function weekdayHourOfLocalHour(n: number): { weekday: number; hour: number } {
  const index = (((n + 72) % 168) + 168) % 168;
  return { weekday: Math.floor(index / 24), hour: index % 24 };
}
