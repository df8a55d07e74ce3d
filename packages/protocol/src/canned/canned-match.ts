// Which canned responses the composer's `/` popup lists for what the user typed, best first.
// The ranking is by kind of match (the shortcut itself, its start, the start of a word of the
// title, anywhere in either, the letters in order), then by how often the response was used.

export type TCannedCandidate = {
  id: string;
  scope: 'personal' | 'team';
  shortcut: string;
  title: string;
  usageCount: number;
};

const SCORES = {
  shortcutExact: 100,
  shortcutPrefix: 80,
  titleWordPrefix: 60,
  shortcutContains: 50,
  titleContains: 40,
  shortcutLetters: 20,
  titleLetters: 10,
} as const;

/** Lower case without accents, so "precio" finds "Précio" and "PRI" finds "pricing". */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** True when every character of `query` appears in `text` in order (as in "prc" → "pricing"). */
function hasLettersInOrder(text: string, query: string): boolean {
  let at = 0;
  for (const char of query) {
    at = text.indexOf(char, at);
    if (at === -1) return false;
    at += 1;
  }
  return true;
}

/** How well one response matches a folded query; 0 means not at all. */
export function cannedMatchScore(
  candidate: Pick<TCannedCandidate, 'shortcut' | 'title'>,
  query: string,
): number {
  const q = foldForSearch(query.trim());
  if (q === '') return 1;
  const shortcut = foldForSearch(candidate.shortcut);
  const title = foldForSearch(candidate.title);
  if (shortcut === q) return SCORES.shortcutExact;
  if (shortcut.startsWith(q)) return SCORES.shortcutPrefix;
  if (title.split(/[^\p{L}\p{N}]+/u).some((word) => word.startsWith(q))) return SCORES.titleWordPrefix;
  if (shortcut.includes(q)) return SCORES.shortcutContains;
  if (title.includes(q)) return SCORES.titleContains;
  if (hasLettersInOrder(shortcut, q)) return SCORES.shortcutLetters;
  if (hasLettersInOrder(title, q.replace(/\s+/g, ''))) return SCORES.titleLetters;
  return 0;
}

/**
 * A personal response shadows a team one with the same shortcut: the composer offers the
 * user's own only (Settings still lists both).
 */
export function withoutShadowed<T extends TCannedCandidate>(candidates: readonly T[]): T[] {
  const personal = new Set(candidates.filter((c) => c.scope === 'personal').map((c) => c.shortcut));
  return candidates.filter((c) => c.scope === 'personal' || !personal.has(c.shortcut));
}

/** The matches of `query`, best first; ties go to the most used, then to the shortcut's order. */
export function rankCannedResponses<T extends TCannedCandidate>(
  candidates: readonly T[],
  query: string,
): T[] {
  return withoutShadowed(candidates)
    .map((candidate) => ({ candidate, score: cannedMatchScore(candidate, query) }))
    .filter((entry) => entry.score > 0)
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.candidate.usageCount - a.candidate.usageCount ||
        a.candidate.shortcut.localeCompare(b.candidate.shortcut),
    )
    .map((entry) => entry.candidate);
}
