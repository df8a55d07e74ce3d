import type { TCrmActivityDto } from '@charla/protocol';

export type WindowId = 'overdue' | 'today' | 'upcoming' | 'undated';
export type DueWindow = {
  id: WindowId;
  query: { dueFrom?: number; dueBefore?: number; undated?: 'true'; done?: 'false' };
};

/** The start of the day after `now`, in the viewer's own time zone. */
export function endOfLocalDay(now: Date): number {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1).getTime();
}

/**
 * "My activities" (issue 15): open ones past due, the rest of today (done ones too, to tick them
 * back), open ones after today, by the viewer's clock and time zone, and last the open ones with
 * no due date (which no time range matches).
 */
export function dueWindows(now: Date): DueWindow[] {
  const at = now.getTime();
  const end = endOfLocalDay(now);
  return [
    { id: 'overdue', query: { dueBefore: at, done: 'false' } },
    { id: 'today', query: { dueFrom: at, dueBefore: end } },
    { id: 'upcoming', query: { dueFrom: end, done: 'false' } },
    { id: 'undated', query: { undated: 'true', done: 'false' } },
  ];
}

/** Soonest first; equal times by subject. */
export function byDue(a: TCrmActivityDto, b: TCrmActivityDto): number {
  return (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity) || a.subject.localeCompare(b.subject);
}
