/**
 * A small in-memory cache whose entries expire after `ttlMs` of wall-clock time (never the
 * injected test clock: this is a performance detail, not behaviour). Oldest entries go first
 * past `max`.
 */
export function createTtlCache<K, V>(options: { ttlMs: number; max: number }) {
  const entries = new Map<K, { value: V; expiresAt: number }>();
  return {
    get(key: K): V | undefined {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expiresAt <= Date.now()) {
        entries.delete(key);
        return undefined;
      }
      return entry.value;
    },
    set(key: K, value: V): void {
      if (entries.size >= options.max && !entries.has(key)) entries.delete(entries.keys().next().value as K);
      entries.set(key, { value, expiresAt: Date.now() + options.ttlMs });
    },
    delete(key: K): void {
      entries.delete(key);
    },
  };
}

/** Wraps a loader so repeated lookups within the TTL cost nothing. */
export function cached<K, V>(load: (key: K) => Promise<V>, options: { ttlMs: number; max: number }) {
  const cache = createTtlCache<K, V>(options);
  const fn = async (key: K): Promise<V> => {
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const value = await load(key);
    cache.set(key, value);
    return value;
  };
  fn.forget = (key: K) => cache.delete(key);
  return fn;
}
