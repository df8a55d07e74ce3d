import { createTtlCache } from '../../lib/ttl-cache';

/** What a conversation row says of the rows of other tables its DTO shows (migration 0031). */
export type Revisions = { id: string; readers_rev: number; labels_rev: number };

/** Loads a value for each of many conversations (absent: none). */
type LoadMany<V> = (conversationIds: string[]) => Promise<Map<string, V[]>>;

/**
 * A conversation's readers or labels, remembered by the revision its row carries (issue 25): a
 * message reads them only when they changed since, and never when the conversation has none (0).
 * Exact across processes: every change of them counts on the row in the same transaction, so a
 * row with the remembered revision cannot have newer ones; memory only bounds the entries.
 */
export function rememberedByRevision<V>(load: LoadMany<V>, revisionOf: (row: Revisions) => number) {
  const memory = createTtlCache<string, V[]>({ ttlMs: 10 * 60_000, max: 20_000 });
  const keyOf = (row: Revisions) => `${row.id}:${revisionOf(row)}`;
  return async (rows: Revisions[]): Promise<Map<string, V[]>> => {
    const found = new Map<string, V[]>();
    const missing: Revisions[] = [];
    for (const row of rows) {
      const known = revisionOf(row) === 0 ? [] : memory.get(keyOf(row));
      if (known) found.set(row.id, known);
      else missing.push(row);
    }
    if (missing.length === 0) return found;
    const loaded = await load(missing.map((row) => row.id));
    for (const row of missing) {
      const value = loaded.get(row.id) ?? [];
      memory.set(keyOf(row), value);
      found.set(row.id, value);
    }
    return found;
  };
}

/** Whether what was read beside `before` still holds for `after` (the same conversation, later). */
export function sameRevisions(before: Revisions, after: Revisions): boolean {
  return before.readers_rev === after.readers_rev && before.labels_rev === after.labels_rev;
}
