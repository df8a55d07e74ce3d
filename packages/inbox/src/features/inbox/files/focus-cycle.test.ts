import { describe, expect, it } from 'vitest';
import { cycleFocus } from './focus-cycle';

describe('cycleFocus', () => {
  it.each([
    [0, 3, false, 1],
    [1, 3, false, 2],
    [2, 3, false, 0],
    [0, 3, true, 2],
    [2, 3, true, 1],
    [-1, 3, false, 0],
    [-1, 3, true, 2],
    [0, 1, false, 0],
    [0, 1, true, 0],
    [-1, 0, false, -1],
  ])('from %i among %i (backwards: %s) goes to %i', (current, count, backwards, expected) => {
    expect(cycleFocus(current, count, backwards)).toBe(expected);
  });
});
