/** Lower-cases text the same way for stored search columns and for queries. */
export function toSearchText(...parts: (string | null | undefined)[]): string {
  return parts
    .filter((p): p is string => typeof p === 'string' && p.length > 0)
    .join('\n')
    .toLowerCase();
}

/**
 * A list's rows (all matching its other filters among `ranked`) in rank order, from just after
 * the cursor's record, `limit + 1` of them (the cursor's record gone from the ranking: none).
 */
export function inRankOrder<Row extends { id: string }>(
  rows: Row[],
  ranked: string[],
  afterId: string | undefined,
  limit: number,
): Row[] {
  const rank = new Map(ranked.map((id, i) => [id, i]));
  const from = afterId === undefined ? -1 : (rank.get(afterId) ?? Number.POSITIVE_INFINITY);
  return rows
    .filter((r) => (rank.get(r.id) ?? -1) > from)
    .sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0))
    .slice(0, limit + 1);
}
