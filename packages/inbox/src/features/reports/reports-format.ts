import { dateTimeFormat, numberFormat } from '../../lib/intl-cache';

// Localized numbers, durations, percentages and dates of the reports screen (pure; en/es).

export function formatCount(n: number, locale: string): string {
  return numberFormat(locale).format(n);
}

export function formatPercent(rate: number | null, locale: string): string {
  if (rate === null) return '—';
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}

export function formatAverage(value: number | null, locale: string): string {
  if (value === null) return '—';
  return numberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

/** A duration in ms as "45 s", "3 min 20 s", "2 h 5 min" (units read the same in en and es). */
export function formatDuration(ms: number | null, locale: string): string {
  if (ms === null) return '—';
  const s = Math.round(ms / 1000);
  const n = (v: number) => numberFormat(locale).format(v);
  if (s < 60) return `${n(s)} s`;
  const min = Math.floor(s / 60);
  if (min < 60) return s % 60 ? `${n(min)} min ${n(s % 60)} s` : `${n(min)} min`;
  const h = Math.floor(min / 60);
  return min % 60 ? `${n(h)} h ${n(min % 60)} min` : `${n(h)} h`;
}

/** Change against the previous range: "+12 %" / "−3 %"; null when there is nothing to compare. */
export function formatChange(now: number, before: number, locale: string): string | null {
  if (before === 0) return null;
  const change = (now - before) / before;
  const text = numberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: 0,
    signDisplay: 'exceptZero',
  }).format(change);
  return text;
}

/** A local calendar day "YYYY-MM-DD" as "Mon 3 Mar" / "lun 3 mar" (no zone shift: it is a label). */
export function formatDay(date: string, locale: string): string {
  return dateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

/** A chart axis label: "Mar 3" / "3 mar". */
export function formatShortDay(date: string, locale: string): string {
  return dateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/** An instant in the viewer's zone, e.g. "3 Mar 2026, 14:05". */
export function formatDateTime(ts: number, locale: string, timeZone: string): string {
  return dateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(new Date(ts));
}

/** Short weekday names, Monday first. */
export function weekdayNames(locale: string): string[] {
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) =>
    dateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1 + i))),
  );
}

/** "YYYY-MM-DD" of today in a zone, and n days before it. */
export function localToday(timeZone: string, now = Date.now()): string {
  return dateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(now));
}

export function shiftDate(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
