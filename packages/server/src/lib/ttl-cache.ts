import { LRUCache } from 'lru-cache';

// Wall-clock time through Date, so the expiry follows the process clock (and fake timers in tests).
const perf = { now: () => Date.now() };

/**
 * A small in-memory cache (lru-cache): entries expire after `ttlMs` of wall-clock time (never the
 * injected test clock: this is a performance detail, not behaviour) and the least recently used
 * go first past `max`. Values are boxed, so null and undefined results are cached too.
 */
export function createTtlCache<K extends NonNullable<unknown>, V>(options: { ttlMs: number; max: number }) {
  const entries = new LRUCache<K, { value: V }>({ max: options.max, ttl: options.ttlMs, perf });
  return {
    get(key: K): V | undefined {
      return entries.get(key)?.value;
    },
    set(key: K, value: V): void {
      entries.set(key, { value });
    },
    delete(key: K): void {
      entries.delete(key);
    },
  };
}

/**
 * Wraps a loader so repeated lookups within the TTL cost nothing, and concurrent misses for one
 * key share a single load (lru-cache's fetch). A failed load is not cached.
 */
export function cached<K extends NonNullable<unknown>, V>(
  load: (key: K) => Promise<V>,
  options: { ttlMs: number; max: number },
) {
  const entries = new LRUCache<K, { value: V }>({
    max: options.max,
    ttl: options.ttlMs,
    perf,
    fetchMethod: async (key) => ({ value: await load(key) }),
  });
  const fn = async (key: K): Promise<V> => {
    try {
      return ((await entries.fetch(key)) as { value: V }).value;
    } catch (error) {
      // `forget` while a load was in flight aborts that load for everyone awaiting it (lru-cache
      // rejects with "deleted"): those callers load fresh, directly — going through the cache
      // again could meet the next `forget` of a busy key.
      if (!(error instanceof Error && error.message === 'deleted')) throw error;
      return load(key);
    }
  };
  fn.forget = (key: K) => void entries.delete(key);
  return fn;
}
