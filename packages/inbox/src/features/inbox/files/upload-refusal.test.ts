import { describe, expect, it } from 'vitest';
import { en } from '../../../locales/en';
import { uploadRefusalKey } from './upload-refusal';

describe('uploadRefusalKey', () => {
  it.each([
    ['ATTACHMENT_TOO_LARGE', 'files.error.tooLarge'],
    ['ATTACHMENT_TYPE_NOT_ALLOWED', 'files.error.typeNotAllowed'],
    ['ATTACHMENT_UNREADABLE', 'files.error.unreadable'],
    ['ATTACHMENT_POLYGLOT', 'files.error.polyglot'],
    ['ATTACHMENT_QUOTA_EXCEEDED', 'files.error.quota'],
    ['ATTACHMENT_INCOMPLETE', 'files.error.incomplete'],
    ['RATE_LIMITED', 'files.error.rateLimited'],
    ['NETWORK', 'files.error.network'],
    ['CONVERSATION_CLOSED', 'files.error.closed'],
    ['CONVERSATION_NOT_FOUND', 'files.error.notAllowed'],
    ['INVALID_TRANSITION', 'files.error.notAllowed'],
    ['HTTP_502', 'files.error.generic'],
    ['INTERNAL', 'files.error.generic'],
    [null, 'files.error.generic'],
  ])('says why %s refused the file', (code, key) => {
    expect(uploadRefusalKey(code)).toBe(key);
  });

  it('names only keys the English strings have', () => {
    const codes = ['ATTACHMENT_TOO_LARGE', 'ATTACHMENT_POLYGLOT', 'NETWORK', 'CONVERSATION_CLOSED', null];
    for (const code of codes) {
      const leaf = uploadRefusalKey(code).split('.').pop() as keyof typeof en.files.error;
      expect(en.files.error[leaf], String(code)).toEqual(expect.any(String));
    }
  });
});
