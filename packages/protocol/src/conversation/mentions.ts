import type { ErrorCode } from '../errors';
import type { VisibilityState } from './lifecycle';

/** The most characters a private note may have (checked by the service: NOTE_TOO_LONG). */
export const NOTE_MAX_CHARS = 5000;

/** A user a note may mention, as the picker lists them. */
export type MentionCandidate = { id: string; name: string };

/** Why a note's text is refused (NOTE_EMPTY, NOTE_TOO_LONG), or null when it may be stored. */
export function noteTextProblem(text: string): ErrorCode | null {
  const trimmed = text.trim();
  if (trimmed.length === 0) return 'NOTE_EMPTY';
  if ([...trimmed].length > NOTE_MAX_CHARS) return 'NOTE_TOO_LONG';
  return null;
}

/**
 * The `@query` being typed just before the caret, or null: `@` at the start or after a space,
 * then at most 40 characters without a line break or a second `@`.
 */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at < 0) return null;
  if (at > 0 && !/\s/.test(before[at - 1] ?? '')) return null;
  const query = before.slice(at + 1);
  if (query.length > 40 || /[\n@]/.test(query) || /^\s/.test(query)) return null;
  return { start: at, query };
}

/** Lowercase without accents, so "jose" finds "José". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Fuzzy match for the picker: the query's letters in order within the name. A name that starts
 * with the query ranks first, then one with a word starting with it, then the rest by name.
 */
export function matchMentionCandidates<T extends MentionCandidate>(
  candidates: readonly T[],
  query: string,
  limit = 8,
): T[] {
  const q = fold(query.trim());
  const rank = (name: string): number | null => {
    const n = fold(name);
    if (n.startsWith(q)) return 0;
    if (n.split(/\s+/).some((word) => word.startsWith(q))) return 1;
    let i = 0;
    for (const ch of n) if (ch === q[i]) i += 1;
    return i === q.length ? 2 : null;
  };
  return candidates
    .map((c) => ({ c, r: rank(c.name) }))
    .filter((x): x is { c: T; r: number } => x.r !== null)
    .sort((a, b) => a.r - b.r || a.c.name.localeCompare(b.c.name))
    .slice(0, limit)
    .map((x) => x.c);
}

/**
 * The users a note really mentions: those picked whose `@Name` is still in the text (one
 * deleted by editing is no mention), each once, in the order picked.
 */
export function mentionedIds(text: string, picked: readonly MentionCandidate[]): string[] {
  const ids: string[] = [];
  for (const p of picked) if (text.includes(`@${p.name}`) && !ids.includes(p.id)) ids.push(p.id);
  return ids;
}

/** True when only a mention lets this user see the conversation (R29): they may read, not act. */
export function isMentionedReaderOnly(state: VisibilityState, viewerId: string): boolean {
  return (
    state.status === 'assigned' &&
    state.assigneeId !== viewerId &&
    (state.readerIds?.includes(viewerId) ?? false)
  );
}
