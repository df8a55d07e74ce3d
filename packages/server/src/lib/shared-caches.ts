import { randomBytes } from 'node:crypto';
import { cached, cachedMany, createTtlCache } from './ttl-cache';

/**
 * How long a shared cache answers from memory when no change reached it. Changes made through the
 * stores reach every process at once (below), and while the bus is down the caches read through;
 * this bounds only rows changed by something else than Charla, and a bus frozen without closing.
 */
export const SHARED_CACHE_TTL_MS = 60_000;

/** What a process says on the bus when a shared cache's row changed: `key` null for all of them. */
export type CacheForget = { type: 'cache.forget'; cache: string; key: string | null; originNode: string };

/** The part of the bus the caches use (realtime/bus.ts implements it). */
export type CacheBus = {
  publish(event: CacheForget): Promise<void>;
  subscribe(handler: (event: { type: string }) => void): () => void;
  onReconnect(handler: () => void): () => void;
  isConnected(): boolean;
};

type Forgettable = { forget(key: string): void; forgetAll(): void };

/**
 * Caches of rows that every chat message reads (users, visitors, settings, notification choices
 * and devices, issue 25), kept in each process and forgotten on every process when a row changes:
 * a store's write forgets here at once and tells the other processes over the bus, which forget
 * it too. A read after the write on any process loads the new row; a load already in flight there
 * when the word arrives is not remembered (see `cached` and `cachedMany`).
 */
export function createSharedCaches(nodeName: string) {
  // Unique even where processes share a NODE_NAME (its default, node-<pid>, is node-1 in containers).
  const origin = `${nodeName}/${randomBytes(6).toString('hex')}`;
  const caches = new Map<string, Forgettable>();
  let bus: CacheBus | null = null;

  function register(name: string, cache: Forgettable): void {
    if (caches.has(name)) throw new Error(`shared cache "${name}" is registered twice`);
    caches.set(name, cache);
  }

  /** Tells the other processes; they forget when it arrives. */
  function tellOthers(cache: string, key: string | null): void {
    void bus?.publish({ type: 'cache.forget', cache, key, originNode: origin }).catch(() => undefined);
  }

  /** Memory answers only while the other processes' words can arrive (not before `connect`: tests). */
  const remembering = () => bus === null || bus.isConnected();

  return {
    /** `cached` (ttl-cache.ts) whose `forget` reaches every process. */
    cached<V>(name: string, load: (key: string) => Promise<V>, options: { max: number }) {
      const local = cached(load, { ttlMs: SHARED_CACHE_TTL_MS, max: options.max });
      register(name, { forget: local.forget, forgetAll: local.forgetAll });
      const fn = (key: string) => (remembering() ? local(key) : load(key));
      fn.forget = (key: string) => {
        local.forget(key);
        tellOthers(name, key);
      };
      return fn;
    },

    /** `cachedMany` (ttl-cache.ts) whose `forget` and `forgetAll` reach every process. */
    cachedMany<V>(
      name: string,
      loadMany: (keys: string[]) => Promise<Map<string, V>>,
      options: { max: number },
    ) {
      const local = cachedMany(loadMany, { ttlMs: SHARED_CACHE_TTL_MS, max: options.max });
      register(name, local);
      const fn = async (keys: readonly string[]) => (remembering() ? local(keys) : loadMany([...keys]));
      fn.forget = (key: string) => {
        local.forget(key);
        tellOthers(name, key);
      };
      fn.forgetAll = () => {
        local.forgetAll();
        tellOthers(name, null);
      };
      return fn;
    },

    /** For values the caller loads itself (`rememberedCache`). */
    remembered<V>(name: string, options: { max: number }) {
      return rememberedCache<V>(options.max, {
        register: (cache) => register(name, cache),
        tellOthers: (key) => tellOthers(name, key),
        remembering,
      });
    },

    /**
     * Listens to the other processes' changes. While the bus is down every read goes to the
     * database (a change elsewhere could not be heard), and after it every cache starts empty.
     * Returns the unsubscribe.
     */
    connect(to: CacheBus): () => void {
      bus = to;
      const offEvents = to.subscribe((event) => {
        if (event.type !== 'cache.forget') return;
        const { cache, key, originNode } = event as CacheForget;
        if (originNode === origin) return; // forgotten here already, when it changed
        const target = caches.get(cache);
        if (key === null) target?.forgetAll();
        else target?.forget(key);
      });
      const offReconnect = to.onReconnect(() => {
        for (const cache of caches.values()) cache.forgetAll();
      });
      return () => {
        offEvents();
        offReconnect();
        bus = null;
      };
    },
  };
}
export type SharedCaches = ReturnType<typeof createSharedCaches>;

/**
 * For values the caller loads itself, with the transaction it holds, so no load is shared between
 * callers: a value is remembered unless a forget came while it was loading.
 */
function rememberedCache<V>(
  max: number,
  shared: {
    register: (cache: Forgettable) => void;
    tellOthers: (key: string) => void;
    remembering: () => boolean;
  },
) {
  const local = createTtlCache<string, V>({ ttlMs: SHARED_CACHE_TTL_MS, max });
  let forgets = 0;
  const forgetHere = (key: string | null) => {
    forgets += 1;
    if (key === null) local.clear();
    else local.delete(key);
  };
  shared.register({ forget: forgetHere, forgetAll: () => forgetHere(null) });
  return {
    async get(key: string, load: () => Promise<V>): Promise<V> {
      if (!shared.remembering()) return load();
      const hit = local.get(key);
      if (hit !== undefined) return hit;
      const before = forgets;
      const value = await load();
      if (forgets === before) local.set(key, value);
      return value;
    },
    forget(key: string): void {
      forgetHere(key);
      shared.tellOthers(key);
    },
  };
}
