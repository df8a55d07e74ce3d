import { describe, expect, it } from 'vitest';
import { dateOfLocalDay, DAY_MS, HOUR_MS, offsetSegments, weekdayHourOfLocalHour } from './local-time';
import { dayIndexOf, localDays, weekdayHourOf } from './zoned-days';

/** What the SQL CASE computes for an instant. */
function local(t: number, segments: ReturnType<typeof offsetSegments>): number {
  let offset = segments[0]?.offsetMs ?? 0;
  for (const s of segments) if (t >= s.from) offset = s.offsetMs;
  return t + offset;
}

describe('local days and hours by offset segments', () => {
  it('finds Madrid’s two DST transitions of 2026 at 01:00 UTC', () => {
    const year = localDays('2026-01-01', '2026-12-31', 'Europe/Madrid');
    expect(offsetSegments(year)).toEqual([
      { from: year.starts[0], offsetMs: HOUR_MS },
      { from: Date.UTC(2026, 2, 29, 1), offsetMs: 2 * HOUR_MS },
      { from: Date.UTC(2026, 9, 25, 1), offsetMs: HOUR_MS },
    ]);
  });

  it('puts every instant of a DST month on the same local day and hour as the zone rules', () => {
    for (const zone of ['Europe/Madrid', 'America/Santiago', 'Asia/Kathmandu', 'UTC']) {
      const days = localDays('2026-03-25', '2026-04-08', zone);
      const segments = offsetSegments(days);
      const end = days.starts.at(-1) as number;
      for (let t = days.starts[0] as number; t < end; t += 17 * 60_000) {
        const wall = local(t, segments);
        expect(days.dates.indexOf(dateOfLocalDay(Math.floor(wall / DAY_MS)))).toBe(dayIndexOf(days, t));
        expect(weekdayHourOfLocalHour(Math.floor(wall / HOUR_MS))).toEqual(weekdayHourOf(days, t));
      }
    }
  });
});
