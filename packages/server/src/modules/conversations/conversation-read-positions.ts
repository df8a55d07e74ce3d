import type { DomainEvents } from '../../lib/domain-events';
import type { ConversationRow, ConversationsStore } from './conversations.store';

/** How far each side has read (unread dots, read receipts). */
export function createReadPositions(deps: { store: ConversationsStore; events: DomainEvents }) {
  const { store, events } = deps;
  return {
    async markRead(side: 'visitor' | 'user', row: ConversationRow, seq: number): Promise<void> {
      // Widgets and inboxes report reads for every message they show: most change nothing.
      const state = await store.setReadSeq(row.id, side, seq);
      if (!state) return;
      // A read changes one number: it goes out as a small `read` frame to those who may see the
      // conversation now (issue 25), never as the whole conversation to every inbox.
      const readerIds = (await store.readersOf([row.id])).get(row.id) ?? [];
      events.emit('conversation.read', {
        conversationId: row.id,
        visitorId: state.visitor_id,
        visibility: { status: state.status, assigneeId: state.assignee_id, readerIds },
        side,
        seq,
      });
    },
  };
}
