import type { TConversationDto } from '@charla/protocol';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { conversationDtoFixture, messageDtoFixture } from './conversation.fixture';
import {
  decideMentionNotifications,
  decideNotification,
  isStillNotifiable,
  type NotifyingDomainEvent,
  type NotifyingEvent,
} from './decide-notification';

/** The payloads below leave out `previous` (no rule here reads it). */
function decide(name: NotifyingEvent, payload: object) {
  const previous = { status: 'bot', assigneeId: null };
  return decideNotification({ name, payload: { previous, ...payload } } as NotifyingDomainEvent);
}

const alice = { id: 'u-alice', name: 'Alice', avatarUrl: null };

describe('decideNotification', () => {
  it('tells everyone when a conversation lands in Unassigned', () => {
    const conversation = conversationDtoFixture();
    expect(decide('conversation.live_chat_requested', { conversation })).toMatchObject({
      kind: 'conversation_unassigned',
      audience: { everyone: true },
    });
    expect(decide('conversation.unassigned', { conversation })).toMatchObject({
      kind: 'conversation_unassigned',
    });
  });

  it('tells the team when the chat was routed to one, the watchdog’s lapses included (issue 19)', () => {
    const routing = { team: { id: 't-sales', name: 'Sales' }, watchdogDeadline: null, whenOffline: true };
    const conversation = conversationDtoFixture({ routing });
    for (const name of ['conversation.live_chat_requested', 'conversation.unassigned'] as const)
      expect(decide(name, { conversation, reason: 'watchdog' })).toMatchObject({
        kind: 'conversation_unassigned',
        audience: { teamId: 't-sales' },
      });
  });

  it('tells nobody about an "unassigned" conversation that has an assignee (R14)', () => {
    const conversation = conversationDtoFixture({ status: 'assigned', assignee: alice });
    expect(decide('conversation.unassigned', { conversation })).toBeNull();
    expect(
      decide('conversation.live_chat_requested', {
        conversation: conversationDtoFixture({ status: 'closed' }),
      }),
    ).toBeNull();
  });

  it('tells the assignee when someone else assigned it, not when they took it themselves', () => {
    const conversation = conversationDtoFixture({ status: 'assigned', assignee: alice });
    expect(
      decide('conversation.assigned', { conversation, assigneeId: alice.id, byUserId: 'u-bob' }),
    ).toMatchObject({ kind: 'conversation_assigned', audience: { userId: alice.id } });
    expect(
      decide('conversation.assigned', { conversation, assigneeId: alice.id, byUserId: alice.id }),
    ).toBeNull();
    expect(
      decide('conversation.assigned', { conversation, assigneeId: 'u-carol', byUserId: null }),
    ).toBeNull();
  });

  it('tells only the assignee about a visitor message, and nobody about other authors or unassigned ones', () => {
    const assigned = conversationDtoFixture({ status: 'assigned', assignee: alice });
    expect(
      decide('message.created', {
        conversation: assigned,
        message: messageDtoFixture(assigned.id, 'visitor'),
      }),
    ).toMatchObject({ kind: 'visitor_message', audience: { userId: alice.id } });
    expect(
      decide('message.created', {
        conversation: assigned,
        message: messageDtoFixture(assigned.id, 'user'),
      }),
    ).toBeNull();
    expect(
      decide('message.created', {
        conversation: assigned,
        message: messageDtoFixture(assigned.id, 'bot'),
      }),
    ).toBeNull();
    const waiting = conversationDtoFixture();
    expect(
      decide('message.created', {
        conversation: waiting,
        message: messageDtoFixture(waiting.id, 'visitor'),
      }),
    ).toBeNull();
  });

  it('is never given a payload without a conversation: the typed events refuse it', () => {
    expectTypeOf<NotifyingDomainEvent['payload']['conversation']>().toEqualTypeOf<TConversationDto>();
  });
});

describe('isStillNotifiable', () => {
  it.each([
    ['conversation_unassigned', { status: 'waiting', assigneeId: null }, 'u1', true],
    ['conversation_unassigned', { status: 'assigned', assigneeId: 'u2' }, 'u1', false],
    ['conversation_unassigned', { status: 'assigned', assigneeId: 'u1' }, 'u1', false],
    ['conversation_unassigned', { status: 'closed', assigneeId: null }, 'u1', false],
    ['conversation_assigned', { status: 'assigned', assigneeId: 'u1' }, 'u1', true],
    ['conversation_assigned', { status: 'assigned', assigneeId: 'u2' }, 'u1', false],
    ['conversation_assigned', { status: 'waiting', assigneeId: null }, 'u1', false],
    ['visitor_message', { status: 'assigned', assigneeId: 'u1' }, 'u1', true],
    ['visitor_message', { status: 'assigned', assigneeId: 'u2' }, 'u1', false],
    ['visitor_message', { status: 'closed', assigneeId: 'u1' }, 'u1', false],
  ] as const)('%s with %o for %s → %s', (kind, state, userId, expected) => {
    expect(isStillNotifiable(kind, state, userId)).toBe(expected);
  });

  it('refuses when the conversation no longer exists', () => {
    expect(isStillNotifiable('conversation_unassigned', null, 'u1')).toBe(false);
  });
});

describe('decideMentionNotifications (issue 16)', () => {
  const conversation = conversationDtoFixture({
    status: 'assigned',
    assignee: alice,
  });
  const noteBy = (authorId: string, mentions: string[]) =>
    ({
      name: 'message.created',
      payload: {
        conversation,
        message: {
          ...messageDtoFixture(conversation.id, 'user'),
          author: { kind: 'user', id: authorId, name: 'A', avatarUrl: null },
          event: { type: 'note', mentions: mentions.map((userId) => ({ userId, name: userId })) },
        },
      },
    }) as NotifyingDomainEvent;

  it('notifies each mentioned user once, never the author', () => {
    const intents = decideMentionNotifications(noteBy('u-alice', ['u-bob', 'u-alice', 'u-carol']));
    expect(intents.map((i) => [i.kind, i.audience])).toEqual([
      ['mention', { userId: 'u-bob' }],
      ['mention', { userId: 'u-carol' }],
    ]);
  });

  it('ignores messages that are no note and lifecycle events', () => {
    const plain = { ...noteBy('u-alice', ['u-bob']) };
    (plain.payload as { message: { event: null } }).message.event = null;
    expect(decideMentionNotifications(plain)).toEqual([]);
    expect(
      decideMentionNotifications({
        name: 'conversation.unassigned',
        payload: { conversation },
      } as unknown as NotifyingDomainEvent),
    ).toEqual([]);
  });

  it('lets a mention through the send-time re-check while the conversation exists', () => {
    expect(isStillNotifiable('mention', { status: 'assigned', assigneeId: 'u-alice' }, 'u-bob')).toBe(true);
    expect(isStillNotifiable('mention', null, 'u-bob')).toBe(false);
  });
});
