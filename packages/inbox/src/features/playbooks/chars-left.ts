/** Below this many characters left, a length-limited field says how many remain. */
export function charsLeftThreshold(max: number): number {
  return Math.max(10, Math.ceil(max / 8));
}

/** How many characters are left, once a field is near its limit; null before that. */
export function charsLeft(length: number, max: number): number | null {
  const left = Math.max(0, max - length);
  return left <= charsLeftThreshold(max) ? left : null;
}
