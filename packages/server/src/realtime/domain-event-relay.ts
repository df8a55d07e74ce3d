import type { AnyDomainEvent, DomainEvents } from '../lib/domain-events';
import type { Bus } from './bus';
import type { BusEvent } from './bus-events';

/**
 * What the bus carries for a committed domain event (pure): every process fans it out to its own
 * sockets. Events no socket shows (CRM records, ratings, a conversation's creation while the bot
 * still holds it) carry nothing.
 */
export function busEventsOf(event: AnyDomainEvent, originNode: string): BusEvent[] {
  switch (event.name) {
    case 'message.created':
      return [{ type: 'message.created', ...event.payload }];
    case 'conversation.live_chat_requested':
    case 'conversation.assigned':
    case 'conversation.unassigned':
    case 'conversation.closed':
    case 'conversation.updated': {
      const { conversation, previous } = event.payload;
      return [
        { type: 'conversation.changed', conversation, previous, originNode },
        { type: 'visitor.conversation', visitorId: conversation.visitor.id, conversationId: conversation.id },
      ];
    }
    case 'conversation.visitor_state':
      return [{ type: 'visitor.conversation', ...event.payload }];
    case 'crm.record_changed':
      return [{ type: 'panel.changed', conversations: event.payload.conversations }];
    case 'conversation.read': {
      const { conversationId, visitorId, visibility, side, seq, origin } = event.payload;
      return [
        { type: 'read', conversationId, visitorId, ...visibility, side, seq, ...(origin ? { origin } : {}) },
      ];
    }
    default:
      return [];
  }
}

/**
 * Realtime is a listener of the domain events like any other: it relays each committed change
 * to the bus, in the order the changes were published (each publish starts synchronously).
 */
export function relayDomainEventsToBus(events: DomainEvents, bus: Bus, originNode: string): () => void {
  return events.onAny((event) =>
    Promise.all(busEventsOf(event, originNode).map((e) => bus.publish(e))).then(() => undefined),
  );
}
