import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it('grows exponentially from half a second when jitter is at its lowest', () => {
    expect([0, 1, 2, 3].map((attempt) => backoffDelay(attempt, () => 0))).toEqual([250, 500, 1000, 2000]);
  });

  it('never exceeds the cap however many attempts failed', () => {
    expect(backoffDelay(40, () => 0.999999)).toBeLessThanOrEqual(30_000);
    expect(backoffDelay(40, () => 0)).toBe(15_000);
  });

  it('spreads clients over the upper half of each step when jitter varies', () => {
    const delays = [0, 0.25, 0.5, 1].map((r) => backoffDelay(4, () => r));
    expect(delays).toEqual([4000, 5000, 6000, 8000]);
  });
});
