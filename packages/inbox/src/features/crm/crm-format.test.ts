import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney, moveDealToStage, totalsByCurrency } from './crm-format';

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
