import type { Clock } from './clock';

/**
 * A sliding-window counter per key, in memory. Good enough for one process; with several
 * processes each enforces its own share, which still bounds abuse to N × limit.
 */
export function createRateLimiter(options: {
  limit: number;
  windowMs: number;
  clock: Clock;
  maxKeys?: number;
}) {
  const hits = new Map<string, number[]>();
  const maxKeys = options.maxKeys ?? 100_000;

  function prune(key: string, now: number): number[] {
    const list = (hits.get(key) ?? []).filter((t) => t > now - options.windowMs);
    if (list.length === 0) hits.delete(key);
    else hits.set(key, list);
    return list;
  }

  return {
    /** Records one hit; false when the key is over its limit (the hit is not counted then). */
    take(key: string): boolean {
      const now = options.clock.now();
      const list = prune(key, now);
      if (list.length >= options.limit) return false;
      if (hits.size >= maxKeys && !hits.has(key)) {
        const oldest = hits.keys().next().value;
        if (oldest !== undefined) hits.delete(oldest);
      }
      list.push(now);
      hits.set(key, list);
      return true;
    },
    /** True when the key may still take a hit, without recording one. */
    allows(key: string): boolean {
      return prune(key, options.clock.now()).length < options.limit;
    },
    reset(key: string): void {
      hits.delete(key);
    },
  };
}
export type RateLimiter = ReturnType<typeof createRateLimiter>;
