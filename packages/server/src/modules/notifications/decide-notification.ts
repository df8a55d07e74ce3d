import type { TConversationDto, TMessageDto, TNotificationEvent } from '@charla/protocol';
import type { AnyDomainEvent, DomainEventName } from '../../lib/domain-events';

/** Who should hear about what: everyone who may see an unassigned conversation, or one user. */
export type NotificationIntent = {
  kind: TNotificationEvent;
  conversation: TConversationDto;
  /** The visitor's message a `visitor_message` notification is about. */
  message?: TMessageDto;
  /** `teamId`: the members of the team the chat was routed to (issue 19). */
  audience: { everyone: true } | { userId: string } | { teamId: string };
};

export const notifyingEvents = [
  'conversation.live_chat_requested',
  'conversation.unassigned',
  'conversation.assigned',
  'message.created',
] as const satisfies DomainEventName[];
export type NotifyingEvent = (typeof notifyingEvents)[number];
/** One of the notifying events with its typed payload. */
export type NotifyingDomainEvent = Extract<AnyDomainEvent, { name: NotifyingEvent }>;

export function isNotifying(event: AnyDomainEvent): event is NotifyingDomainEvent {
  return (notifyingEvents as readonly string[]).includes(event.name);
}

/**
 * R22 from a domain event alone (pure): a conversation landing in Unassigned → everyone; assigned
 * to someone by someone else → that user; a visitor message in an assigned conversation → its
 * assignee. Anything inconsistent with R14 in the payload yields null.
 */
export function decideNotification(event: NotifyingDomainEvent): NotificationIntent | null {
  const { conversation } = event.payload;
  switch (event.name) {
    case 'conversation.live_chat_requested':
    case 'conversation.unassigned':
      if (conversation.status !== 'waiting' || conversation.assignee !== null) return null;
      // A chat routed to a team (issue 19): its members hear of it (the watchdog's lapses too).
      return {
        kind: 'conversation_unassigned',
        conversation,
        audience: conversation.routing?.team ? { teamId: conversation.routing.team.id } : { everyone: true },
      };
    case 'conversation.assigned': {
      const { assigneeId, byUserId } = event.payload;
      if (
        byUserId === assigneeId ||
        conversation.assignee?.id !== assigneeId ||
        conversation.status !== 'assigned'
      )
        return null;
      return { kind: 'conversation_assigned', conversation, audience: { userId: assigneeId } };
    }
    case 'message.created': {
      const { message } = event.payload;
      if (message.author.kind !== 'visitor' || conversation.status !== 'assigned' || !conversation.assignee)
        return null;
      return {
        kind: 'visitor_message',
        conversation,
        message,
        audience: { userId: conversation.assignee.id },
      };
    }
  }
}

/**
 * Issue 16: a private note notifies each user it mentions (not its author). The note itself gave
 * them read access (R29), so no R14 check beyond the conversation still existing.
 */
export function decideMentionNotifications(event: NotifyingDomainEvent): NotificationIntent[] {
  if (event.name !== 'message.created') return [];
  const { conversation, message } = event.payload;
  if (message.event?.type !== 'note') return [];
  return message.event.mentions
    .filter((m) => m.userId !== message.author.id)
    .map((m) => ({ kind: 'mention', conversation, audience: { userId: m.userId } }));
}

export type ConversationState = { status: TConversationDto['status']; assigneeId: string | null };

/**
 * The send-time re-check against the conversation as it is now (R14): an unassigned notice only
 * while it is still unassigned (then everyone may see it); the others only to its current assignee.
 */
export function isStillNotifiable(
  kind: TNotificationEvent,
  current: ConversationState | null,
  userId: string,
): boolean {
  if (!current) return false;
  if (kind === 'mention') return true;
  if (kind === 'conversation_unassigned') return current.status === 'waiting' && current.assigneeId === null;
  return current.status === 'assigned' && current.assigneeId === userId;
}
