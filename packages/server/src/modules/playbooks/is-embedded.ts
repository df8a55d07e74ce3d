/** How recent a widget load from a real page must be for the playbook to count as embedded (R8). */
export const EMBED_FRESH_MS = 7 * 24 * 60 * 60 * 1000;

/** True when any install was seen within the last 7 days. */
export function isEmbedded(installs: readonly { lastSeenAt: number }[], now: number): boolean {
  return installs.some((install) => install.lastSeenAt > now - EMBED_FRESH_MS);
}
