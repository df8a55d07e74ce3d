/** Reconnect delay: exponential from `base`, capped, with ±20 % jitter so tabs don't stampede. */
export function backoffDelay(
  attempt: number,
  random: () => number = Math.random,
  base = 500,
  cap = 30_000,
): number {
  const raw = Math.min(cap, base * 2 ** Math.max(0, attempt));
  const jitter = raw * 0.2 * (random() * 2 - 1);
  return Math.round(Math.min(cap, Math.max(base / 2, raw + jitter)));
}
