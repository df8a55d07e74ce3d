import { describe, expect, it } from 'vitest';
import {
  formatChange,
  formatCount,
  formatDay,
  formatDuration,
  formatPercent,
  localToday,
  shiftDate,
  weekdayNames,
} from './reports-format';

describe('reports formatting', () => {
  it('writes numbers and percentages the en and es way', () => {
    expect(formatCount(12345, 'en')).toBe('12,345');
    expect(formatCount(12345, 'es')).toBe('12.345');
    expect(formatPercent(0.25, 'en')).toBe('25%');
    expect(formatPercent(0.255, 'es')).toBe('25,5\u00a0%');
    expect(formatPercent(null, 'en')).toBe('—');
  });

  it('writes durations in s, min and h', () => {
    expect(formatDuration(45_000, 'en')).toBe('45 s');
    expect(formatDuration(200_000, 'en')).toBe('3 min 20 s');
    expect(formatDuration(7_500_000, 'es')).toBe('2 h 5 min');
    expect(formatDuration(null, 'es')).toBe('—');
  });

  it('compares with the previous range', () => {
    expect(formatChange(12, 10, 'en')).toBe('+20%');
    expect(formatChange(5, 10, 'en')).toBe('-50%');
    expect(formatChange(5, 0, 'en')).toBeNull();
  });

  it('labels local days without shifting them, Monday first', () => {
    expect(formatDay('2026-03-29', 'en')).toBe('Sun, Mar 29');
    expect(weekdayNames('es')[0]).toBe('lun');
    expect(localToday('Europe/Madrid', Date.UTC(2026, 2, 28, 23, 30))).toBe('2026-03-29');
    expect(shiftDate('2026-03-01', -1)).toBe('2026-02-28');
  });
});
