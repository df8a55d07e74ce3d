import { describe, expect, it } from 'vitest';
import { formatElapsed, formatRelative, formatTimestamp } from './format-time';

describe('formatElapsed', () => {
  it('shows minutes and padded seconds under an hour', () => {
    expect(formatElapsed(42_000)).toBe('0:42');
    expect(formatElapsed(12 * 60_000 + 5_000)).toBe('12:05');
  });
  it('shows hours when an hour has passed', () => {
    expect(formatElapsed(3_725_000)).toBe('1:02:05');
  });
  it('shows days and hours beyond a day', () => {
    expect(formatElapsed((3 * 24 + 4) * 3_600_000)).toBe('3d 4h');
  });
  it('never shows negative time when clocks disagree', () => {
    expect(formatElapsed(-5000)).toBe('0:00');
  });
});

describe('formatTimestamp', () => {
  const now = new Date(2025, 4, 20, 16, 0).getTime();
  it('shows only the time when it is today', () => {
    expect(formatTimestamp(new Date(2025, 4, 20, 9, 5).getTime(), 'en-GB', now)).toBe('09:05');
  });
  it('adds the date when it is another day', () => {
    expect(formatTimestamp(new Date(2025, 4, 18, 9, 5).getTime(), 'en-GB', now)).toContain('18 May');
  });
  it('adds the year when it is another year', () => {
    expect(formatTimestamp(new Date(2023, 4, 18, 9, 5).getTime(), 'en-GB', now)).toContain('2023');
  });
});

describe('formatRelative', () => {
  const now = 1_000_000_000;
  it('says now for the last seconds', () => {
    expect(formatRelative(now - 10_000, 'en', now)).toBe('now');
  });
  it('counts minutes and hours', () => {
    expect(formatRelative(now - 5 * 60_000, 'en', now)).toBe('5 min. ago');
    expect(formatRelative(now - 3 * 3_600_000, 'en', now)).toBe('3 hr. ago');
  });
});
