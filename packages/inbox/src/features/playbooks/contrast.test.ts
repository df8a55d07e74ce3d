import { describe, expect, it } from 'vitest';
import { contrastRatio, meetsAA } from './contrast';

describe('contrastRatio', () => {
  it('is 21 for black on white and 1 for a colour on itself', () => {
    expect(contrastRatio('#000000', '#FFFFFF')).toBeCloseTo(21, 5);
    expect(contrastRatio('#4f46e5', '#4F46E5')).toBeCloseTo(1, 5);
  });
  it('does not depend on which colour is the foreground', () => {
    expect(contrastRatio('#1A73E8', '#ffffff')).toBeCloseTo(contrastRatio('#ffffff', '#1A73E8') ?? 0, 10);
  });
  it('matches known WCAG values', () => {
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
  it('is null when a value is not a #RRGGBB colour', () => {
    expect(contrastRatio('red', '#ffffff')).toBeNull();
    expect(contrastRatio('#fff', '#ffffff')).toBeNull();
  });
});

describe('meetsAA', () => {
  it('accepts 4.5:1 and above and refuses below', () => {
    expect(meetsAA('#767676', '#ffffff')).toBe(true);
    expect(meetsAA('#777777', '#ffffff')).toBe(false);
    expect(meetsAA('#ffffff', '#FACC15')).toBe(false);
  });
  it('refuses invalid colours', () => {
    expect(meetsAA('nope', '#ffffff')).toBe(false);
  });
});
