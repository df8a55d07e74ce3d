import { describe, expect, it } from 'vitest';
import type { SocketStatus } from '../../lib/socket';
import { createFirstReady } from './first-ready';

/** A timer the test fires by hand: no waiting, no module mocks. */
function handTimer() {
  let pending: (() => void) | null = null;
  return {
    timers: {
      setTimeout: (run: () => void) => {
        pending = run;
        return 1;
      },
      clearTimeout: () => {
        pending = null;
      },
    },
    fire: () => pending?.(),
  };
}

/** Whether `settled` has resolved: asked after every pending promise callback has run. */
async function isSettled(settled: Promise<void>): Promise<boolean> {
  let resolved = false;
  void settled.then(() => (resolved = true));
  await new Promise((next) => setTimeout(next, 0));
  return resolved;
}

/** Feeds statuses in order; answers which `open`s had to catch up. */
function catchUps(statuses: SocketStatus[], options: { timeoutFirst?: boolean } = {}) {
  const { timers, fire } = handTimer();
  const gate = createFirstReady(3000, timers);
  if (options.timeoutFirst) fire();
  return { gate, answers: statuses.map((status) => gate.onStatus(status)) };
}

describe('createFirstReady', () => {
  it.each<[string, SocketStatus[], { timeoutFirst?: boolean }, boolean[]]>([
    ['skips the first ready of a page load', ['connecting', 'open'], {}, [false, false]],
    [
      'catches up at every ready after a reconnect',
      ['connecting', 'open', 'offline', 'connecting', 'open', 'offline', 'open'],
      {},
      [false, false, false, false, true, false, true],
    ],
    [
      'catches up at the first ready when the first attempt failed',
      ['connecting', 'offline', 'connecting', 'open'],
      {},
      [false, false, false, true],
    ],
    [
      'catches up at the first ready when the fetches could not wait for it',
      ['connecting', 'open'],
      { timeoutFirst: true },
      [false, true],
    ],
  ])('%s', (_name, statuses, options, expected) => {
    expect(catchUps(statuses, options).answers).toEqual(expected);
  });

  it('lets the first fetches go only once the socket is ready, failed, or the wait is over', async () => {
    const connecting = catchUps(['connecting']);
    expect(await isSettled(connecting.gate.settled)).toBe(false);
    expect(await isSettled(catchUps(['connecting', 'open']).gate.settled)).toBe(true);
    expect(await isSettled(catchUps(['connecting', 'offline']).gate.settled)).toBe(true);
    expect(await isSettled(catchUps(['connecting'], { timeoutFirst: true }).gate.settled)).toBe(true);
  });
});
