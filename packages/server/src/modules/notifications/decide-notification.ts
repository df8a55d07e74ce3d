import type { TConversationDto, TMessageDto, TNotificationEvent } from '@charla/protocol';
import type { DomainEventMap, DomainEventName } from '../../lib/domain-events';

/** Who should hear about what: everyone who may see an unassigned conversation, or one user. */
export type NotificationIntent = {
  kind: TNotificationEvent;
  conversation: TConversationDto;
  audience: { everyone: true } | { userId: string };
};

export const notifyingEvents = [
  'conversation.live_chat_requested',
  'conversation.unassigned',
  'conversation.assigned',
  'message.created',
] as const satisfies DomainEventName[];
export type NotifyingEvent = (typeof notifyingEvents)[number];

/**
 * R22 from a domain event alone (pure): a conversation landing in Unassigned → everyone; assigned
 * to someone by someone else → that user; a visitor message in an assigned conversation → its
 * assignee. Anything inconsistent with R14 in the payload yields null.
 */
export function decideNotification<K extends NotifyingEvent>(
  name: K,
  payload: DomainEventMap[K],
): NotificationIntent | null {
  const conversation = payload.conversation as TConversationDto | undefined;
  if (!conversation?.id) return null;
  switch (name) {
    case 'conversation.live_chat_requested':
    case 'conversation.unassigned':
      return conversation.status === 'waiting' && conversation.assignee === null
        ? { kind: 'conversation_unassigned', conversation, audience: { everyone: true } }
        : null;
    case 'conversation.assigned': {
      const { assigneeId, byUserId } = payload as DomainEventMap['conversation.assigned'];
      if (
        byUserId === assigneeId ||
        conversation.assignee?.id !== assigneeId ||
        conversation.status !== 'assigned'
      )
        return null;
      return { kind: 'conversation_assigned', conversation, audience: { userId: assigneeId } };
    }
    case 'message.created': {
      const message = (payload as DomainEventMap['message.created']).message as TMessageDto | undefined;
      if (message?.author.kind !== 'visitor' || conversation.status !== 'assigned' || !conversation.assignee)
        return null;
      return { kind: 'visitor_message', conversation, audience: { userId: conversation.assignee.id } };
    }
    default:
      return null;
  }
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
  if (kind === 'conversation_unassigned') return current.status === 'waiting' && current.assigneeId === null;
  return current.status === 'assigned' && current.assigneeId === userId;
}
