import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Connection } from './connections';
import { createHeartbeat, HEARTBEAT_SLICES } from './heartbeat';

/** Sockets that count their pings and answer them (pong) when `answers(i)`. */
function sockets(count: number, answers: (i: number) => boolean) {
  const pings = new Array<number>(count).fill(0);
  const list = Array.from({ length: count }, (_, i) => {
    const socket = Object.assign(new EventEmitter(), {
      ping: () => {
        pings[i] = (pings[i] ?? 0) + 1;
        if (answers(i)) socket.emit('pong');
      },
    });
    return { missedPongs: 0, socket } as unknown as Connection;
  });
  return { list, pings };
}

const closeSocket = (c: Connection) => (c.socket as unknown as EventEmitter).emit('close');

describe('the heartbeat (R10), spread over its interval (issue 25)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('pings one slice of the sockets at a time, and each socket once per interval', () => {
    const { list, pings } = sockets(200, () => true);
    const heartbeat = createHeartbeat(10_000, () => undefined);
    list.forEach((c) => heartbeat.watch(c));
    vi.advanceTimersByTime(10_000 / HEARTBEAT_SLICES);
    expect(pings.filter((n) => n > 0)).toHaveLength(200 / HEARTBEAT_SLICES);
    vi.advanceTimersByTime(10_000 - 10_000 / HEARTBEAT_SLICES);
    expect(pings.every((n) => n === 1)).toBe(true);
    vi.advanceTimersByTime(20_000);
    expect(pings.every((n) => n === 3)).toBe(true);
    heartbeat.stop();
  });

  it('pings at most 100 of 15,000 idle sockets in one tick, so no tick holds the event loop long', () => {
    const { list, pings } = sockets(15_000, () => true);
    const heartbeat = createHeartbeat(30_000, () => undefined);
    list.forEach((c) => heartbeat.watch(c));
    let before = 0;
    for (let tick = 0; tick < HEARTBEAT_SLICES; tick += 1) {
      vi.advanceTimersByTime(30_000 / HEARTBEAT_SLICES);
      const now = pings.reduce((a, b) => a + b, 0);
      expect(now - before).toBeLessThanOrEqual(100);
      before = now;
    }
    expect(pings.every((n) => n === 1)).toBe(true);
    heartbeat.stop();
  });

  it('gives up on a socket that answered none of its last two pings on its third turn, and only on it', () => {
    const { list } = sockets(40, (i) => i !== 7);
    const silent: Connection[] = [];
    const heartbeat = createHeartbeat(1_000, (c) => silent.push(c));
    list.forEach((c) => heartbeat.watch(c));
    vi.advanceTimersByTime(2_000);
    expect(silent).toEqual([]);
    vi.advanceTimersByTime(1_000);
    expect(silent).toEqual([list[7]]);
    heartbeat.stop();
  });

  it('keeps each socket’s turn while others open and close, and forgets a closed one', () => {
    const { list, pings } = sockets(60, () => true);
    const heartbeat = createHeartbeat(1_000, () => undefined);
    list.slice(0, 30).forEach((c) => heartbeat.watch(c));
    vi.advanceTimersByTime(1_000);
    list.slice(0, 10).forEach(closeSocket);
    list.slice(30).forEach((c) => heartbeat.watch(c));
    vi.advanceTimersByTime(2_000);
    expect(pings.slice(0, 10)).toEqual(new Array(10).fill(1));
    expect(pings.slice(10, 30)).toEqual(new Array(20).fill(3));
    expect(pings.slice(30).every((n) => n === 2)).toBe(true);
    heartbeat.stop();
  });
});
