import { describe, expect, it, vi } from 'vitest';
import { cached, cachedMany, createTtlCache } from './ttl-cache';

describe('ttl cache', () => {
  it('forgets entries after their time to live', () => {
    vi.useFakeTimers();
    try {
      const cache = createTtlCache<string, number>({ ttlMs: 1000, max: 10 });
      cache.set('a', 1);
      expect(cache.get('a')).toBe(1);
      vi.advanceTimersByTime(1001);
      expect(cache.get('a')).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });

  it('drops the oldest entry past its size', () => {
    const cache = createTtlCache<string, number>({ ttlMs: 60_000, max: 2 });
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([undefined, 2, 3]);
  });

  it('loads once within the time to live, and again after forget', async () => {
    let calls = 0;
    const load = cached(async (id: string) => `${id}-${++calls}`, { ttlMs: 60_000, max: 10 });
    expect(await load('x')).toBe('x-1');
    expect(await load('x')).toBe('x-1');
    load.forget('x');
    expect(await load('x')).toBe('x-2');
  });
});

describe('ttl cache on lru-cache', () => {
  it('evicts the least recently used entry, not the oldest inserted', () => {
    const cache = createTtlCache<string, number>({ ttlMs: 60_000, max: 2 });
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([1, undefined, 3]);
  });

  it('shares one load between concurrent misses, caches null results and retries failures', async () => {
    let calls = 0;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const load = cached(
      async (id: string) => {
        calls += 1;
        await gate;
        if (id === 'bad' && calls === 3) throw new Error('down');
        return id === 'none' ? null : `${id}-${calls}`;
      },
      { ttlMs: 60_000, max: 10 },
    );
    const both = Promise.all([load('x'), load('x'), load('x')]);
    release();
    expect(await both).toEqual(['x-1', 'x-1', 'x-1']);
    expect(calls).toBe(1);
    expect(await load('none')).toBeNull();
    expect(await load('none')).toBeNull();
    expect(calls).toBe(2);
    await expect(load('bad')).rejects.toThrow('down');
    expect(await load('bad')).toBe('bad-4');
  });

  it('loads again, instead of failing, for callers whose load was forgotten while in flight', async () => {
    let calls = 0;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const load = cached(
      async (id: string) => {
        calls += 1;
        if (calls === 1) await gate;
        return `${id}-${calls}`;
      },
      { ttlMs: 60_000, max: 10 },
    );
    const waiting = load('v');
    load.forget('v');
    release();
    expect(await waiting).toBe('v-2');
  });
});

describe('cachedMany', () => {
  const loader = () => {
    const calls: string[][] = [];
    const values = new Map([
      ['a', 1],
      ['b', 2],
    ]);
    const load = cachedMany(
      async (keys: string[]) => {
        calls.push(keys);
        return new Map(keys.flatMap((k) => (values.has(k) ? [[k, values.get(k)!] as const] : [])));
      },
      { ttlMs: 60_000, max: 10 },
    );
    return { calls, values, load };
  };

  it('loads only the keys not in memory, together, and remembers absent ones', async () => {
    const { calls, load } = loader();
    expect(await load(['a', 'x'])).toEqual(new Map([['a', 1]]));
    expect(await load(['a', 'b', 'x'])).toEqual(
      new Map([
        ['a', 1],
        ['b', 2],
      ]),
    );
    expect(calls).toEqual([['a', 'x'], ['b']]);
  });

  it('loads a forgotten key again', async () => {
    const { calls, values, load } = loader();
    await load(['a']);
    values.set('a', 10);
    load.forget('a');
    expect((await load(['a'])).get('a')).toBe(10);
    expect(calls).toEqual([['a'], ['a']]);
  });

  it('loads every key again after forgetAll', async () => {
    const { calls, load } = loader();
    await load(['a', 'b']);
    load.forgetAll();
    await load(['a', 'b']);
    expect(calls).toEqual([
      ['a', 'b'],
      ['a', 'b'],
    ]);
  });

  it('keeps a load that a forget overtook out of memory', async () => {
    const { calls, values, load } = loader();
    const pending = load(['a']);
    values.set('a', 10);
    load.forget('a');
    expect((await pending).get('a')).toBe(1);
    expect((await load(['a'])).get('a')).toBe(10);
    expect(calls).toEqual([['a'], ['a']]);
  });
});
