import { describe, expect, it } from 'vitest';
import { GIVE_UP_AFTER_MS, nextAttemptAt } from './next-attempt-at';

describe('nextAttemptAt', () => {
  it.each([
    [1, 30_000],
    [2, 60_000],
    [3, 120_000],
    [4, 240_000],
    [7, 1_920_000],
    [8, 3_600_000],
    [30, 3_600_000],
  ])('waits the doubled delay capped at one hour after attempt %i', (attempts, delay) => {
    expect(nextAttemptAt(attempts, 0, 1000)).toBe(1000 + delay);
  });

  it('gives up when the next attempt would fall after 24 h from creation', () => {
    expect(nextAttemptAt(20, 0, GIVE_UP_AFTER_MS - 3_600_000)).toBe(GIVE_UP_AFTER_MS);
    expect(nextAttemptAt(20, 0, GIVE_UP_AFTER_MS - 3_599_999)).toBeNull();
  });

  it('reaches the 24 h limit in a bounded number of attempts', () => {
    let now = 0;
    let attempts = 0;
    for (;;) {
      attempts += 1;
      const next = nextAttemptAt(attempts, 0, now);
      if (next === null) break;
      now = next;
    }
    expect(attempts).toBeGreaterThan(20);
    expect(attempts).toBeLessThan(40);
  });
});
