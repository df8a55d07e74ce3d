import { describe, expect, it } from 'vitest';
import type { TCrmActivityDto } from '@charla/protocol';
import { byDue, dueWindows, endOfLocalDay } from './activity-windows';

describe('My activities windows', () => {
  it('splits at now and at the next local midnight, then lists open undated ones last', () => {
    const now = new Date(2030, 5, 15, 14, 30);
    const midnight = new Date(2030, 5, 16).getTime();
    expect(endOfLocalDay(now)).toBe(midnight);
    expect(dueWindows(now)).toEqual([
      { id: 'overdue', query: { dueBefore: now.getTime(), done: 'false' } },
      { id: 'today', query: { dueFrom: now.getTime(), dueBefore: midnight } },
      { id: 'upcoming', query: { dueFrom: midnight, done: 'false' } },
      { id: 'undated', query: { undated: 'true', done: 'false' } },
    ]);
  });

  it('ends the last day of a month and a year at the next local midnight', () => {
    expect(endOfLocalDay(new Date(2030, 11, 31, 23, 59))).toBe(new Date(2031, 0, 1).getTime());
  });

  it('orders by due time, undated last', () => {
    const a = (subject: string, dueAt: number | null) => ({ subject, dueAt }) as TCrmActivityDto;
    const list = [a('late', null), a('b', 20), a('a', 20), a('first', 10)];
    expect(list.sort(byDue).map((x) => x.subject)).toEqual(['first', 'a', 'b', 'late']);
  });
});
