import { describe, expect, it } from 'vitest';
import type { TConversationDto, TMessageDto } from '@charla/protocol';
import { latestEventSeq, sameApartFromActivity } from './conversation-activity';

const base = {
  id: 'c1',
  status: 'assigned',
  visitor: { id: 'v1', number: 7, displayName: 'Ada', email: null, context: {} },
  assignee: { id: 'u1', name: 'Alice', avatarUrl: null },
  labels: [],
  allowedActions: ['send', 'close'],
  lastSeq: 10,
  lastMessageAt: 1,
  lastMessagePreview: 'hi',
  userReadSeq: 9,
  visitorReadSeq: 8,
  routing: { team: null, watchdogDeadline: 100, whenOffline: false },
} as unknown as TConversationDto;

describe('what a plain message changes on a conversation (issue 25)', () => {
  it('is the same conversation apart from its activity and read marks', () => {
    const after = {
      ...base,
      lastSeq: 11,
      lastMessageAt: 2,
      lastMessagePreview: 'hello',
      userReadSeq: 11,
      visitorReadSeq: 11,
      routing: { ...base.routing! },
    };
    expect(sameApartFromActivity(base, after)).toBe(true);
  });

  it('differs when the reply clock, the assignee, the labels or the actions change', () => {
    const routing = base.routing!;
    expect(sameApartFromActivity(base, { ...base, routing: { ...routing, watchdogDeadline: 200 } })).toBe(
      false,
    );
    expect(sameApartFromActivity(base, { ...base, assignee: null })).toBe(false);
    expect(sameApartFromActivity(base, { ...base, labels: [] })).toBe(false);
    expect(sameApartFromActivity(base, { ...base, allowedActions: ['assign'] })).toBe(false);
    expect(sameApartFromActivity(base, { ...base, status: 'closed' })).toBe(false);
  });

  it('finds the latest timeline event, the side panel refreshing on it', () => {
    const message = (seq: number, event: TMessageDto['event']) => ({ seq, event }) as TMessageDto;
    const assigned = { type: 'assigned' } as unknown as TMessageDto['event'];
    expect(latestEventSeq([message(1, null), message(2, assigned), message(3, null)])).toBe(2);
    expect(latestEventSeq([message(1, null)])).toBe(0);
    expect(latestEventSeq(undefined)).toBe(0);
  });
});
