import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayIndexOf,
  daysBetween,
  localDays,
  startOfLocalDay,
  weekdayHourOf,
  weekdayOf,
} from './zoned-days';

const H = 3600_000;

describe('local days in an IANA time zone', () => {
  it('starts a Madrid winter day at 23:00 UTC the day before, a summer day at 22:00', () => {
    expect(startOfLocalDay('2026-01-15', 'Europe/Madrid')).toBe(Date.UTC(2026, 0, 14, 23));
    expect(startOfLocalDay('2026-07-15', 'Europe/Madrid')).toBe(Date.UTC(2026, 6, 14, 22));
    expect(startOfLocalDay('2026-07-15', 'UTC')).toBe(Date.UTC(2026, 6, 15));
  });

  it('makes the spring DST day 23 hours long and the autumn one 25 (Madrid 2026: 29 Mar, 25 Oct)', () => {
    const spring = localDays('2026-03-29', '2026-03-29', 'Europe/Madrid');
    expect((spring.starts[1] as number) - (spring.starts[0] as number)).toBe(23 * H);
    const autumn = localDays('2026-10-25', '2026-10-25', 'Europe/Madrid');
    expect((autumn.starts[1] as number) - (autumn.starts[0] as number)).toBe(25 * H);
    const ny = localDays('2026-03-08', '2026-03-08', 'America/New_York');
    expect((ny.starts[1] as number) - (ny.starts[0] as number)).toBe(23 * H);
  });

  it('reads local hours right on DST days (03:30 exists once in spring, 02:30 twice in autumn)', () => {
    const spring = localDays('2026-03-29', '2026-03-29', 'Europe/Madrid');
    // 01:30 UTC is 03:30 CEST: the hour 02:00–03:00 does not exist that day.
    expect(weekdayHourOf(spring, Date.UTC(2026, 2, 29, 1, 30))).toEqual({ weekday: 6, hour: 3 });
    const autumn = localDays('2026-10-25', '2026-10-25', 'Europe/Madrid');
    expect(weekdayHourOf(autumn, Date.UTC(2026, 9, 25, 0, 30))?.hour).toBe(2);
    expect(weekdayHourOf(autumn, Date.UTC(2026, 9, 25, 1, 30))?.hour).toBe(2);
    expect(weekdayHourOf(autumn, Date.UTC(2026, 9, 25, 22, 59))?.hour).toBe(23);
  });

  it('puts an instant on its local day, or outside the range', () => {
    const days = localDays('2026-01-01', '2026-01-03', 'Europe/Madrid');
    expect(dayIndexOf(days, Date.UTC(2025, 11, 31, 22, 59))).toBe(-1);
    expect(dayIndexOf(days, Date.UTC(2025, 11, 31, 23, 0))).toBe(0);
    expect(dayIndexOf(days, Date.UTC(2026, 0, 1, 23, 30))).toBe(1);
    expect(dayIndexOf(days, Date.UTC(2026, 0, 3, 22, 59))).toBe(2);
    expect(dayIndexOf(days, Date.UTC(2026, 0, 3, 23, 0))).toBe(-1);
  });

  it('does calendar arithmetic', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysBetween('2026-01-01', '2026-01-31')).toBe(31);
    expect(weekdayOf('2026-01-05')).toBe(0); // a Monday
    expect(weekdayOf('2026-01-04')).toBe(6);
  });
});
