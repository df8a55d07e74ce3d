import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limiter';

function createFakeClock() {
  let now = 0;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

describe('createRateLimiter', () => {
  it('allows `limit` hits per window and a new window after it', () => {
    const clock = createFakeClock();
    const limiter = createRateLimiter({ limit: 3, windowMs: 1000, clock });
    expect([1, 2, 3, 4].map(() => limiter.take('a'))).toEqual([true, true, true, false]);
    expect(limiter.allows('a')).toBe(false);
    expect(limiter.take('b')).toBe(true);
    clock.advance(1000);
    expect(limiter.allows('a')).toBe(true);
    expect(limiter.take('a')).toBe(true);
    limiter.reset('b');
    expect([1, 2, 3].every(() => limiter.take('b'))).toBe(true);
  });

  it('keeps at most maxKeys keys, dropping the least recently used', () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000, clock: createFakeClock(), maxKeys: 2 });
    expect(limiter.take('a')).toBe(true);
    expect(limiter.take('b')).toBe(true);
    expect(limiter.take('a')).toBe(false); // touches a
    expect(limiter.take('c')).toBe(true); // evicts b, the least recently used
    expect(limiter.take('a')).toBe(false);
    expect(limiter.take('b')).toBe(true); // forgotten, so counted afresh
  });
});
