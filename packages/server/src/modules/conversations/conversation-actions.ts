import { allowedActionsFor, type TConversationAction, type TConversationDto } from '@charla/protocol';
import { AppError } from '../../lib/app-error';
import type { AuthUser } from '../auth/index';
import type { UsersStore } from '../users/index';
import type { ConversationChanges } from './conversation-changes';
import type { ConversationReads } from './conversation-reads';
import type { ConversationViews } from './conversation-views';
import type { ConversationRow } from './conversations.store';
import type { KeyedMutex } from './keyed-mutex';

function assertAllowed(row: ConversationRow, user: AuthUser, action: TConversationAction): void {
  const allowed = allowedActionsFor({ status: row.status, assigneeId: row.assignee_id }, user.id);
  if (allowed.includes(action)) return;
  if (row.status === 'closed') throw new AppError('CONVERSATION_CLOSED');
  if (action === 'assign' && row.status === 'assigned') throw new AppError('CONVERSATION_ALREADY_ASSIGNED');
  throw new AppError('INVALID_TRANSITION');
}

/**
 * The 409 for whoever lost the race to Assign to me: they saw the chat in Unassigned a moment
 * ago, so they are told who took it (issue 16) and nothing else about the conversation.
 */
async function alreadyAssigned(
  changes: ConversationChanges,
  users: UsersStore,
  id: string,
): Promise<AppError> {
  const row = await changes.getRow(id);
  const taker = row.assignee_id === null ? null : await users.findById(row.assignee_id);
  const details = taker ? { assignee: { id: taker.id, name: taker.name } } : undefined;
  return new AppError('CONVERSATION_ALREADY_ASSIGNED', { details });
}

/** What people do with a conversation (R12, R15, R19): each one lifecycle step on the one path. */
export function createConversationActions(deps: {
  views: ConversationViews;
  users: UsersStore;
  changes: ConversationChanges;
  reads: ConversationReads;
  withLock: KeyedMutex;
}) {
  const { views, users, changes, reads, withLock } = deps;

  /** The acting user with their current name (a rename shows in the rows written from now on). */
  async function actor(user: AuthUser) {
    const me = await users.findById(user.id);
    return { id: user.id, name: me?.name ?? user.name, avatarUrl: me?.avatar_url ?? null };
  }

  async function closeWith(
    row: ConversationRow,
    reason: 'closed_by_user' | 'visitor_left',
    by: AuthUser | null,
  ): Promise<ConversationRow> {
    return withLock(row.id, async () => {
      const fresh = await changes.getRow(row.id);
      const context = { by: by ? { id: by.id, name: by.name } : null, people: new Map() };
      return changes.applyTransition(fresh, { type: 'close', reason }, context);
    });
  }

  return {
    /** Assign to me (R12): exactly one of many concurrent callers wins; the visitor is told who joined. */
    async assignToMe(user: AuthUser, id: string): Promise<TConversationDto> {
      const row = await changes.getRow(id);
      if (row.status === 'assigned' && row.assignee_id !== user.id)
        throw await alreadyAssigned(changes, users, id);
      assertAllowed(row, user, 'assign');
      const me = await actor(user);
      try {
        const assigned = await changes.applyTransition(
          row,
          { type: 'assign', userId: user.id },
          { by: me, people: new Map([[me.id, me]]) },
        );
        return views.conversation(assigned, user.id);
      } catch (error) {
        if (error instanceof AppError && error.code === 'CONVERSATION_ALREADY_ASSIGNED')
          throw await alreadyAssigned(changes, users, id);
        throw error;
      }
    },

    /** R15: move to another user, or to Unassigned (toUserId null). */
    async reassign(user: AuthUser, id: string, toUserId: string | null): Promise<TConversationDto> {
      const row = await reads.getVisibleRow(id, user);
      assertAllowed(row, user, toUserId === null ? 'unassign' : 'reassign');
      const me = await actor(user);
      if (toUserId === null) {
        const unassigned = await changes.applyTransition(
          row,
          { type: 'unassign' },
          { by: me, people: new Map() },
        );
        return views.conversation(unassigned, user.id);
      }
      const target = toUserId.length <= 64 ? await users.findById(toUserId) : null;
      if (!target || target.active !== 1) throw new AppError('USER_NOT_FOUND');
      const people = new Map([[target.id, { name: target.name, avatarUrl: target.avatar_url }]]);
      const moved = await changes.applyTransition(
        row,
        { type: 'reassign', toUserId: target.id },
        { by: me, people },
      );
      return views.conversation(moved, user.id);
    },

    /** R19: ends the chat for the visitor; R20: nothing reopens it. */
    async close(user: AuthUser, id: string): Promise<TConversationDto> {
      const row = await reads.getVisibleRow(id, user);
      assertAllowed(row, user, 'close');
      return views.conversation(await closeWith(row, 'closed_by_user', user), user.id);
    },

    async visitorLeave(visitorId: string, id: string) {
      const row = await reads.getVisitorRow(id, visitorId);
      changes.assertWritable(row, { kind: 'leave' });
      return views.forVisitor(await closeWith(row, 'visitor_left', null));
    },
  };
}
