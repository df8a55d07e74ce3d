import type { DomainEvents } from '../../lib/domain-events';
import type { ConversationChanges } from './conversation-changes';
import type { ConversationRow, ConversationsStore } from './conversations.store';

/** How far each side has read (unread dots, read receipts). */
export function createReadPositions(deps: {
  store: ConversationsStore;
  events: DomainEvents;
  changes: ConversationChanges;
}) {
  const { store, events, changes } = deps;
  return {
    async markRead(side: 'visitor' | 'user', row: ConversationRow, seq: number): Promise<void> {
      // Widgets and inboxes report reads for every message they show: most change nothing.
      if (!(await store.setReadSeq(row.id, side, seq))) return;
      // A read changes one number: it goes out as a small `read` frame to those who may see the
      // conversation now (issue 25), never as the whole conversation to every inbox.
      const fresh = await changes.getRow(row.id);
      const readerIds = (await store.readersOf([fresh.id])).get(fresh.id) ?? [];
      events.emit('conversation.read', {
        conversationId: fresh.id,
        visitorId: fresh.visitor_id,
        visibility: { status: fresh.status, assigneeId: fresh.assignee_id, readerIds },
        side,
        seq,
      });
    },
  };
}
