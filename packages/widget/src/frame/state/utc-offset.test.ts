import { describe, expect, it } from 'vitest';
import { utcOffset } from './utc-offset';

const at = (offsetMinutes: number) => ({ getTimezoneOffset: () => offsetMinutes }) as Date;

describe('utcOffset', () => {
  it('writes the offset east of UTC as positive, with minutes', () => {
    expect(utcOffset(at(-120))).toBe('UTC+02:00');
    expect(utcOffset(at(-330))).toBe('UTC+05:30');
  });

  it('writes west of UTC as negative and UTC itself as +00:00', () => {
    expect(utcOffset(at(300))).toBe('UTC-05:00');
    expect(utcOffset(at(0))).toBe('UTC+00:00');
  });
});
