import {
  watchdogDeadlineAfter,
  type LifecycleEffect,
  type LifecycleEvent,
  type LifecycleState,
  type TConversationDto,
  type TTimelineEvent,
} from '@charla/protocol';
import { domainEvent, type AnyDomainEvent, type PreviousState } from '../../lib/domain-events';
import type { ConversationRow } from './conversations.store';
import { readRouting } from './routing-columns';

/** Who caused a change (null: the visitor, the bot or a deadline) and the names its rows show. */
export type ChangeContext = {
  by: { id: string; name: string } | null;
  /** Name and avatar of every user a timeline row names (joined, reassigned to). */
  people: ReadonlyMap<string, { name: string; avatarUrl: string | null }>;
  /** Timeline rows written before the effects' own, in the same transaction (the bot's end card). */
  before?: TTimelineEvent[];
  /** The card's reply minutes, for the watchdog's "did not reply within N min" row (issue 19). */
  replyMinutes?: number | null;
};

/**
 * The ownership watchdog's reply deadline after a transition (pure, issue 19): a new assignee's
 * clock starts; leaving the assignee (Unassigned, closed) stops it.
 */
function watchdogPatch(
  row: Partial<Pick<ConversationRow, 'routing' | 'watchdog_deadline'>>,
  next: LifecycleState,
  effects: LifecycleEffect[],
  now: number,
): Partial<ConversationRow> {
  const minutes = readRouting(row.routing ?? null)?.replyMinutes ?? null;
  const current = row.watchdog_deadline ?? null;
  if (effects.some((e) => e.type === 'joined'))
    return { watchdog_deadline: watchdogDeadlineAfter({ kind: 'assigned' }, minutes, current, now) };
  if (next.status !== 'assigned') return { watchdog_deadline: null };
  return {};
}

/** The row's columns after a transition (pure): the lifecycle state, its timestamps and effects. */
export function patchOf(
  row: Pick<ConversationRow, 'status'> & Partial<Pick<ConversationRow, 'routing' | 'watchdog_deadline'>>,
  next: LifecycleState,
  effects: LifecycleEffect[],
  now: number,
): Partial<ConversationRow> {
  return {
    ...watchdogPatch(row, next, effects, now),
    status: next.status,
    assignee_id: next.assigneeId,
    close_reason: next.closeReason,
    waiting_deadline: next.waitingDeadline,
    updated_at: now,
    ...(next.status === 'waiting' && row.status !== 'waiting' ? { waiting_since: now } : {}),
    ...(next.status === 'assigned' ? { assigned_at: now } : {}),
    ...(next.status === 'closed' ? { closed_at: now } : {}),
    // R13: a missed chat continues on the offline branch; the sweep's lease picks it up.
    ...(effects.some((e) => e.type === 'continue_offline') ? { offline_due: now } : {}),
  };
}

/** The timeline rows a transition writes, in order (pure): what the effects say, with names. */
export function timelineOf(
  event: LifecycleEvent,
  effects: LifecycleEffect[],
  context: ChangeContext,
): TTimelineEvent[] {
  const rows: TTimelineEvent[] = [...(context.before ?? [])];
  const by = { byUserId: context.by?.id ?? null, byName: context.by?.name ?? null };
  const person = (id: string) => context.people.get(id) ?? { name: '', avatarUrl: null };
  if (event.type === 'live_chat_requested') rows.push({ type: 'live_chat_requested' });
  for (const effect of effects) {
    switch (effect.type) {
      case 'joined': {
        const { name, avatarUrl } = person(effect.userId);
        rows.push({ type: 'joined', userId: effect.userId, userName: name, avatarUrl });
        break;
      }
      case 'reassigned':
        rows.push({
          type: 'reassigned',
          byUserId: by.byUserId ?? '',
          byName: by.byName ?? '',
          toUserId: effect.toUserId,
          toName: person(effect.toUserId).name,
        });
        break;
      case 'unassigned':
        rows.push({ type: 'unassigned', byUserId: by.byUserId ?? '', byName: by.byName ?? '' });
        break;
      case 'lapsed':
        rows.push({
          type: 'ownership_lapsed',
          fromUserId: effect.fromUserId,
          fromName: person(effect.fromUserId).name,
          reason: effect.reason,
          minutes: context.replyMinutes ?? null,
        });
        break;
      case 'closed':
        if (effect.reason === 'missed') rows.push({ type: 'missed' });
        else if (effect.reason === 'closed_by_user' || effect.reason === 'visitor_left')
          rows.push({ type: 'closed', reason: effect.reason, ...by });
        break;
      case 'notify_unassigned':
      case 'continue_offline':
        break;
    }
  }
  return rows;
}

/** The one domain event a transition emits (pure). */
export function lifecycleEventOf(
  event: LifecycleEvent,
  conversation: TConversationDto,
  previous: PreviousState,
  byUserId: string | null,
): AnyDomainEvent {
  switch (event.type) {
    case 'live_chat_requested':
      return domainEvent('conversation.live_chat_requested', { conversation, previous });
    case 'assign':
    case 'reassign':
      return domainEvent('conversation.assigned', {
        conversation,
        previous,
        assigneeId: event.type === 'assign' ? event.userId : event.toUserId,
        byUserId,
        // Nobody took it by hand: automatic assignment picked the user (issue 19).
        reason: byUserId === null ? 'auto' : 'user',
      });
    case 'unassign':
      return domainEvent('conversation.unassigned', { conversation, previous, reason: 'user' });
    case 'ownership_lapsed': {
      const lapse = {
        reason: 'watchdog' as const,
        watchdog: { cause: event.reason, fromUserId: previous.assigneeId },
      };
      return event.toUserId === null
        ? domainEvent('conversation.unassigned', { conversation, previous, ...lapse })
        : domainEvent('conversation.assigned', {
            conversation,
            previous,
            assigneeId: event.toUserId,
            byUserId: null,
            ...lapse,
          });
    }
    case 'close':
    case 'waiting_time_over':
    case 'bot_ended':
      return domainEvent('conversation.closed', { conversation, previous });
  }
}
