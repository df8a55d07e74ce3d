// The clients' reconnect schedules, taken from the product's own code so the bench reconnects as
// the widget and the inbox do (issue 25, restarts).
import { tsImport } from 'tsx/esm/api';

const { backoffDelay, idleReconnectDelay, reconnectDelay, IDLE_RECONNECT_SPREAD } = await tsImport(
  '../../packages/protocol/src/client/backoff.ts',
  import.meta.url,
);

/** When idle visitors make their first attempt, in ms from the drop (the product's constant). */
export { IDLE_RECONNECT_SPREAD };

/** Delay before attempt `attempt` (0-based) after a lost connection, by schedule name. */
export const SCHEDULES = {
  // Since issue 25: under a second apart for the first attempts, then the usual backoff.
  quick: (attempt) => reconnectDelay(attempt),
  // Since issue 25, a visitor with no conversation and the chat closed: first attempt 4–16 s after the drop.
  idle: (attempt) => idleReconnectDelay(attempt),
  // Before: the widget's socket backoff (equal jitter from 250–500 ms, doubling) for three failed
  // handshakes, then its token re-check over HTTP every 1, 2, 4, 8… s without jitter.
  exponential: (attempt) =>
    attempt < 3 ? backoffDelay(attempt) : Math.min(30_000, 1000 * 2 ** (attempt - 3)),
};

/**
 * Calls `attempt()` until it resolves, sleeping the schedule's delay after each failure; resolves
 * the wall-clock time (epoch ms) it succeeded, or null once `deadline` (epoch ms) has passed.
 */
export async function reconnectUntil(attempt, scheduleName, deadline) {
  const delayOf = SCHEDULES[scheduleName];
  if (!delayOf) throw new Error(`unknown reconnect schedule ${scheduleName}`);
  for (let n = 0; Date.now() < deadline; n += 1) {
    await new Promise((resolve) => setTimeout(resolve, delayOf(n)));
    try {
      await attempt();
      return Date.now();
    } catch {
      /* refused or reset: the server is not back yet */
    }
  }
  return null;
}
