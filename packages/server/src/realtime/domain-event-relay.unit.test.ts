import { describe, expect, it } from 'vitest';
import { domainEvent } from '../lib/domain-events';
import { conversationDtoFixture, messageDtoFixture } from '../modules/notifications/conversation.fixture';
import { leadFixture } from '../modules/webhooks/lead.fixture';
import { busEventsOf } from './domain-event-relay';

const conversation = conversationDtoFixture();
const previous = { status: 'assigned', assigneeId: 'u-alice' } as const;

describe('busEventsOf: realtime as a listener of domain events (pure)', () => {
  it('relays a lifecycle change as the conversation for inboxes and the state for the widget', () => {
    for (const name of [
      'conversation.live_chat_requested',
      'conversation.unassigned',
      'conversation.closed',
      'conversation.updated',
    ] as const) {
      expect(busEventsOf(domainEvent(name, { conversation, previous }), 'node-a')).toEqual([
        { type: 'conversation.changed', conversation, previous, originNode: 'node-a' },
        { type: 'visitor.conversation', visitorId: conversation.visitor.id, conversationId: conversation.id },
      ]);
    }
    const assigned = domainEvent('conversation.assigned', {
      conversation,
      previous,
      assigneeId: 'u-bob',
      byUserId: null,
    });
    expect(busEventsOf(assigned, 'node-a')[0]).toMatchObject({ type: 'conversation.changed', previous });
  });

  it('relays messages, read positions and widget-only state as they are', () => {
    const message = messageDtoFixture(conversation.id, 'visitor');
    expect(busEventsOf(domainEvent('message.created', { conversation, message }), 'n')).toEqual([
      { type: 'message.created', conversation, message },
    ]);
    const visibility = { status: 'assigned' as const, assigneeId: 'u-bob', readerIds: ['u-rita'] };
    const read = domainEvent('conversation.read', {
      conversationId: conversation.id,
      visitorId: 'v1',
      visibility,
      side: 'user',
      seq: 4,
    });
    expect(busEventsOf(read, 'n')).toEqual([
      { type: 'read', conversationId: conversation.id, visitorId: 'v1', ...visibility, side: 'user', seq: 4 },
    ]);
    const state = domainEvent('conversation.visitor_state', { conversationId: 'c1', visitorId: 'v1' });
    expect(busEventsOf(state, 'n')).toEqual([
      { type: 'visitor.conversation', conversationId: 'c1', visitorId: 'v1' },
    ]);
  });

  it('relays nothing no socket shows: a conversation the bot still holds, CRM records', () => {
    expect(busEventsOf(domainEvent('conversation.created', { conversation, previous }), 'n')).toEqual([]);
    expect(busEventsOf(domainEvent('lead.created', { lead: leadFixture('l1') }), 'n')).toEqual([]);
  });
});
