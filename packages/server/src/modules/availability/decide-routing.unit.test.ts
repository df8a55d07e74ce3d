import { describe, expect, it } from 'vitest';
import { rankAssignees, type RoutingCandidate } from './decide-routing';

const c = (userId: string, open: number, capacity: number | null, lastRoutedAt: number | null) =>
  ({ userId, open, capacity, lastRoutedAt }) satisfies RoutingCandidate;

describe('rankAssignees', () => {
  const team = [c('ana', 2, 3, 300), c('bea', 0, 3, 500), c('cai', 1, null, null), c('dan', 3, 3, 100)];

  it('least-busy: fewest open chats first, then who got one longest ago; full users are left out', () => {
    expect(rankAssignees('least_busy', team)).toEqual(['bea', 'cai', 'ana']);
    const tied = [c('x', 1, 5, 900), c('y', 1, 5, 200), c('z', 1, 5, null)];
    expect(rankAssignees('least_busy', tied)).toEqual(['z', 'y', 'x']);
  });

  it('round-robin: who got a chat longest ago first (never before anyone), whatever their load', () => {
    expect(rankAssignees('round_robin', team)).toEqual(['cai', 'ana', 'bea']);
  });

  it('leaves out the excluded user (the assignee the watchdog took the chat from)', () => {
    expect(rankAssignees('least_busy', team, ['bea'])).toEqual(['cai', 'ana']);
  });

  it('is empty when everybody is at capacity, or nobody is online', () => {
    expect(rankAssignees('round_robin', [c('a', 2, 2, 1), c('b', 5, 1, 2)])).toEqual([]);
    expect(rankAssignees('least_busy', [])).toEqual([]);
  });

  it('orders ties by id, so every process ranks alike', () => {
    expect(rankAssignees('round_robin', [c('b', 0, null, null), c('a', 0, null, null)])).toEqual(['a', 'b']);
  });
});
