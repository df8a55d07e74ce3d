import type { TCloseReason, TConversationAction, TConversationStatus } from '../api/conversation.schema';
import type { ErrorCode } from '../errors';

export type LifecycleState = {
  status: TConversationStatus;
  assigneeId: string | null;
  closeReason: TCloseReason | null;
  waitingDeadline: number | null;
};

export type LifecycleEvent =
  | { type: 'live_chat_requested'; waitMs: number }
  | { type: 'assign'; userId: string }
  | { type: 'reassign'; toUserId: string }
  | { type: 'unassign' }
  | { type: 'close'; reason: 'closed_by_user' | 'visitor_left' }
  | { type: 'waiting_time_over' }
  | { type: 'bot_ended' }
  /** The ownership watchdog (issue 19): back to Unassigned, or on to the next user (`toUserId`). */
  | { type: 'ownership_lapsed'; reason: TLapseReason; toUserId: string | null };

/** Why an assignee lost a chat to the watchdog: no reply in time, or they went offline (R10). */
export type TLapseReason = 'no_reply' | 'assignee_offline';

export type LifecycleEventType = LifecycleEvent['type'];

export const lifecycleEventTypes: LifecycleEventType[] = [
  'live_chat_requested',
  'assign',
  'reassign',
  'unassign',
  'close',
  'waiting_time_over',
  'bot_ended',
  'ownership_lapsed',
];

export const conversationStatuses: TConversationStatus[] = ['bot', 'waiting', 'assigned', 'closed'];

export type LifecycleEffect =
  | { type: 'notify_unassigned' }
  | { type: 'joined'; userId: string }
  | { type: 'reassigned'; fromUserId: string | null; toUserId: string }
  | { type: 'unassigned'; fromUserId: string }
  | { type: 'lapsed'; fromUserId: string; reason: TLapseReason }
  | { type: 'closed'; reason: TCloseReason }
  | { type: 'continue_offline' };

export type LifecycleResult = { next: LifecycleState; effects: LifecycleEffect[] } | { error: ErrorCode };

/**
 * R13: from its deadline on, a waiting conversation belongs to the offline path, whether or not a
 * sweep has closed it yet. Taking it needs `deadline > now`: the deadline decides, not the sweep.
 */
export function isWaitingTimeOver(
  state: Pick<LifecycleState, 'status' | 'waitingDeadline'>,
  now: number,
): boolean {
  return state.status === 'waiting' && state.waitingDeadline !== null && now >= state.waitingDeadline;
}

/** The whole conversation lifecycle as one pure function: decide, never do. `closed` has no way out. */
export function transition(state: LifecycleState, event: LifecycleEvent, now: number): LifecycleResult {
  if (state.status === 'closed') return { error: 'CONVERSATION_CLOSED' };
  const closed = (reason: TCloseReason): LifecycleState => ({
    status: 'closed',
    assigneeId: state.assigneeId,
    closeReason: reason,
    waitingDeadline: null,
  });

  switch (event.type) {
    case 'live_chat_requested':
      if (state.status !== 'bot') return { error: 'INVALID_TRANSITION' };
      return {
        next: { status: 'waiting', assigneeId: null, closeReason: null, waitingDeadline: now + event.waitMs },
        effects: [{ type: 'notify_unassigned' }],
      };
    case 'assign':
      if (state.status === 'assigned') return { error: 'CONVERSATION_ALREADY_ASSIGNED' };
      if (state.status !== 'waiting') return { error: 'INVALID_TRANSITION' };
      if (isWaitingTimeOver(state, now)) return { error: 'WAITING_TIME_OVER' };
      return {
        next: { status: 'assigned', assigneeId: event.userId, closeReason: null, waitingDeadline: null },
        effects: [{ type: 'joined', userId: event.userId }],
      };
    case 'reassign':
      if (state.status === 'bot') return { error: 'INVALID_TRANSITION' };
      if (isWaitingTimeOver(state, now)) return { error: 'WAITING_TIME_OVER' };
      if (state.assigneeId === event.toUserId && state.status === 'assigned')
        return { error: 'INVALID_TRANSITION' };
      return {
        next: { status: 'assigned', assigneeId: event.toUserId, closeReason: null, waitingDeadline: null },
        effects: [
          { type: 'reassigned', fromUserId: state.assigneeId, toUserId: event.toUserId },
          { type: 'joined', userId: event.toUserId },
        ],
      };
    case 'unassign':
      if (state.status !== 'assigned' || state.assigneeId === null) return { error: 'INVALID_TRANSITION' };
      // Back in Unassigned for the whole team; no new waiting time: a person already answered.
      return {
        next: { status: 'waiting', assigneeId: null, closeReason: null, waitingDeadline: null },
        effects: [{ type: 'unassigned', fromUserId: state.assigneeId }, { type: 'notify_unassigned' }],
      };
    case 'close':
      return { next: closed(event.reason), effects: [{ type: 'closed', reason: event.reason }] };
    case 'waiting_time_over':
      if (state.status !== 'waiting' || state.waitingDeadline === null)
        return { error: 'INVALID_TRANSITION' };
      if (now < state.waitingDeadline) return { error: 'INVALID_TRANSITION' };
      return {
        next: closed('missed'),
        effects: [{ type: 'closed', reason: 'missed' }, { type: 'continue_offline' }],
      };
    case 'bot_ended':
      if (state.status !== 'bot') return { error: 'INVALID_TRANSITION' };
      return { next: closed('bot_ended'), effects: [{ type: 'closed', reason: 'bot_ended' }] };
    case 'ownership_lapsed':
      return lapse(state, event);
  }
}

/** The watchdog's step: only an assigned chat lapses, and never back to the same user. */
function lapse(
  state: LifecycleState,
  event: Extract<LifecycleEvent, { type: 'ownership_lapsed' }>,
): LifecycleResult {
  if (state.status !== 'assigned' || state.assigneeId === null) return { error: 'INVALID_TRANSITION' };
  if (event.toUserId === state.assigneeId) return { error: 'INVALID_TRANSITION' };
  const lapsed: LifecycleEffect = { type: 'lapsed', fromUserId: state.assigneeId, reason: event.reason };
  if (event.toUserId === null)
    return {
      next: { status: 'waiting', assigneeId: null, closeReason: null, waitingDeadline: null },
      effects: [lapsed, { type: 'notify_unassigned' }],
    };
  return {
    next: { status: 'assigned', assigneeId: event.toUserId, closeReason: null, waitingDeadline: null },
    effects: [lapsed, { type: 'joined', userId: event.toUserId }],
  };
}

/** What a given user may do with a conversation now; clients render from this, never re-deciding. */
export function allowedActionsFor(
  state: Pick<LifecycleState, 'status' | 'assigneeId'>,
  viewerId: string,
): TConversationAction[] {
  switch (state.status) {
    case 'bot':
      return ['close', 'edit_panel'];
    case 'waiting':
      return ['assign', 'reassign', 'close', 'edit_panel'];
    case 'assigned':
      return state.assigneeId === viewerId ? ['reassign', 'unassign', 'close', 'send', 'edit_panel'] : [];
    case 'closed':
      return ['edit_panel'];
  }
}

/** Who may see a conversation: its state and the users a private note mentioned (R29). */
export type VisibilityState = Pick<LifecycleState, 'status' | 'assigneeId'> & {
  readerIds?: readonly string[] | undefined;
};

/**
 * R14: whether a user may see a conversation at all (lists, detail, events, notifications).
 * R29: a user a private note mentioned may read it too, even while it is assigned to someone else.
 */
export function canUserSee(state: VisibilityState, viewerId: string): boolean {
  if (state.status === 'assigned')
    return state.assigneeId === viewerId || (state.readerIds?.includes(viewerId) ?? false);
  return true;
}
