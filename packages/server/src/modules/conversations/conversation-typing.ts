import type { AuthUser } from '../auth/index';
import type { Bus } from '../../realtime/bus';
import type { ConversationChanges } from './conversation-changes';
import type { ConversationReads } from './conversation-reads';

/**
 * Typing between a visitor and a person: relayed on the bus, never stored (a signal, not a
 * change), and still checked against the lifecycle like every write.
 */
export function createConversationTyping(deps: {
  bus: Bus;
  changes: ConversationChanges;
  reads: ConversationReads;
}) {
  const { bus, changes, reads } = deps;
  return {
    /** Typing is relayed, never stored; it still obeys the lifecycle (closed stays closed). */
    async visitorTyping(visitorId: string, id: string, active: boolean, preview?: string): Promise<void> {
      const row = await reads.getVisitorRow(id, visitorId);
      changes.assertWritable(row, { kind: 'typing', from: 'visitor' });
      await bus.publish({
        type: 'typing',
        conversationId: row.id,
        visitorId,
        assigneeId: row.assignee_id,
        status: row.status,
        from: 'visitor',
        name: row.visitor_name ?? 'Visitor',
        active,
        ...(preview ? { preview } : {}),
      });
    },

    /** Only the assignee's typing reaches the visitor. */
    async userTyping(user: AuthUser, id: string, active: boolean): Promise<void> {
      const row = await reads.getVisibleRow(id, user);
      changes.assertWritable(row, { kind: 'typing', from: 'user', userId: user.id });
      await bus.publish({
        type: 'typing',
        conversationId: row.id,
        visitorId: row.visitor_id,
        assigneeId: row.assignee_id,
        status: row.status,
        from: 'user',
        userId: user.id,
        name: user.name,
        active,
      });
    },
  };
}
