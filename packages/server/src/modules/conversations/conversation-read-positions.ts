import type { AuthUser } from '../auth/index';
import type { DomainEvents } from '../../lib/domain-events';
import type { ConversationViews } from './conversation-views';
import type { ConversationRow, ConversationsStore, ReadMover } from './conversations.store';

/** How far each side has read (unread dots, read receipts). */
export function createReadPositions(deps: {
  store: ConversationsStore;
  views: Pick<ConversationViews, 'readersOf'>;
  events: DomainEvents;
  getVisitorRow: (id: string, visitorId: string) => Promise<ConversationRow>;
  getReadableRow: (id: string, user: AuthUser) => Promise<ConversationRow>;
}) {
  const { store, views, events } = deps;

  /**
   * Moves one side's read position forward; false when it changed nothing (or matched no row).
   * `origin`: the socket that reported it, which gets no echo.
   */
  async function move(side: 'visitor' | 'user', id: string, seq: number, by: ReadMover, origin?: string) {
    const state = await store.setReadSeq(id, side, seq, by);
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
      ...(origin ? { origin } : {}),
    });
    return true;
  }

  return {
    /**
     * Widgets and inboxes report reads for every message they show, most of which change nothing.
     * The update itself checks who reads (the visitor's own chat; for a user R14's visibility), so
     * a read that counts is one statement; one that changes nothing is refused as before when the
     * reader may not see the conversation. A reader a note let in (R29) sees it but does not move
     * the assignee's read position.
     */
    async markVisitorRead(visitorId: string, id: string, seq: number, origin?: string): Promise<void> {
      if (!(await move('visitor', id, seq, { visitorId }, origin))) await deps.getVisitorRow(id, visitorId);
    },
    async markUserRead(user: AuthUser, id: string, seq: number, origin?: string): Promise<void> {
      if (!(await move('user', id, seq, { userId: user.id }, origin))) await deps.getReadableRow(id, user);
    },
  };
}
