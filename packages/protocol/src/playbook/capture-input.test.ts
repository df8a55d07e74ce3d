import { describe, expect, it } from 'vitest';
import { checkCaptureInput } from './capture-input';

const EMAIL = { kind: 'email', errorMessage: 'x', maxAttempts: 1 } as const;
const PHONE = { kind: 'phone', errorMessage: 'x', maxAttempts: 1 } as const;

describe('checkCaptureInput with email validation', () => {
  it.each([
    ['Ada@Example.com', 'ada@example.com'],
    [' a.b+c@sub.example.co.uk ', 'a.b+c@sub.example.co.uk'],
  ])('accepts %s', (input, expected) => {
    expect(checkCaptureInput(EMAIL, input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    'ada',
    'ada@',
    '@example.com',
    'ada@example',
    'ada@example.c',
    'a b@example.com',
    'a@b@example.com',
  ])('rejects %s', (input) => {
    expect(checkCaptureInput(EMAIL, input)).toEqual({ ok: false });
  });
});

describe('checkCaptureInput with phone validation', () => {
  it.each([
    ['+34 612 345 678', '+34612345678'],
    ['(555) 123-4567', '+5551234567'],
    ['+1-202-555-0143', '+12025550143'],
    ['555.123.4567', '+5551234567'],
  ])('normalises %s', (input, expected) => {
    expect(checkCaptureInput(PHONE, input)).toEqual({ ok: true, value: expected });
  });

  it.each(['123456', '1234567890123456', '+34 612 abc', '12+345678'])('rejects %s', (input) => {
    expect(checkCaptureInput(PHONE, input)).toEqual({ ok: false });
  });
});

describe('checkCaptureInput', () => {
  it('counts characters, not UTF-16 units, for length checks', () => {
    const length = { kind: 'length', min: 2, max: 2, errorMessage: 'x', maxAttempts: 1 } as const;
    expect(checkCaptureInput(length, '👋👋')).toEqual({ ok: true, value: '👋👋' });
    expect(checkCaptureInput(length, '👋')).toEqual({ ok: false });
  });

  it('accepts anything without validation, trimmed', () => {
    expect(checkCaptureInput({ kind: 'none' }, '  hi ')).toEqual({ ok: true, value: 'hi' });
  });

  it('matches nothing with a pattern that does not compile', () => {
    expect(
      checkCaptureInput({ kind: 'regex', pattern: '(', errorMessage: 'x', maxAttempts: 1 }, '('),
    ).toEqual({ ok: false });
  });
});
