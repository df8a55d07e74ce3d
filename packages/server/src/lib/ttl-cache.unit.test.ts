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
