import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatMoney,
  moveDealToStage,
  pipelineTotals,
  totalsByCurrency,
  weightedTotals,
} from './crm-format';

describe('formatMoney', () => {
  it('formats minor units in the currency’s own precision', () => {
    expect(formatMoney({ amountMinor: 1250, currency: 'EUR' }, 'en')).toBe('€12.50');
    expect(formatMoney({ amountMinor: 500, currency: 'JPY' }, 'en')).toBe('¥500');
    expect(formatMoney(null, 'en')).toBe('—');
  });
});

describe('formatDate', () => {
  it('formats calendar dates without shifting the day', () => {
    expect(formatDate('2026-03-12', 'en')).toBe('Mar 12, 2026');
    expect(formatDate(null, 'en')).toBe('—');
  });
});

describe('board helpers', () => {
  it('sums values per currency', () => {
    expect(
      totalsByCurrency([
        { amountMinor: 100, currency: 'EUR' },
        null,
        { amountMinor: 250, currency: 'EUR' },
        { amountMinor: 5, currency: 'USD' },
      ]),
    ).toEqual([
      { amountMinor: 350, currency: 'EUR' },
      { amountMinor: 5, currency: 'USD' },
    ]);
  });
  it('moves only the dragged deal', () => {
    const deals = [
      { id: 'a', stage: { id: 's1', name: 'New' } },
      { id: 'b', stage: { id: 's1', name: 'New' } },
    ];
    const moved = moveDealToStage(deals, 'b', { id: 's2', name: 'Won' });
    expect(moved.map((d) => d.stage.id)).toEqual(['s1', 's2']);
    expect(deals[1]?.stage.id).toBe('s1');
  });
});

describe('weighted board totals', () => {
  it('weighs each stage by its win probability and sums per currency', () => {
    const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' as const });
    const usd = (amountMinor: number) => ({ amountMinor, currency: 'USD' as const });
    expect(weightedTotals([eur(10_000), usd(333)], 25)).toEqual([eur(2_500), usd(83)]);
    const { total, weighted } = pipelineTotals([
      { probability: 10, values: [eur(100_000), null, usd(5_000)] },
      { probability: 50, values: [eur(20_000)] },
      { probability: 0, values: [eur(7)] },
    ]);
    expect(total).toEqual([eur(120_007), usd(5_000)]);
    expect(weighted).toEqual([eur(20_000), usd(500)]);
  });
});
