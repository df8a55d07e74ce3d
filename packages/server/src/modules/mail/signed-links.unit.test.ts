import { describe, expect, it } from 'vitest';
import {
  replyAddress,
  replyTokenIn,
  signChatLink,
  signReplyToken,
  verifyChatLink,
  verifyReplyToken,
} from './signed-links';

const KEY = 'k'.repeat(43);
const link = { conversationId: '0190aaaa-bbbb-7ccc-8ddd-eeeeffff0000', visitorId: 'v-1', expiresAt: 1_000 };

describe('chat links', () => {
  it('round-trips until the expiry', () => {
    const token = signChatLink(KEY, link);
    expect(verifyChatLink(KEY, token, 999)).toEqual({ ok: true, value: link });
    expect(verifyChatLink(KEY, token, 1_000)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses another key, an altered payload or signature, and junk', () => {
    const token = signChatLink(KEY, link);
    const [payload, signature] = token.split('.') as [string, string];
    const longer = Buffer.from(JSON.stringify([link.conversationId, 'v-2', 1_000])).toString('base64url');
    for (const bad of [
      signChatLink('other', link),
      `${longer}.${signature}`,
      `${payload}.${signature.slice(0, -2)}AA`,
      `${payload}.${signature}.x`,
      'nothing',
      '',
    ])
      expect(verifyChatLink(KEY, bad, 0)).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('reply tokens', () => {
  it('round-trips the conversation id, case-insensitively, within a 64-character local part', () => {
    const token = signReplyToken(KEY, link.conversationId);
    expect(`replies+${token}`.length).toBeLessThanOrEqual(64);
    expect(verifyReplyToken(KEY, token)).toBe(link.conversationId);
    expect(verifyReplyToken(KEY, token.toUpperCase())).toBe(link.conversationId);
  });

  it('refuses a forged token', () => {
    const token = signReplyToken(KEY, link.conversationId);
    expect(verifyReplyToken('other', token)).toBeNull();
    const flipped = `${token.slice(0, -1)}${token.endsWith('0') ? '1' : '0'}`;
    expect(verifyReplyToken(KEY, flipped)).toBeNull();
    expect(verifyReplyToken(KEY, 'x')).toBeNull();
  });

  it('builds and finds the plus address of the base address only', () => {
    const address = replyAddress('replies@in.acme.test', 'abc.def');
    expect(address).toBe('replies+abc.def@in.acme.test');
    expect(replyTokenIn('replies@in.acme.test', ['other@x.test', 'Replies+abc.def@IN.acme.test'])).toBe(
      'abc.def',
    );
    expect(replyTokenIn('replies@in.acme.test', ['replies+abc@evil.test', 'other+abc@in.acme.test'])).toBe(
      null,
    );
  });
});
