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
    clear(): void {
      entries.clear();
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
  fn.forgetAll = () => entries.clear();
  return fn;
}

/**
 * `cached` for lookups made in batches: the keys not in memory load together in one call, and a
 * key the load leaves out is remembered as absent. A `forget` while a load is in flight keeps
 * that load's answer out of memory (it may predate the change that asked for the forget).
 */
export function cachedMany<K extends NonNullable<unknown>, V>(
  loadMany: (keys: K[]) => Promise<Map<K, V>>,
  options: { ttlMs: number; max: number },
) {
  const entries = new LRUCache<K, { value: V | undefined }>({ max: options.max, ttl: options.ttlMs, perf });
  let forgets = 0;
  const fn = async (keys: readonly K[]): Promise<Map<K, V>> => {
    const found = new Map<K, V>();
    const missing: K[] = [];
    for (const key of new Set(keys)) {
      const hit = entries.get(key);
      if (!hit) missing.push(key);
      else if (hit.value !== undefined) found.set(key, hit.value);
    }
    if (missing.length === 0) return found;
    const forgetsBefore = forgets;
    const loaded = await loadMany(missing);
    for (const key of missing) {
      const value = loaded.get(key);
      if (forgets === forgetsBefore) entries.set(key, { value });
      if (value !== undefined) found.set(key, value);
    }
    return found;
  };
  fn.forget = (key: K) => {
    forgets += 1;
    entries.delete(key);
  };
  /** For a change that may touch any key (a row moving from one key to another). */
  fn.forgetAll = () => {
    forgets += 1;
    entries.clear();
  };
  return fn;
}
