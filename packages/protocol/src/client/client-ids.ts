/** Random bits as hex (crypto.getRandomValues works outside secure contexts, randomUUID does not). */
export function randomHex(bytes = 16): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
}

/**
 * A fresh client message id: the server stores a message once per id, so a resend is a no-op
 * (R28). The prefix says which client made it (`w` widget, `c` inbox); 128 random bits follow.
 */
export function newClientMsgId(prefix: 'w' | 'c'): string {
  return `${prefix}_${randomHex()}`;
}
