import { describe, expect, it } from 'vitest';
import { sendFailureKey } from './send-failure';

describe('sendFailureKey', () => {
  it.each([
    ['FRAME_TOO_LARGE', 'timeline.failedTooLong'],
    ['VALIDATION_FAILED', 'timeline.failedTooLong'],
    ['CONVERSATION_CLOSED', 'timeline.failedClosed'],
    ['FORBIDDEN', 'timeline.failedForbidden'],
    ['CONVERSATION_NOT_FOUND', 'timeline.failedForbidden'],
    ['RATE_LIMITED', 'timeline.failedRateLimited'],
    // Its files were swept (a day unsent) or sent already: they must be attached again.
    ['ATTACHMENT_NOT_FOUND', 'files.failedSend'],
    ['INTERNAL', 'timeline.failed'],
    [undefined, 'timeline.failed'],
  ])('explains %s', (code, key) => {
    expect(sendFailureKey(code)).toBe(key);
  });
});
