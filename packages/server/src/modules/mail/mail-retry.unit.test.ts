import { describe, expect, it } from 'vitest';
import { MAIL_GIVE_UP_AFTER_MS, MAIL_MAX_RETRY_DELAY_MS, nextMailAttemptAt } from './mail-retry';

describe('nextMailAttemptAt', () => {
  it('doubles the wait from 15 s and caps it at 30 min', () => {
    expect(nextMailAttemptAt(1, 0, 1000)).toBe(16_000);
    expect(nextMailAttemptAt(2, 0, 1000)).toBe(31_000);
    expect(nextMailAttemptAt(3, 0, 1000)).toBe(61_000);
    expect(nextMailAttemptAt(30, 0, 1000)).toBe(1000 + MAIL_MAX_RETRY_DELAY_MS);
  });

  it('gives up once the next try would be more than 48 h after queueing', () => {
    expect(nextMailAttemptAt(40, 0, MAIL_GIVE_UP_AFTER_MS - 1000)).toBeNull();
  });
});
