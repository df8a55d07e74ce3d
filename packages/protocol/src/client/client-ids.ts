/** Random bits as hex (crypto.getRandomValues works outside secure contexts, randomUUID does not). */
export function randomHex(bytes = 16): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
}

/** Hex digits of a millisecond clock: 12 reach the year 10889. */
const CLOCK_DIGITS = 12;

/**
 * A fresh client message id: the server stores a message once per id, so a resend is a no-op
 * (R28). The prefix says which client made it (`w` widget, `c` inbox); the sending time in
 * milliseconds follows (12 hex digits), then 80 random bits. Time first makes ids sort in the order
 * they were made, so the server's unique index on them grows at its end: a group of messages
 * committed together writes one page of that index instead of one each (issue 25).
 */
export function newClientMsgId(prefix: 'w' | 'c', now = Date.now()): string {
  return `${prefix}_${now.toString(16).padStart(CLOCK_DIGITS, '0')}${randomHex(10)}`;
}
