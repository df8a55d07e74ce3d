import { describe, expect, it } from 'vitest';
import { contrastRatio, isLabelColor, labelColors, labelPalette } from './label-palette';

describe('label palette', () => {
  it('computes WCAG contrast ratios (black on white is 21:1, a colour on itself 1:1)', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#777777')).toBe(1);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it.each(labelColors)('%s: chip text passes WCAG AA for small text (≥ 4.5:1)', (color) => {
    const { background, text } = labelPalette[color];
    expect(contrastRatio(background, text)).toBeGreaterThanOrEqual(4.5);
  });

  it('knows its colours and nothing else', () => {
    expect(labelColors).toHaveLength(10);
    expect(isLabelColor('amber')).toBe(true);
    expect(isLabelColor('#ff0000')).toBe(false);
    expect(isLabelColor('toString')).toBe(false);
  });
});
