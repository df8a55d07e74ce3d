import type { DomainEvents } from '../../lib/domain-events';
import type { ConversationChanges } from './conversation-changes';
import type { ConversationViews } from './conversation-views';
import type { ConversationRow, ConversationsStore } from './conversations.store';

/** How far each side has read (unread dots, read receipts). */
export function createReadPositions(deps: {
  store: ConversationsStore;
  views: ConversationViews;
  events: DomainEvents;
  changes: ConversationChanges;
}) {
  const { store, views, events, changes } = deps;
  return {
    async markRead(side: 'visitor' | 'user', row: ConversationRow, seq: number): Promise<void> {
      // Widgets and inboxes report reads for every message they show: most change nothing, and
      // those must not fan out a conversation update to every open inbox.
      if (!(await store.setReadSeq(row.id, side, seq))) return;
      const fresh = await changes.getRow(row.id);
      const conversation = await views.conversation(fresh, '');
      events.emit('conversation.read', { conversation, visitorId: row.visitor_id, side, seq });
      // Every open inbox shows the new read position (unread dots), not only the reader's.
      events.emit('conversation.updated', {
        conversation,
        previous: { status: row.status, assigneeId: row.assignee_id },
      });
    },
  };
}
