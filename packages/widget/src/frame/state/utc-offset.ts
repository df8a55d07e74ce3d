/**
 * The visitor's UTC offset ("UTC+02:00"). Not the IANA zone name: the first Intl.DateTimeFormat
 * costs ~15 ms (60 ms on a slow phone) loading time-zone data, a third of the opening budget.
 */
export function utcOffset(date: Date): string {
  const minutes = -date.getTimezoneOffset();
  const abs = Math.abs(minutes);
  return `UTC${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
