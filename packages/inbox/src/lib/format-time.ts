import { dateTimeFormat, relativeTimeFormat } from './intl-cache';

/** Elapsed time as a compact clock: "0:42", "12:05", "1:02:05", then "3d 4h" beyond a day. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (days > 0) return `${days}d ${hours}h`;
  const pad = (n: number) => String(n).padStart(2, '0');
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${minutes}:${pad(seconds)}`;
}

function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** "14:05" today, "12 Mar, 14:05" on another day this year, with the year otherwise. */
export function formatTimestamp(
  at: number,
  locale: string,
  now: number = Date.now(),
  timeZone?: string,
): string {
  const date = new Date(at);
  const today = new Date(now);
  const time: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', timeZone };
  if (timeZone === undefined && sameDay(date, today)) return dateTimeFormat(locale, time).format(date);
  const withDate: Intl.DateTimeFormatOptions = { ...time, day: 'numeric', month: 'short' };
  if (date.getFullYear() !== today.getFullYear()) withDate.year = 'numeric';
  return dateTimeFormat(locale, withDate).format(date);
}

/** Short relative time for lists: "now", "5 min ago", "3 h ago", then a date. */
export function formatRelative(at: number, locale: string, now: number = Date.now()): string {
  const seconds = Math.round((now - at) / 1000);
  const rtf = relativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
  if (seconds < 45) return rtf.format(0, 'second');
  if (seconds < 3600) return rtf.format(-Math.round(seconds / 60), 'minute');
  if (seconds < 86_400) return rtf.format(-Math.round(seconds / 3600), 'hour');
  return dateTimeFormat(locale, { day: 'numeric', month: 'short' }).format(new Date(at));
}
