import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Clock } from './clock';
import { createRateLimiter } from './rate-limiter';

/**
 * A rate limit shared by every process of an install: counted in Redis when REDIS_URL is set,
 * in this process's memory otherwise (one process). Fixed windows with one small record per key
 * (a Redis key that expires with its window; in memory an LRU-bounded entry), so memory per key
 * is bounded whatever the traffic.
 */
export type SharedLimiter = {
  /** Counts one hit; false when the key is over its limit. */
  take(key: string): Promise<boolean>;
  /** True while the key is under its limit, without counting a hit. */
  allows(key: string): Promise<boolean>;
  reset(key: string): Promise<void>;
};

export type LimitSpec = { limit: number; windowMs: number };

/** A Redis command that takes longer than this falls back to the in-memory count (a frozen Redis). */
const REDIS_TIMEOUT_MS = 500;

/** One process: the in-memory fixed-window counter, which follows the injected clock. */
function inMemory(spec: LimitSpec, clock: Clock): SharedLimiter {
  const limiter = createRateLimiter({ ...spec, clock });
  return {
    take: async (key) => limiter.take(key),
    allows: async (key) => limiter.allows(key),
    reset: async (key) => limiter.reset(key),
  };
}

function wrap(limiter: RateLimiterAbstract, limit: number): SharedLimiter {
  return {
    async take(key) {
      try {
        await limiter.consume(key, 1);
        return true;
      } catch (rejection) {
        // Over the limit rejects with the limiter's state; anything else is a store failure.
        if (rejection instanceof Error) throw rejection;
        return false;
      }
    },
    async allows(key) {
      const state = await limiter.get(key);
      return state === null || state.consumedPoints < limit;
    },
    async reset(key) {
      await limiter.delete(key);
    },
  };
}

export type Limits = {
  limiter(name: string, spec: LimitSpec): SharedLimiter;
  /** Where the counts live: 'redis' or 'memory'. */
  store: 'redis' | 'memory';
  close(): Promise<void>;
};

/**
 * Creates the limiters of one process. With Redis, each limiter keeps an in-memory twin as its
 * insurance: while Redis is down or frozen, each process enforces the limit on its own again
 * (N × the limit for the length of the outage) instead of failing the requests.
 */
export async function createLimits(options: {
  redisUrl: string | null;
  prefix: string;
  clock: Clock;
}): Promise<Limits> {
  let redis: Redis | null = null;
  if (options.redisUrl) {
    const { Redis: RedisClient } = await import('ioredis');
    redis = new RedisClient(options.redisUrl, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: REDIS_TIMEOUT_MS,
      retryStrategy: (n) => Math.min(n * 200, 1000),
    });
    redis.on('error', () => undefined); // the insurance limiter answers meanwhile
  }
  return {
    store: redis ? 'redis' : 'memory',
    limiter(name, spec) {
      const base = {
        keyPrefix: `${options.prefix}:${name}`,
        points: spec.limit,
        duration: Math.max(1, Math.ceil(spec.windowMs / 1000)),
      };
      if (!redis) return inMemory(spec, options.clock);
      const insuranceLimiter = new RateLimiterMemory(base);
      return wrap(
        new RateLimiterRedis({ ...base, storeClient: redis, insuranceLimiter, rejectIfRedisNotReady: true }),
        spec.limit,
      );
    },
    async close() {
      redis?.disconnect();
    },
  };
}
