import {
  canUserSee,
  isVisitorVisibleEvent,
  type TAgentServerFrame,
  type TConversationActivity,
  type TConversationDto,
  type TNotificationDto,
  type TVisitorConversationDto,
  type TVisitorServerFrame,
} from '@charla/protocol';
import { forViewer } from '../modules/conversations/index';
import type { BusEvent } from './bus-events';

/** Who could see a conversation: its status and assignee (R14), and the users a note mentioned (R29). */
export type Visibility = {
  status: TConversationDto['status'];
  assigneeId: string | null;
  readerIds?: readonly string[] | undefined;
};

/** A bus event with the I/O it needs already done (fresh visitor state, presence, notification id). */
export type FanOutEvent =
  | { type: 'conversation.changed'; conversation: TConversationDto; previous: Visibility }
  | { type: 'visitor.state'; visitorId: string; conversation: TVisitorConversationDto }
  | Extract<BusEvent, { type: 'message.created' }>
  | Extract<BusEvent, { type: 'typing' | 'read' | 'panel.changed' }>
  | { type: 'presence'; userId: string; online: boolean }
  | { type: 'notification'; userIds: string[]; notification: TNotificationDto };

/** The little the fan-out needs to know of a socket (`id`: to skip the one a read came from). */
export type FanOutConnection = { id?: string } & (
  { kind: 'agent'; user: { id: string } } | { kind: 'visitor'; visitorId: string }
);

/** One frame for one socket; `message` frames name their message so delivery can keep seq order. */
export type Delivery<C> = { connection: C; frame: TAgentServerFrame | TVisitorServerFrame };

export function visibilityOf(conversation: TConversationDto): Visibility {
  return {
    status: conversation.status,
    assigneeId: conversation.assignee?.id ?? null,
    readerIds: conversation.readerIds,
  };
}

function activityOf(conversation: TConversationDto): TConversationActivity {
  return {
    lastSeq: conversation.lastSeq,
    lastMessageAt: conversation.lastMessageAt,
    lastMessagePreview: conversation.lastMessagePreview,
    watchdogDeadline: conversation.routing?.watchdogDeadline ?? null,
  };
}

/**
 * The inbox sockets that may see a conversation in this state (R14, R29): while it is assigned,
 * its assignee's and those of the users a note let read; otherwise every inbox. `fanOut` still
 * decides for each; this spares it the inboxes that cannot see (issue 25: with 200 users online,
 * every chat message went through all 200).
 */
export function inboxesThatMaySee<C>(
  inboxes: { all(): readonly C[]; of(userId: string): ReadonlySet<C> },
  state: Visibility,
): readonly C[] {
  if (state.status !== 'assigned') return inboxes.all();
  const users = new Set(state.readerIds);
  if (state.assigneeId !== null) users.add(state.assigneeId);
  return [...users].flatMap((userId) => [...inboxes.of(userId)]);
}

/**
 * Decides which socket gets which frame for one event: pure, so every event × viewer is a unit
 * test. R14: an assigned conversation reaches its assignee only; `conversation_removed` goes only
 * to a user who could see the conversation before this change, never to bystanders.
 */
export function fanOut<C extends FanOutConnection>(
  event: FanOutEvent,
  connections: Iterable<C>,
): Delivery<C>[] {
  const out: Delivery<C>[] = [];
  // One sink and one visibility for the whole event, not one per socket: a chat message goes
  // through every inbox of an unassigned conversation (issue 25: 20 KB of garbage a message).
  let current: C | undefined;
  const to = (frame: Delivery<C>['frame']) => out.push({ connection: current as C, frame });
  const shown =
    event.type === 'conversation.changed' || event.type === 'message.created'
      ? visibilityOf(event.conversation)
      : null;
  for (const c of connections) {
    // The socket that reported a read updated itself: no echo (issue 25); its other tabs still hear.
    if (event.type === 'read' && event.origin !== undefined && c.id === event.origin) continue;
    current = c;
    if (c.kind === 'agent') agentFrames(event, shown, c.user.id, to);
    else visitorFrames(event, c.visitorId, to);
  }
  return out;
}

/** `shown`: who may see the event's conversation now (for the events that carry one). */
function agentFrames(
  event: FanOutEvent,
  shown: Visibility | null,
  userId: string,
  send: (frame: TAgentServerFrame) => void,
): void {
  switch (event.type) {
    case 'conversation.changed': {
      const { conversation, previous } = event;
      if (shown !== null && canUserSee(shown, userId))
        send({ type: 'conversation', conversation: forViewer(conversation, userId) });
      // Grants are never revoked (R29): whoever a note let read before still may.
      else if (canUserSee({ ...previous, readerIds: conversation.readerIds }, userId))
        send({ type: 'conversation_removed', conversationId: conversation.id });
      return;
    }
    case 'message.created': {
      const { conversation, message } = event;
      if (shown === null || !canUserSee(shown, userId)) return;
      // One frame when only the activity changed (issue 25); the whole conversation when more did.
      if (event.changesConversation === false)
        return send({ type: 'message', message, activity: activityOf(conversation) });
      send({ type: 'message', message });
      send({ type: 'conversation', conversation: forViewer(conversation, userId) });
      return;
    }
    case 'typing':
      if (event.from === 'visitor' && canUserSee(event, userId))
        send({
          type: 'typing',
          conversationId: event.conversationId,
          from: 'visitor',
          name: event.name ?? 'Visitor',
          active: event.active,
          ...(event.preview ? { preview: event.preview } : {}),
        });
      return;
    case 'presence':
      send({ type: 'presence', userId: event.userId, online: event.online });
      return;
    case 'panel.changed':
      for (const conversation of event.conversations)
        if (canUserSee(conversation, userId))
          send({ type: 'panel_changed', conversationId: conversation.id });
      return;
    case 'notification':
      if (event.userIds.includes(userId)) send({ type: 'notification', notification: event.notification });
      return;
    case 'read':
      // Unread dots and the "Seen" mark: a number, to the inboxes that may see the chat (R14).
      if (canUserSee(event, userId))
        send({ type: 'read', conversationId: event.conversationId, seq: event.seq, side: event.side });
      return;
    case 'visitor.state':
      return;
  }
}

function visitorFrames(
  event: FanOutEvent,
  visitorId: string,
  send: (frame: TVisitorServerFrame) => void,
): void {
  switch (event.type) {
    case 'visitor.state':
      if (event.visitorId === visitorId) send({ type: 'conversation', conversation: event.conversation });
      return;
    case 'message.created': {
      const { message } = event;
      if (event.conversation.visitor.id !== visitorId) return;
      if (message.event === null || isVisitorVisibleEvent(message.event)) send({ type: 'message', message });
      return;
    }
    case 'typing':
      if (event.from === 'user' && event.visitorId === visitorId)
        send({
          type: 'typing',
          conversationId: event.conversationId,
          from: 'user',
          name: event.name ?? '',
          active: event.active,
        });
      return;
    case 'read':
      if (event.side === 'user' && event.visitorId === visitorId)
        send({ type: 'read', conversationId: event.conversationId, seq: event.seq });
      // The visitor's other tabs and devices (a verified user's, issue 24) clear their unread count.
      if (event.side === 'visitor' && event.visitorId === visitorId)
        send({ type: 'read', conversationId: event.conversationId, seq: event.seq, side: 'visitor' });
      return;
    case 'conversation.changed':
    case 'presence':
    case 'notification':
    case 'panel.changed':
      return;
  }
}
