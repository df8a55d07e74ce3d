// Which bin holds each nearest-rank percentile (rank = ceil(p·n/100)) of a histogram.

/** Per owner ('' = everyone): count per bin. */
export type Histogram = Map<string, Map<number, number>>;
export type RankPick = { owner: string; n: number; rank: number; bin: number; inBin: number };

export const PERCENTILES = [50, 90] as const;

export function pickRanks(histogram: Histogram): RankPick[] {
  const picks: RankPick[] = [];
  for (const [owner, bins] of histogram) {
    const sorted = [...bins].filter(([, n]) => n > 0).sort(([a], [b]) => a - b);
    const n = sorted.reduce((total, [, count]) => total + count, 0);
    if (n === 0) continue;
    const ranks = new Set(PERCENTILES.map((p) => Math.max(1, Math.ceil((p * n) / 100))));
    for (const rank of ranks) {
      let below = 0;
      for (const [bin, count] of sorted) {
        if (below + count >= rank) {
          picks.push({ owner, n, rank, bin, inBin: rank - below });
          break;
        }
        below += count;
      }
    }
  }
  return picks;
}
