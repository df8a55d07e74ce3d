export const FIRST_RETRY_MS = 30_000;
export const MAX_RETRY_DELAY_MS = 60 * 60_000;
export const GIVE_UP_AFTER_MS = 24 * 60 * 60_000;

/**
 * When to try a failed delivery again after `attempts` attempts: 30 s, 1 m, 2 m, 4 m, … capped at
 * 1 h; null when that would be more than 24 h after the delivery was created (it has failed).
 */
export function nextAttemptAt(attempts: number, createdAt: number, now: number): number | null {
  const delay = Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_DELAY_MS);
  const at = now + delay;
  return at > createdAt + GIVE_UP_AFTER_MS ? null : at;
}
