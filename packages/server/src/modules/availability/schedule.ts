import { DateTime } from 'luxon';
import { weekdays, type TBusinessHours, type TLanguage } from '@charla/protocol';

/** An opening as instants: [start, end) in epoch milliseconds. */
export type Opening = readonly [start: number, end: number];

/** What the schedule says at an instant (pure). */
export type ScheduleState = { open: boolean; nextChangeAt: number | null };

const SHORT_WINDOW_DAYS = 16;
const LONG_WINDOW_DAYS = 400;

function atClock(day: DateTime, clock: string): DateTime {
  const [h, m] = clock.split(':').map(Number) as [number, number];
  // 24:00 is the next midnight. A wall time inside a DST gap does not exist: luxon moves it
  // forward by the gap (02:30 on a spring-forward night opens at 03:30), as a wall clock does.
  if (h === 24) return day.plus({ days: 1 }).startOf('day');
  const time = DateTime.fromObject(
    { year: day.year, month: day.month, day: day.day, hour: h, minute: m },
    { zone: day.zone },
  );
  // A wall time the autumn overlap shows twice: luxon takes the second; we take the first (the
  // moment the clock first says it), for openings and closings alike.
  const shift = time.minus({ hours: 6 }).offset - time.offset;
  if (shift <= 0) return time;
  const first = time.minus({ minutes: shift });
  return first.hour === time.hour && first.minute === time.minute ? first : time;
}

/** Cuts [start, end) by the closed days (each a whole local day); returns what is left. */
function withoutClosed(opening: Opening, closed: readonly Opening[]): Opening[] {
  let parts: Opening[] = [opening];
  for (const [cs, ce] of closed) {
    parts = parts.flatMap(([s, e]): Opening[] => {
      if (ce <= s || cs >= e) return [[s, e]];
      return [...(s < cs ? [[s, cs] as const] : []), ...(ce < e ? [[ce, e] as const] : [])];
    });
  }
  return parts;
}

/**
 * Every opening whose local start day is within [firstDay, firstDay + days), cut by closed
 * dates and merged where they touch (Monday 22:00–24:00 and Tuesday 00:00–06:00 are one).
 */
export function openingsFrom(hours: TBusinessHours, firstDay: DateTime, days: number): Opening[] {
  const closed = hours.closedDates.map((c): Opening => {
    const day = DateTime.fromISO(c.date, { zone: hours.timeZone }).startOf('day');
    return [day.toMillis(), day.plus({ days: 1 }).startOf('day').toMillis()];
  });
  const raw: Opening[] = [];
  for (let i = 0; i < days; i += 1) {
    const day = firstDay.plus({ days: i }).startOf('day');
    const weekday = weekdays[day.weekday - 1] ?? 'mon';
    for (const interval of hours.week[weekday]) {
      const start = atClock(day, interval.from);
      const overnight = interval.to !== '24:00' && interval.to <= interval.from;
      const end = atClock(overnight ? day.plus({ days: 1 }) : day, interval.to);
      if (end.toMillis() > start.toMillis())
        raw.push(...withoutClosed([start.toMillis(), end.toMillis()], closed));
    }
  }
  raw.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [s, e] of raw) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

/**
 * Whether the schedule is open at `at` and when that next changes (an opening when closed, a
 * closing when open; null when it never does). Off means always open (the seed behaviour).
 */
export function scheduleStateAt(hours: TBusinessHours, at: number): ScheduleState {
  if (!hours.enabled) return { open: true, nextChangeAt: null };
  const yesterday = DateTime.fromMillis(at, { zone: hours.timeZone }).minus({ days: 1 }).startOf('day');
  for (const days of [SHORT_WINDOW_DAYS, LONG_WINDOW_DAYS]) {
    const openings = openingsFrom(hours, yesterday, days);
    const windowEnd = yesterday.plus({ days }).startOf('day').toMillis();
    const inside = openings.find(([s, e]) => s <= at && at < e);
    if (inside) {
      if (inside[1] < windowEnd) return { open: true, nextChangeAt: inside[1] };
      if (days === LONG_WINDOW_DAYS) return { open: true, nextChangeAt: null };
      continue;
    }
    const next = openings.find(([s]) => s > at);
    if (next) return { open: false, nextChangeAt: next[0] };
  }
  return { open: false, nextChangeAt: null };
}

type Words = { today: string; tomorrow: string; at: string; on: string };
const WORDS: Record<string, Words> = {
  en: { today: 'today', tomorrow: 'tomorrow', at: 'at', on: 'on' },
  es: { today: 'hoy', tomorrow: 'mañana', at: 'a las', on: 'el' },
  'pt-BR': { today: 'hoje', tomorrow: 'amanhã', at: 'às', on: '' },
  fr: { today: "aujourd'hui", tomorrow: 'demain', at: 'à', on: '' },
  de: { today: 'heute', tomorrow: 'morgen', at: 'um', on: 'am' },
};

/**
 * `{{back_at}}`: when live chat opens again, in the visitor's language and time zone ("on
 * Monday at 9:00", "el lunes a las 9:00", "tomorrow at 9:00"); empty when it never does.
 */
export function backAtText(
  nextOpenAt: number | null,
  now: number,
  language: TLanguage,
  timeZone: string,
): string {
  if (nextOpenAt === null) return '';
  // The pseudo-locales (tests) read as English.
  const real = language in WORDS ? language : 'en';
  const words = WORDS[real] as Words;
  const when = DateTime.fromMillis(nextOpenAt, { zone: timeZone }).setLocale(real);
  const today = DateTime.fromMillis(now, { zone: timeZone }).startOf('day');
  const days = Math.round(when.startOf('day').diff(today, 'days').days);
  const time = when.toFormat('H:mm');
  const at = language === 'es' && when.hour === 1 ? 'a la' : words.at;
  if (days <= 0) return `${words.today} ${at} ${time}`;
  if (days === 1) return `${words.tomorrow} ${at} ${time}`;
  const weekday = when.toFormat('cccc');
  const on = words.on ? `${words.on} ` : '';
  if (days < 7) return `${on}${weekday} ${at} ${time}`;
  const date = language === 'es' ? when.toFormat("d 'de' LLLL") : when.toFormat('d LLLL');
  return language === 'es'
    ? `${words.on} ${weekday} ${date} ${at} ${time}`
    : `${on}${weekday}, ${date} ${at} ${time}`;
}
