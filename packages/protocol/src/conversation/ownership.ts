import type { TLiveChatRouting } from '../playbook/live-chat-routing.schema';
import type { LifecycleState, TLapseReason } from './lifecycle';

/** What the ownership watchdog looks at (issue 19). */
export type OwnershipFacts = Pick<LifecycleState, 'status' | 'assigneeId'> & {
  /** When the assignee's time to answer runs out; null: no reply is due. */
  watchdogDeadline: number | null;
  routing: Pick<TLiveChatRouting, 'whenOffline'> | null;
  /** Presence as the server knows it (R10): switch on and an inbox connection alive. */
  assigneeOnline: boolean;
};

/**
 * The watchdog's decision (pure): an assigned chat lapses when its assignee went offline (if the
 * card says so) or did not answer the visitor by the deadline; otherwise null.
 */
export function decideWatchdog(facts: OwnershipFacts, now: number): TLapseReason | null {
  if (facts.status !== 'assigned' || facts.assigneeId === null) return null;
  if (facts.routing?.whenOffline === true && !facts.assigneeOnline) return 'assignee_offline';
  if (facts.watchdogDeadline !== null && now >= facts.watchdogDeadline) return 'no_reply';
  return null;
}

/** What just happened to an assigned chat, as far as the reply clock cares. */
export type OwnershipMoment =
  | { kind: 'assigned' }
  | { kind: 'visitor_message' }
  | { kind: 'user_message'; byAssignee: boolean }
  | { kind: 'left_assignee' };

/**
 * The reply clock (pure): a new assignee owes the visitor an answer within the card's minutes;
 * the assignee's message stops the clock; the visitor's next message starts it again (an
 * earlier unanswered one keeps its deadline). Null: no answer is due.
 */
export function watchdogDeadlineAfter(
  moment: OwnershipMoment,
  replyMinutes: number | null,
  current: number | null,
  now: number,
): number | null {
  if (replyMinutes === null) return null;
  const due = now + replyMinutes * 60_000;
  switch (moment.kind) {
    case 'assigned':
      return due;
    case 'visitor_message':
      return current ?? due;
    case 'user_message':
      return moment.byAssignee ? null : current;
    case 'left_assignee':
      return null;
  }
}
