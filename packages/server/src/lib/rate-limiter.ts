import { LRUCache } from 'lru-cache';
import type { Clock } from './clock';

/**
 * A fixed-window counter per key, in this process's memory: two numbers per key, at most
 * `maxKeys` keys (the least recently used go first). For limits that several processes must
 * share, use lib/shared-limits (Redis when REDIS_URL is set).
 */
export function createRateLimiter(options: {
  limit: number;
  windowMs: number;
  clock: Clock;
  maxKeys?: number;
}) {
  // maxSize (one unit per key) rather than max: lru-cache preallocates `max` slots up front, which
  // cost ~25 ms per limiter at startup; with maxSize its storage grows with the keys it holds.
  const windows = new LRUCache<string, { startedAt: number; count: number }>({
    maxSize: options.maxKeys ?? 100_000,
    sizeCalculation: () => 1,
  });

  /** The key's current window (a new one when the last has passed). */
  function windowOf(key: string, now: number) {
    const current = windows.get(key);
    if (current && current.startedAt > now - options.windowMs) return current;
    const fresh = { startedAt: now, count: 0 };
    windows.set(key, fresh);
    return fresh;
  }

  return {
    /** Records one hit; false when the key is over its limit (the hit is not counted then). */
    take(key: string): boolean {
      const window = windowOf(key, options.clock.now());
      if (window.count >= options.limit) return false;
      window.count += 1;
      return true;
    },
    /** True when the key may still take a hit, without recording one. */
    allows(key: string): boolean {
      const current = windows.get(key);
      return (
        !current ||
        current.startedAt <= options.clock.now() - options.windowMs ||
        current.count < options.limit
      );
    },
    reset(key: string): void {
      windows.delete(key);
    },
  };
}
export type RateLimiter = ReturnType<typeof createRateLimiter>;
