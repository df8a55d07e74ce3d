import { describe, expect, it } from 'vitest';
import type { TConversationDto } from '@charla/protocol';
import { attentionCount, titleWithCount } from './attention-count';

const me = 'u-me';
function chat(id: string, status: TConversationDto['status'], assignee: string | null, unread: boolean) {
  return {
    id,
    status,
    assignee: assignee === null ? null : { id: assignee, name: assignee, avatarUrl: null },
    lastSeq: 10,
    userReadSeq: unread ? 7 : 10,
  } as TConversationDto;
}

describe('the count in the tab title and on the app badge (issue 16)', () => {
  it('adds the chats waiting in Unassigned to my assigned chats with unread messages', () => {
    const conversations = Object.fromEntries(
      [
        chat('a', 'assigned', me, true),
        chat('b', 'assigned', me, false),
        chat('c', 'assigned', 'u-other', true),
        chat('d', 'closed', null, true),
        chat('e', 'waiting', null, true),
      ].map((c) => [c.id, c]),
    );
    const counts = { unassigned: 2, mine: 2, closed: 1 };
    expect(attentionCount({ meId: me, counts, conversations })).toBe(3);
    expect(attentionCount({ meId: me, counts: null, conversations: {} })).toBe(0);
  });

  it('puts the count in front of the title, capped at 99+', () => {
    expect(titleWithCount('Charla', 0)).toBe('Charla');
    expect(titleWithCount('Charla', 3)).toBe('(3) Charla');
    expect(titleWithCount('Charla', 140)).toBe('(99+) Charla');
  });
});
