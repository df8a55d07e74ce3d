import { describe, expect, it } from 'vitest';
import { backoffDelay, idleReconnectDelay, QUICK_RECONNECT_ATTEMPTS, reconnectDelay } from './backoff';

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

describe('reconnectDelay', () => {
  it('keeps the first attempts under a second apart, so a client is back within a second of its server', () => {
    const lowest = [0, 1, 2, 3, 19].map((attempt) => reconnectDelay(attempt, () => 0));
    const highest = [0, 1, 2, 3, 19].map((attempt) => reconnectDelay(attempt, () => 0.999999));
    expect(lowest).toEqual([125, 250, 500, 500, 500]);
    expect(Math.max(...highest)).toBeLessThanOrEqual(1000);
  });

  it('quick attempts last about fifteen seconds in all', () => {
    const total = Array.from({ length: QUICK_RECONNECT_ATTEMPTS }, (_, a) => reconnectDelay(a, () => 0.5));
    const seconds = total.reduce((sum, ms) => sum + ms, 0) / 1000;
    expect(seconds).toBeGreaterThan(12);
    expect(seconds).toBeLessThan(17);
  });

  it('then backs off exponentially from the 2–4 s step up to the 30 s cap', () => {
    const after = [0, 1, 2, 10].map((k) => reconnectDelay(QUICK_RECONNECT_ATTEMPTS + k, () => 0));
    expect(after).toEqual([2000, 4000, 8000, 15_000]);
  });
});

describe('idleReconnectDelay', () => {
  it('spreads the first attempt over 4–16 s after the drop, then follows the quick schedule', () => {
    expect([0, 0.5, 0.999999].map((r) => idleReconnectDelay(0, () => r))).toEqual([4000, 10_000, 16_000]);
    expect(idleReconnectDelay(1, () => 0)).toBe(reconnectDelay(1, () => 0));
  });
});
