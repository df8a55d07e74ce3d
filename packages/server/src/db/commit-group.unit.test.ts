import { describe, expect, it } from 'vitest';
import { COMMIT_SPACING_MS, COMMIT_WAIT_PER_COMMIT, spacingAfter } from './commit-group';

describe('spacingAfter: when the next group commit may start (issue 25)', () => {
  it('waits ten times what the last commit took, so quick commits follow each other soon', () => {
    expect(spacingAfter(0.25, COMMIT_SPACING_MS, COMMIT_WAIT_PER_COMMIT)).toBeCloseTo(2.5);
    expect(spacingAfter(0.5, 8, 10)).toBeCloseTo(5);
  });

  it('never waits longer than the spacing, however slow the last commit (a checkpoint)', () => {
    expect(spacingAfter(3, COMMIT_SPACING_MS, COMMIT_WAIT_PER_COMMIT)).toBe(COMMIT_SPACING_MS);
    expect(spacingAfter(40, 8, 10)).toBe(8);
  });

  it('does not wait after an instant commit, nor for a clock that went backwards', () => {
    expect(spacingAfter(0, 8, 10)).toBe(0);
    expect(spacingAfter(-1, 8, 10)).toBe(0);
  });
});
