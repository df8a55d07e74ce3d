import type { DomainEvents } from '../../lib/domain-events';
import type { ConversationViews } from './conversation-views';
import type { ConversationRow, ConversationsStore } from './conversations.store';

/** How far each side has read (unread dots, read receipts). */
export function createReadPositions(deps: {
  store: ConversationsStore;
  views: Pick<ConversationViews, 'readersOf'>;
  events: DomainEvents;
  getVisitorRow: (id: string, visitorId: string) => Promise<ConversationRow>;
}) {
  const { store, views, events } = deps;

  /** Moves one side's read position forward; false when it changed nothing (or matched no row). */
  async function move(side: 'visitor' | 'user', id: string, seq: number, visitorId?: string) {
    const state = await store.setReadSeq(id, side, seq, visitorId);
    if (!state) return false;
    // A read changes one number: it goes out as a small `read` frame to those who may see the
    // conversation now (issue 25), never as the whole conversation to every inbox.
    const readerIds = await views.readersOf({ ...state, id });
    events.emit('conversation.read', {
      conversationId: id,
      visitorId: state.visitor_id,
      visibility: { status: state.status, assigneeId: state.assignee_id, readerIds },
      side,
      seq,
    });
    return true;
  }

  return {
    /** Widgets and inboxes report reads for every message they show: most change nothing. */
    async markRead(side: 'visitor' | 'user', row: ConversationRow, seq: number): Promise<void> {
      await move(side, row.id, seq);
    },
    /**
     * The visitor's read, checked by the update itself (their conversation): one statement for a
     * read that counts. One that changes nothing is refused as before when it is not theirs.
     */
    async markVisitorRead(visitorId: string, id: string, seq: number): Promise<void> {
      if (!(await move('visitor', id, seq, visitorId))) await deps.getVisitorRow(id, visitorId);
    },
  };
}
