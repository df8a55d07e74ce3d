import { describe, expect, it, vi } from 'vitest';
import { cached, createTtlCache } from './ttl-cache';

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
