import { EventEmitter } from 'node:events';
import { Redis } from 'ioredis';
import type { BusEvent } from './bus-events';

/**
 * The event bus only says "something happened"; the database stays the source of truth, so a
 * subscriber that misses an event recovers by resync. In-process by default, Redis pub/sub
 * when REDIS_URL is set (several server processes).
 */
export type Bus = {
  publish(event: BusEvent): Promise<void>;
  subscribe(handler: (event: BusEvent) => void): () => void;
  isConnected(): boolean;
  close(): Promise<void>;
};

export const DEFAULT_BUS_CHANNEL = 'charla:events';

export function createMemoryBus(): Bus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    publish: async (event) => {
      // Deliver on a later tick, like a network bus, so publishers never re-enter subscribers.
      queueMicrotask(() => emitter.emit('event', event));
    },
    subscribe(handler) {
      emitter.on('event', handler);
      return () => emitter.off('event', handler);
    },
    isConnected: () => true,
    close: async () => {
      emitter.removeAllListeners();
    },
  };
}

export function createRedisBus(url: string, onError: (error: unknown) => void, channel = DEFAULT_BUS_CHANNEL): Bus {
  const options = { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: false, retryStrategy: (n: number) => Math.min(n * 200, 2000) };
  const pub = new Redis(url, options);
  const sub = new Redis(url, options);
  const handlers = new Set<(event: BusEvent) => void>();
  pub.on('error', onError);
  sub.on('error', onError);
  void sub.subscribe(channel).catch(onError);
  sub.on('message', (_channel: string, raw: string) => {
    let event: BusEvent;
    try {
      event = JSON.parse(raw) as BusEvent;
    } catch (error) {
      onError(error);
      return;
    }
    for (const handler of handlers) handler(event);
  });
  return {
    publish: async (event) => {
      try {
        await pub.publish(channel, JSON.stringify(event));
      } catch (error) {
        // Losing a notification is recoverable (clients resync from the database); losing the write is not.
        onError(error);
      }
    },
    subscribe(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    isConnected: () => pub.status === 'ready' && sub.status === 'ready',
    close: async () => {
      handlers.clear();
      pub.disconnect();
      sub.disconnect();
    },
  };
}
