import { describe, expect, it } from 'vitest';
import { mailErrorCodeOf, SMTP_NOT_CONFIGURED } from './mail-error-code';

describe('mailErrorCodeOf', () => {
  it('codes the reason Charla writes when SMTP_URL is not set', () => {
    expect(mailErrorCodeOf(SMTP_NOT_CONFIGURED)).toBe('smtp_not_configured');
    expect(mailErrorCodeOf('SMTP is not configured (SMTP_URL)')).toBe('smtp_not_configured');
  });
  it('leaves the SMTP server’s own words and no error without a code', () => {
    expect(mailErrorCodeOf('ECONNREFUSED connect ECONNREFUSED 127.0.0.1:2525')).toBeNull();
    expect(mailErrorCodeOf(null)).toBeNull();
  });
});
