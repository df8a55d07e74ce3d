import type { InboxState } from '../inbox/inbox-state';

/**
 * How many chats need the user (issue 16): every chat waiting in Unassigned plus each of my
 * assigned chats with a message I have not read. Shown in the tab title and on the app badge.
 */
export function attentionCount(state: Pick<InboxState, 'meId' | 'counts' | 'conversations'>): number {
  const waiting = state.counts?.unassigned ?? 0;
  const unreadMine = Object.values(state.conversations).filter(
    (c) => c.status === 'assigned' && c.assignee?.id === state.meId && c.lastSeq > c.userReadSeq,
  ).length;
  return waiting + unreadMine;
}

/** The document title with the count in front, as mail and chat apps show it: "(3) Charla". */
export function titleWithCount(base: string, count: number): string {
  return count > 0 ? `(${count > 99 ? '99+' : count}) ${base}` : base;
}
