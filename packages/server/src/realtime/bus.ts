import { EventEmitter } from 'node:events';
import type { BusEvent } from './bus-events';

/**
 * The event bus only says "something happened"; the database stays the source of truth, so a
 * subscriber that misses an event recovers by resync. In-process by default, Redis pub/sub
 * when REDIS_URL is set (several server processes).
 */
export type Bus = {
  publish(event: BusEvent): Promise<void>;
  subscribe(handler: (event: BusEvent) => void): () => void;
  /** Called when the bus goes down: events published from now on may be lost. */
  onDisconnect(handler: () => void): () => void;
  /**
   * Called after the bus was down and is back, twice: `early` once it is re-subscribed, `final`
   * a moment later (for events published while its connections came back unevenly).
   */
  onReconnect(handler: (phase: 'early' | 'final') => void): () => void;
  isConnected(): boolean;
  /** Resolves when the bus answers a round trip (never settles while a Redis server is frozen). */
  ping(): Promise<void>;
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
    onDisconnect: () => () => undefined,
    onReconnect: () => () => undefined,
    isConnected: () => true,
    ping: async () => undefined,
    close: async () => {
      emitter.removeAllListeners();
    },
  };
}

export async function createRedisBus(
  url: string,
  onError: (error: unknown) => void,
  channel = DEFAULT_BUS_CHANNEL,
): Promise<Bus> {
  // ioredis is loaded only with REDIS_URL: a single process needs no Redis client in memory.
  const { Redis } = await import('ioredis');
  const retryStrategy = (n: number) => Math.min(n * 200, 1000);
  // Publishes wait in the offline queue while Redis is down and go out when it is back.
  const pub = new Redis(url, { maxRetriesPerRequest: null, enableOfflineQueue: true, retryStrategy });
  const sub = new Redis(url, { maxRetriesPerRequest: null, enableOfflineQueue: true, retryStrategy });
  const handlers = new Set<(event: BusEvent) => void>();
  const reconnectHandlers = new Set<(phase: 'early' | 'final') => void>();
  const disconnectHandlers = new Set<() => void>();
  let wasReady = false;
  let down = false;
  const wentDown = () => {
    if (!wasReady || down) return;
    down = true;
    for (const handler of disconnectHandlers) handler();
  };
  sub.on('close', wentDown);
  pub.on('close', wentDown);
  sub.on('ready', () => {
    if (!wasReady) {
      wasReady = true;
      return;
    }
    down = false;
    // Give the automatic re-subscribe a moment, then let subscribers catch up from the database;
    // once more a little later for events published while the two connections came back unevenly.
    for (const [phase, delay] of [
      ['early', 250],
      ['final', 2000],
    ] as const) {
      setTimeout(() => {
        for (const handler of reconnectHandlers) handler(phase);
      }, delay).unref();
    }
  });
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
      // Not awaited: while Redis is down the publish waits in the offline queue, and a sender's
      // ack (already committed to the database) must not wait for it. One connection keeps order.
      pub.publish(channel, JSON.stringify(event)).catch(onError);
    },
    subscribe(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    onReconnect(handler) {
      reconnectHandlers.add(handler);
      return () => reconnectHandlers.delete(handler);
    },
    onDisconnect(handler) {
      disconnectHandlers.add(handler);
      return () => disconnectHandlers.delete(handler);
    },
    isConnected: () => pub.status === 'ready' && sub.status === 'ready',
    ping: async () => {
      await pub.ping();
    },
    close: async () => {
      handlers.clear();
      pub.disconnect();
      sub.disconnect();
    },
  };
}
