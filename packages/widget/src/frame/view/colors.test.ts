import { describe, expect, it } from 'vitest';
import { contrastRatio, readableTextOn } from './colors';

describe('readableTextOn', () => {
  it('picks white on the default primary and dark text on the default bot bubble', () => {
    expect(readableTextOn('#1A73E8')).toBe('#ffffff');
    expect(readableTextOn('#F1F3F4')).toBe('#202124');
  });

  it('keeps AA contrast (4.5:1) on the default colours', () => {
    expect(contrastRatio('#1A73E8', '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio('#F1F3F4', '#202124')).toBeGreaterThanOrEqual(4.5);
  });
});
