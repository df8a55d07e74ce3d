import type { TConversationDto } from '@charla/protocol';

export type WaitingClock = { leftMs: number; urgent: boolean } | { waitedMs: number; urgent: boolean };

/** Share of the waiting time left under which an Unassigned row turns urgent (issue 16). */
export const URGENT_SHARE = 0.2;

/**
 * The clock an Unassigned row shows: the time left before the chat is missed — the same deadline
 * the visitor's widget counts down to — urgent in its last 20 %; without a deadline, the time
 * waited so far, urgent after a minute.
 */
export function waitingClock(
  conversation: Pick<TConversationDto, 'waitingSince' | 'waitingDeadline'>,
  now: number,
): WaitingClock | null {
  const { waitingSince, waitingDeadline } = conversation;
  if (waitingSince === null) return null;
  if (waitingDeadline === null) {
    const waitedMs = Math.max(0, now - waitingSince);
    return { waitedMs, urgent: waitedMs > 60_000 };
  }
  const leftMs = Math.max(0, waitingDeadline - now);
  const total = Math.max(1, waitingDeadline - waitingSince);
  return { leftMs, urgent: leftMs <= total * URGENT_SHARE };
}
