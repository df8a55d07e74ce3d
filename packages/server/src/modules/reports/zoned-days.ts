// Local calendar days in an IANA time zone, computed from the zone's own rules (Intl), so DST
// days are 23 or 25 hours long and a conversation at 00:30 in Madrid lands on its Madrid day.

const HOUR_MS = 3600_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The zone's wall-clock reading of an instant, as if it were UTC (milliseconds dropped). */
function wallClock(ts: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ts)))
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** Offset of the zone from UTC at an instant, in ms (Madrid in summer: +2 h). */
export function zoneOffsetMs(ts: number, timeZone: string): number {
  const whole = Math.floor(ts / 1000) * 1000;
  return wallClock(whole, timeZone) - whole;
}

/** "YYYY-MM-DD" plus n days (calendar arithmetic, no zone involved). */
export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both included (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The instant the local day starts (its first existing minute when midnight is skipped by DST). */
export function startOfLocalDay(date: string, timeZone: string): number {
  const guess = Date.parse(`${date}T00:00:00Z`);
  const first = guess - zoneOffsetMs(guess, timeZone);
  const second = guess - zoneOffsetMs(first, timeZone);
  // A midnight that does not exist (e.g. America/Santiago): take the later candidate.
  return wallClock(second, timeZone) === guess ? second : Math.max(first, second);
}

/** Day 0 = Monday … 6 = Sunday of a "YYYY-MM-DD". */
export function weekdayOf(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

export type LocalDays = {
  dates: string[];
  /** starts[i] is the first instant of dates[i]; starts[dates.length] is the end of the range. */
  starts: number[];
  timeZone: string;
};

/** The local days of an inclusive range with their boundaries. */
export function localDays(from: string, to: string, timeZone: string): LocalDays {
  const n = daysBetween(from, to);
  const dates = Array.from({ length: n }, (_, i) => addDays(from, i));
  const starts = [...dates, addDays(to, 1)].map((d) => startOfLocalDay(d, timeZone));
  return { dates, starts, timeZone };
}

/** Index of the local day an instant falls on, or -1 outside the range (binary search). */
export function dayIndexOf(days: LocalDays, ts: number): number {
  const { starts } = days;
  if (ts < (starts[0] ?? 0) || ts >= (starts.at(-1) ?? 0)) return -1;
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= ts) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Local weekday (0 = Monday) and hour (0–23) of an instant inside the range. */
export function weekdayHourOf(days: LocalDays, ts: number): { weekday: number; hour: number } | null {
  const i = dayIndexOf(days, ts);
  if (i < 0) return null;
  const date = days.dates[i] as string;
  const start = days.starts[i] as number;
  const end = days.starts[i + 1] as number;
  // A 24-hour day has no offset change: the hour is plain arithmetic. DST days ask the zone.
  const hour =
    end - start === 24 * HOUR_MS
      ? Math.floor((ts - start) / HOUR_MS)
      : new Date(wallClock(ts, days.timeZone)).getUTCHours();
  return { weekday: weekdayOf(date), hour };
}
