import type { TConversationActivity } from '@charla/protocol';
import { describe, expect, it } from 'vitest';
import { messageDtoFixture } from '../modules/notifications/conversation.fixture';
import { ackFrameJson, messageFrameJson, messageJson } from './message-json';

const ACTIVITY: TConversationActivity = {
  lastSeq: 4,
  lastMessageAt: 1_764_640_000_000,
  lastMessagePreview: 'Are you there?',
  watchdogDeadline: null,
};

// Texts JSON escapes: quotes, backslashes, controls, lone surrogates, line separators, RTL marks.
const TEXTS = [
  'Are you there?',
  'say "hi" \\ back',
  'tab\there\nnewline',
  '\ud800 lone',
  'a\u2028b',
  '\u202Eevil',
];

describe('spliced frames', () => {
  it.each(TEXTS)('read exactly as the frame object serialized: %j', (text) => {
    const message = messageDtoFixture('c1', 'visitor', text);
    expect(messageFrameJson(message)).toBe(JSON.stringify({ type: 'message', message }));
    expect(messageFrameJson(message, ACTIVITY)).toBe(
      JSON.stringify({ type: 'message', message, activity: ACTIVITY }),
    );
    const ack = { type: 'ack', ref: 'r"1', clientMsgId: 'v-1', message } as const;
    expect(ackFrameJson(ack)).toBe(JSON.stringify(ack));
    const userAck = { type: 'ack', ref: undefined, clientMsgId: 'u-1', message, activity: ACTIVITY } as const;
    expect(ackFrameJson(userAck)).toBe(JSON.stringify(userAck));
  });

  it('serialize a message once for all its frames', () => {
    const message = messageDtoFixture('c1', 'user');
    const first = messageJson(message);
    expect(messageJson(message)).toBe(first);
    // Another DTO with equal content is serialized for itself (the cache is by object, not value).
    const twin = { ...message, seq: 5 };
    expect(messageJson(twin)).toBe(JSON.stringify(twin));
  });
});
