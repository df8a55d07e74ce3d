import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature } from './sign-webhook';

describe('signWebhook', () => {
  it('signs timestamp + "." + body with HMAC-SHA256 in hex, prefixed v1=', () => {
    const expected = createHmac('sha256', 'whsec_test').update('1767225600.{"a":1}').digest('hex');
    expect(signWebhook('whsec_test', 1767225600, '{"a":1}')).toBe(`v1=${expected}`);
  });

  it('verifies its own signature and refuses a changed body, timestamp or secret', () => {
    const sig = signWebhook('s3cret', 100, 'body');
    expect(verifyWebhookSignature('s3cret', 100, 'body', sig)).toBe(true);
    expect(verifyWebhookSignature('s3cret', 100, 'body!', sig)).toBe(false);
    expect(verifyWebhookSignature('s3cret', 101, 'body', sig)).toBe(false);
    expect(verifyWebhookSignature('other', 100, 'body', sig)).toBe(false);
    expect(verifyWebhookSignature('s3cret', 100, 'body', 'v1=short')).toBe(false);
  });
});
