import { describe, expect, it } from 'vitest';
import { charsLeft } from './chars-left';

describe('charsLeft', () => {
  it.each([
    [0, 80, null],
    [69, 80, null],
    [70, 80, 10],
    [75, 80, 5],
    [80, 80, 0],
    [81, 80, 0],
    [39, 40, 1],
    [29, 40, null],
    [30, 40, 10],
    [0, 1000, null],
    [875, 1000, 125],
  ])('says what is left of %i characters out of %i: %s', (length, max, expected) => {
    expect(charsLeft(length, max)).toBe(expected);
  });
});
