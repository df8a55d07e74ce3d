export const MAIL_FIRST_RETRY_MS = 15_000;
export const MAIL_MAX_RETRY_DELAY_MS = 30 * 60_000;
export const MAIL_GIVE_UP_AFTER_MS = 48 * 60 * 60_000;

/**
 * When to try a mail again after `attempts` failed attempts: 15 s, 30 s, 1 m, 2 m, … capped at
 * 30 min (a mail server that is down for maintenance is back soon; a weekend outage still ends
 * in delivery); null once that is more than 48 h after the mail was queued (it has failed).
 */
export function nextMailAttemptAt(attempts: number, createdAt: number, now: number): number | null {
  const delay = Math.min(MAIL_FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAIL_MAX_RETRY_DELAY_MS);
  const at = now + delay;
  return at > createdAt + MAIL_GIVE_UP_AFTER_MS ? null : at;
}
