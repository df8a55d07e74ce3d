import { describe, expect, it } from 'vitest';
import { checkRegexPattern, compileCaptureRegex, hasNestedQuantifier } from './regex-pattern';

describe('hasNestedQuantifier', () => {
  it.each(['(a+)+', '(a*)*', '(\\w+\\s?)*', '((ab)+c)+', '([a-z]+)*$', '(a{2,})+', '(?:x+y?)+'])(
    'flags %s',
    (pattern) => {
      expect(hasNestedQuantifier(pattern)).toBe(true);
    },
  );

  it.each(['[0-9]{5}', '(ab)+', '(a+b)?', '\\(a+\\)+', '[(a+)]+', '(a{2,3})+', '^[A-Z]{2}-\\d+$', '(a|b)*'])(
    'accepts %s',
    (pattern) => {
      expect(hasNestedQuantifier(pattern)).toBe(false);
    },
  );
});

describe('checkRegexPattern', () => {
  it('accepts a sane pattern', () => {
    expect(checkRegexPattern('[A-Z]{2}\\d{4}', 'i')).toEqual({ ok: true });
  });

  it('rejects patterns that are too long, do not compile or nest quantifiers', () => {
    expect(checkRegexPattern('a'.repeat(501))).toMatchObject({ ok: false, reason: 'too_long' });
    expect(checkRegexPattern('(')).toMatchObject({ ok: false, reason: 'syntax' });
    expect(checkRegexPattern('(a+)+')).toMatchObject({ ok: false, reason: 'nested_quantifier' });
  });
});

describe('compileCaptureRegex', () => {
  it('matches the whole input only', () => {
    expect(compileCaptureRegex('[0-9]{5}').test('12345')).toBe(true);
    expect(compileCaptureRegex('[0-9]{5}').test('123456')).toBe(false);
    expect(compileCaptureRegex('a|b').test('ab')).toBe(false);
    expect(compileCaptureRegex('abc', 'i').test('ABC')).toBe(true);
  });
});
