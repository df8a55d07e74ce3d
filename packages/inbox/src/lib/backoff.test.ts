import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it('doubles with each attempt when there is no jitter', () => {
    const mid = () => 0.5;
    expect([0, 1, 2, 3].map((n) => backoffDelay(n, mid))).toEqual([500, 1000, 2000, 4000]);
  });
  it('never exceeds the cap when attempts grow large', () => {
    expect(backoffDelay(50, () => 1)).toBe(30_000);
  });
  it('stays within 20 % of the raw delay when jittered', () => {
    expect(backoffDelay(2, () => 0)).toBe(1600);
    expect(backoffDelay(2, () => 1)).toBe(2400);
  });
});
