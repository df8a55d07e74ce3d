import { describe, expect, it } from 'vitest';
import { AppError } from './app-error';
import { toJsonColumn } from './json';

describe('toJsonColumn', () => {
  it('serializes ordinary values', () => {
    expect(toJsonColumn({ a: [1, 'b', null] })).toBe('{"a":[1,"b",null]}');
  });

  it('refuses a value nested 10,000 deep with JSON_TOO_DEEP instead of a stack overflow', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i += 1) deep = { a: deep };
    expect(() => toJsonColumn(deep)).toThrow(AppError);
    try {
      toJsonColumn(deep);
    } catch (error) {
      expect((error as AppError).code).toBe('JSON_TOO_DEEP');
      expect((error as AppError).status).toBe(422);
    }
  });
});
