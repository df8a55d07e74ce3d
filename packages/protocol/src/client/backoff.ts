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

/** The first reconnect attempts after a lost connection: 125–250 ms, 250–500 ms, then 0.5–1 s. */
export const QUICK_RECONNECT: TBackoffOptions = { baseMs: 250, maxMs: 1_000 };

/** How many attempts stay quick (about 15 s at 0.75 s each) before the exponential backoff takes over. */
export const QUICK_RECONNECT_ATTEMPTS = 20;

/**
 * Delay before a socket's reconnect attempt `attempt` (issue 25): a restarted server is usually back
 * within seconds, so the first attempts stay under a second apart and a client is back at most a
 * second after the server, instead of sleeping through the 4–8 s step of a plain exponential
 * backoff. A refused connection to a server that is down costs it nothing. Past the quick attempts
 * (a longer outage) the usual backoff takes over from its 2–4 s step, up to 30 s. Jittered
 * throughout, so the returning crowd arrives spread over the last second, not at once.
 */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  return attempt < QUICK_RECONNECT_ATTEMPTS
    ? backoffDelay(attempt, random, QUICK_RECONNECT)
    : backoffDelay(attempt - QUICK_RECONNECT_ATTEMPTS + 3, random);
}

/**
 * The window over which idle visitors' first reconnect attempts are spread, in ms from the drop.
 * Measured (bench `restart`): spread over 2–10 s, 16,500 idle visitors arrived at about 2,000
 * handshakes/s — most of what one process takes — from a moment after the server was back, and the
 * live chats' handshakes queued among theirs (p95 2.8 s). Starting at 4 s leaves a restart of a
 * few seconds to the live chats first, and 12 s of spread halves the rate.
 */
export const IDLE_RECONNECT_SPREAD = { fromMs: 4_000, toMs: 16_000 };

/**
 * Delay before an idle client's reconnect attempt (a visitor with no conversation and the chat
 * closed, who loses nothing by waiting: opening the chat reconnects at once): the first attempt
 * comes at a random moment of IDLE_RECONNECT_SPREAD after the drop, so the thousands of idle
 * visitors a restart drops arrive spread out and behind the live chats instead of queueing in
 * front of them; later attempts follow the quick schedule.
 */
export function idleReconnectDelay(attempt: number, random: () => number = Math.random): number {
  if (attempt > 0) return reconnectDelay(attempt, random);
  const { fromMs, toMs } = IDLE_RECONNECT_SPREAD;
  return Math.round(fromMs + random() * (toMs - fromMs));
}
