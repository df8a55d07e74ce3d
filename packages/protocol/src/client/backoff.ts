export type TBackoffOptions = { baseMs: number; maxMs: number };

export const DEFAULT_BACKOFF: TBackoffOptions = { baseMs: 500, maxMs: 30_000 };

/**
 * Delay before reconnect attempt `attempt` (0-based): exponential with "equal jitter", so a crowd
 * dropped at once (server restart) spreads out instead of reconnecting in lockstep, yet never
 * retries sooner than half the exponential step. Both clients use it for sockets and REST retries.
 */
export function backoffDelay(
  attempt: number,
  random: () => number = Math.random,
  options: TBackoffOptions = DEFAULT_BACKOFF,
): number {
  const step = Math.min(options.maxMs, options.baseMs * 2 ** Math.min(Math.max(0, attempt), 16));
  return Math.round(step / 2 + random() * (step / 2));
}
