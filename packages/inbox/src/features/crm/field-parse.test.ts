import { describe, expect, it } from 'vitest';
import {
  dateTimeInputToMs,
  moneyToInput,
  msToDateTimeInput,
  parseContactList,
  parseList,
  parseMoney,
} from './field-parse';

describe('parseMoney', () => {
  it.each([
    ['12000', 'EUR', 1_200_000],
    ['12,000', 'USD', 1_200_000],
    ['12.000,50', 'EUR', 1_200_050],
    ['12,000.5', 'USD', 1_200_050],
    ['1 234,99', 'EUR', 123_499],
    ['5000', 'JPY', 5000],
    ['1.5', 'BHD', 1500],
  ] as const)('reads %s %s as %i minor units', (text, currency, minor) => {
    expect(parseMoney(text, currency)).toEqual({ ok: true, value: { amountMinor: minor, currency } });
  });
  it('reads an empty amount as no value', () => {
    expect(parseMoney('  ', 'EUR')).toEqual({ ok: true, value: null });
  });
  it.each(['abc', '-5', '12.3.4x', '1e5'])('refuses %s', (text) => {
    expect(parseMoney(text, 'EUR')).toMatchObject({ ok: false });
  });
  it('round-trips through the input text', () => {
    expect(moneyToInput({ amountMinor: 123450, currency: 'EUR' })).toBe('1234.50');
    expect(moneyToInput({ amountMinor: 5000, currency: 'JPY' })).toBe('5000');
  });
});

describe('parseList and date-time inputs', () => {
  it('splits on commas, semicolons and new lines and drops blanks', () => {
    expect(parseList('a@x.com, b@y.com;\n c@z.com ,')).toEqual(['a@x.com', 'b@y.com', 'c@z.com']);
  });
  it('round-trips a local date-time', () => {
    const ms = dateTimeInputToMs('2026-03-14T09:30');
    expect(ms).not.toBeNull();
    expect(msToDateTimeInput(ms)).toBe('2026-03-14T09:30');
    expect(dateTimeInputToMs('')).toBeNull();
  });
});

describe('parseContactList', () => {
  it('keeps valid emails and phones as typed, and an empty line as no value', () => {
    expect(parseContactList('ana@example.com, Bob@Example.org', 'email')).toEqual({
      ok: true,
      value: ['ana@example.com', 'Bob@Example.org'],
    });
    expect(parseContactList('+34 600 000 000; (91) 123-4567', 'phone')).toEqual({
      ok: true,
      value: ['+34 600 000 000', '(91) 123-4567'],
    });
    expect(parseContactList('  ', 'email')).toEqual({ ok: true, value: [] });
  });
  it.each([
    ['bad@@mail', 'email', 'invalidEmail'],
    ['ana@example.com, no-at-sign', 'email', 'invalidEmail'],
    ['name@', 'email', 'invalidEmail'],
    ['abc not a phone', 'phone', 'invalidPhone'],
    ['123', 'phone', 'invalidPhone'],
    ['+34 600 000 000, 1234567890123456', 'phone', 'invalidPhone'],
  ] as const)('refuses %s as %s', (text, kind, error) => {
    expect(parseContactList(text, kind)).toEqual({ ok: false, error });
  });
});
