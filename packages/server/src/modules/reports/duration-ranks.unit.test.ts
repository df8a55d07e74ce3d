import { describe, expect, it } from 'vitest';
import { binBounds, DURATION_BIN_LIMITS, durationBin } from '../../db/report-duration-bins';
import { pickRanks } from './duration-ranks';
import { percentile } from './figures';

describe('duration bins and the ranks they hold', () => {
  it('puts every duration in the bin whose bounds hold it', () => {
    for (const ms of [0, 999, 1000, 1249, 1250, 61_000, 3_600_000, 90 * 86_400_000, 10 ** 13]) {
      const { lo, hi } = binBounds(durationBin(ms));
      expect(ms >= lo && (hi === null || ms < hi), String(ms)).toBe(true);
    }
    expect(durationBin(10 ** 13)).toBe(DURATION_BIN_LIMITS.length);
  });

  it('finds the bin and the place in it of each nearest-rank percentile', () => {
    const values = [500, 1100, 1100, 1200, 5000, 5100, 60_000, 61_000, 62_000, 3_600_000, 7_200_000];
    const bins = new Map<number, number>();
    for (const v of values) bins.set(durationBin(v), (bins.get(durationBin(v)) ?? 0) + 1);
    const picks = pickRanks(new Map([['', bins]]));
    const sorted = [...values].sort((a, b) => a - b);
    for (const p of [50, 90]) {
      const rank = Math.ceil((p * values.length) / 100);
      const pick = picks.find((x) => x.rank === rank);
      // The rank-th value is the pick's inBin-th value of its bin: what the store reads.
      const inBin = sorted.filter((v) => durationBin(v) === pick?.bin);
      expect(inBin[(pick?.inBin ?? 0) - 1]).toBe(percentile(values, p));
    }
    expect(pickRanks(new Map([['u1', new Map([[3, 1]])]]))).toEqual([
      { owner: 'u1', n: 1, rank: 1, bin: 3, inBin: 1 },
    ]);
  });
});
