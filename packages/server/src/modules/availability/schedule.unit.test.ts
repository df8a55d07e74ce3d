import { DateTime } from 'luxon';
import type { TBusinessHours, THoursInterval, TWeekday } from '@charla/protocol';
import { describe, expect, it } from 'vitest';
import { backAtText, scheduleStateAt } from './schedule';

const EMPTY_WEEK = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };

function hours(
  timeZone: string,
  week: Partial<Record<TWeekday, THoursInterval[]>>,
  closedDates: string[] = [],
): TBusinessHours {
  return {
    enabled: true,
    timeZone,
    week: { ...EMPTY_WEEK, ...week },
    closedDates: closedDates.map((date) => ({ date, label: '' })),
  };
}

/** An instant from a wall time in a zone (ISO without offset). */
const local = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toMillis();
const utc = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).toMillis();

const MADRID = 'Europe/Madrid';
const NEW_YORK = 'America/New_York';
const nineToFive = [{ from: '09:00', to: '17:00' }];
const weekdaysNineToFive = {
  mon: nineToFive,
  tue: nineToFive,
  wed: nineToFive,
  thu: nineToFive,
  fri: nineToFive,
};

describe('scheduleStateAt', () => {
  it('is always open when business hours are off', () => {
    const off = { ...hours(MADRID, {}), enabled: false };
    expect(scheduleStateAt(off, utc('2026-01-04T03:00'))).toEqual({ open: true, nextChangeAt: null });
  });

  it('is closed for good when no weekday has an interval', () => {
    expect(scheduleStateAt(hours(MADRID, {}), utc('2026-01-04T03:00'))).toEqual({
      open: false,
      nextChangeAt: null,
    });
  });

  it('opens and closes on the wall clock of its time zone, with several intervals a day', () => {
    const split = hours(MADRID, {
      mon: [
        { from: '09:00', to: '13:00' },
        { from: '15:00', to: '19:00' },
      ],
    });
    // Monday 5 January 2026, Madrid is UTC+1.
    expect(scheduleStateAt(split, local('2026-01-05T08:59', MADRID))).toEqual({
      open: false,
      nextChangeAt: utc('2026-01-05T08:00'),
    });
    expect(scheduleStateAt(split, local('2026-01-05T09:00', MADRID))).toEqual({
      open: true,
      nextChangeAt: utc('2026-01-05T12:00'),
    });
    expect(scheduleStateAt(split, local('2026-01-05T13:00', MADRID))).toEqual({
      open: false,
      nextChangeAt: utc('2026-01-05T14:00'),
    });
    // After Monday's last interval the next opening is a week later.
    expect(scheduleStateAt(split, local('2026-01-05T19:30', MADRID)).nextChangeAt).toBe(
      utc('2026-01-12T08:00'),
    );
  });

  it('runs an interval past midnight into the next day', () => {
    const nights = hours(MADRID, { fri: [{ from: '22:00', to: '02:00' }] });
    // Friday 9 January 22:00 → Saturday 10 January 02:00 (local).
    expect(scheduleStateAt(nights, local('2026-01-10T01:30', MADRID))).toEqual({
      open: true,
      nextChangeAt: local('2026-01-10T02:00', MADRID),
    });
    expect(scheduleStateAt(nights, local('2026-01-10T02:00', MADRID))).toEqual({
      open: false,
      nextChangeAt: local('2026-01-16T22:00', MADRID),
    });
  });

  it('merges intervals that touch at midnight into one opening', () => {
    const late = hours(MADRID, {
      mon: [{ from: '22:00', to: '24:00' }],
      tue: [{ from: '00:00', to: '06:00' }],
    });
    expect(scheduleStateAt(late, local('2026-01-05T23:00', MADRID))).toEqual({
      open: true,
      nextChangeAt: local('2026-01-06T06:00', MADRID),
    });
  });

  it('closes whole local days on closed dates, cutting an overnight interval at midnight', () => {
    const shop = hours(MADRID, { ...weekdaysNineToFive, sun: [{ from: '22:00', to: '02:00' }] }, [
      '2026-12-07',
      '2026-12-08',
    ]);
    // Friday 4 December after hours: Monday 7 and Tuesday 8 are holidays → Wednesday 9.
    expect(scheduleStateAt(shop, local('2026-12-04T18:00', MADRID)).nextChangeAt).toBe(
      local('2026-12-06T22:00', MADRID),
    );
    expect(scheduleStateAt(shop, local('2026-12-06T23:00', MADRID))).toEqual({
      open: true,
      nextChangeAt: local('2026-12-07T00:00', MADRID),
    });
    expect(scheduleStateAt(shop, local('2026-12-07T10:00', MADRID))).toEqual({
      open: false,
      nextChangeAt: local('2026-12-09T09:00', MADRID),
    });
  });

  it('keeps wall-clock hours across the spring DST change in Madrid (a shorter night)', () => {
    const shop = hours(MADRID, weekdaysNineToFive);
    // Friday 27 March 2026 17:00 CET (UTC+1); Monday 30 March 09:00 CEST (UTC+2).
    expect(scheduleStateAt(shop, utc('2026-03-27T16:00'))).toEqual({
      open: false,
      nextChangeAt: utc('2026-03-30T07:00'),
    });
  });

  it('opens a wall time inside the spring DST gap when the clock jumps past it (Madrid)', () => {
    // Sunday 29 March 2026: 02:00 CET jumps to 03:00 CEST; 02:30 never happens.
    const gap = hours(MADRID, { sun: [{ from: '02:30', to: '05:00' }] });
    expect(scheduleStateAt(gap, utc('2026-03-29T00:59'))).toEqual({
      open: false,
      nextChangeAt: utc('2026-03-29T01:30'), // 03:30 CEST
    });
    expect(scheduleStateAt(gap, utc('2026-03-29T01:30'))).toEqual({
      open: true,
      nextChangeAt: utc('2026-03-29T03:00'), // 05:00 CEST
    });
  });

  it('takes the first occurrence of a wall time the autumn overlap shows twice (Madrid and New York)', () => {
    // Madrid, Sunday 25 October 2026: 03:00 CEST falls back to 02:00 CET; 02:30 happens twice.
    const madrid = hours(MADRID, { sun: [{ from: '02:30', to: '04:00' }] });
    expect(scheduleStateAt(madrid, utc('2026-10-25T00:00'))).toEqual({
      open: false,
      nextChangeAt: utc('2026-10-25T00:30'), // 02:30 CEST, the first one
    });
    // Open 02:30 CEST → 04:00 CET: two and a half hours that night.
    expect(scheduleStateAt(madrid, utc('2026-10-25T00:30')).nextChangeAt).toBe(utc('2026-10-25T03:00'));
    // New York, Sunday 1 November 2026: 02:00 EDT falls back to 01:00 EST.
    const ny = hours(NEW_YORK, { sun: [{ from: '01:30', to: '03:00' }] });
    expect(scheduleStateAt(ny, utc('2026-11-01T05:00'))).toEqual({
      open: false,
      nextChangeAt: utc('2026-11-01T05:30'), // 01:30 EDT
    });
    // Still open during the repeated hour (01:45 EST), until 03:00 EST.
    expect(scheduleStateAt(ny, utc('2026-11-01T06:45'))).toEqual({
      open: true,
      nextChangeAt: utc('2026-11-01T08:00'),
    });
  });

  it('keeps wall-clock hours across the spring and autumn changes in New York', () => {
    const shop = hours(NEW_YORK, weekdaysNineToFive);
    // Friday 6 March 2026 17:00 EST → Monday 9 March 09:00 EDT (UTC-4).
    expect(scheduleStateAt(shop, utc('2026-03-06T22:30')).nextChangeAt).toBe(utc('2026-03-09T13:00'));
    // Friday 30 October 17:00 EDT → Monday 2 November 09:00 EST (UTC-5).
    expect(scheduleStateAt(shop, utc('2026-10-30T21:30')).nextChangeAt).toBe(utc('2026-11-02T14:00'));
    expect(scheduleStateAt(shop, utc('2026-11-02T14:00')).open).toBe(true);
    expect(scheduleStateAt(shop, utc('2026-11-02T13:59')).open).toBe(false);
  });

  it('finds the next opening past a long run of closed dates', () => {
    const days = Array.from({ length: 40 }, (_, i) =>
      DateTime.fromISO('2026-08-01').plus({ days: i }).toISODate(),
    ).filter((d): d is string => d !== null);
    const shop = hours(MADRID, weekdaysNineToFive, days);
    expect(scheduleStateAt(shop, local('2026-07-31T18:00', MADRID)).nextChangeAt).toBe(
      local('2026-09-10T09:00', MADRID),
    );
  });
});

describe('backAtText', () => {
  const friday = local('2026-01-09T18:00', MADRID);
  it('says the day and time in the visitor’s language', () => {
    const monday = local('2026-01-12T09:00', MADRID);
    expect(backAtText(monday, friday, 'en', MADRID)).toBe('on Monday at 9:00');
    expect(backAtText(monday, friday, 'es', MADRID)).toBe('el lunes a las 9:00');
  });

  it('says today and tomorrow, and the date a week or more ahead', () => {
    expect(backAtText(local('2026-01-09T20:00', MADRID), friday, 'es', MADRID)).toBe('hoy a las 20:00');
    expect(backAtText(local('2026-01-10T01:00', MADRID), friday, 'es', MADRID)).toBe('mañana a la 1:00');
    expect(backAtText(local('2026-01-10T10:30', MADRID), friday, 'en', MADRID)).toBe('tomorrow at 10:30');
    const later = local('2026-01-19T09:00', MADRID);
    expect(backAtText(later, friday, 'en', MADRID)).toBe('on Monday, 19 January at 9:00');
    expect(backAtText(later, friday, 'es', MADRID)).toBe('el lunes 19 de enero a las 9:00');
  });

  it('uses the visitor’s time zone, which can move the day', () => {
    // Monday 09:00 in Madrid is Monday 03:00 in New York; Friday 18:00 Madrid is 12:00 there.
    const monday = local('2026-01-12T09:00', MADRID);
    expect(backAtText(monday, friday, 'en', NEW_YORK)).toBe('on Monday at 3:00');
    // Saturday 00:30 in Madrid is still Friday evening in New York: "today".
    expect(backAtText(local('2026-01-10T00:30', MADRID), friday, 'en', NEW_YORK)).toBe('today at 18:30');
  });

  it('is empty when live chat never opens again', () => {
    expect(backAtText(null, friday, 'es', MADRID)).toBe('');
  });
});
