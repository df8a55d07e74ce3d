import type { TConversationDto } from '@charla/protocol';
import type { Clock } from '../../lib/clock';
import { domainEvent, type DomainEvents } from '../../lib/domain-events';
import { newId } from '../../lib/ids';
import {
  searchTextOf,
  type ConversationViews,
  type ConversationRow,
  type ConversationsStore,
  writeStoredRun,
} from '../conversations/index';
import type { FollowUpStore } from './follow-up.store';

export type LinkedConversationDeps = {
  store: Pick<ConversationsStore, 'insert' | 'findById'>;
  views: Pick<ConversationViews, 'prepare'>;
  links: Pick<FollowUpStore, 'link'>;
  events: DomainEvents;
  clock: Clock;
};

/**
 * R20: a closed conversation is never reopened. A visitor's email reply after close, or a user's
 * follow-up of a missed chat, starts a NEW conversation for the same visitor and playbook, linked
 * to the old one: assigned to that user, or waiting in Unassigned (no bot, no waiting deadline).
 */
export function createLinkedConversations(deps: LinkedConversationDeps) {
  return async function startLinked(
    old: ConversationRow,
    assigneeId: string | null,
  ): Promise<{ row: ConversationRow; dto: TConversationDto }> {
    const now = deps.clock.now();
    const row: ConversationRow = {
      ...old,
      id: newId(),
      status: assigneeId ? 'assigned' : 'waiting',
      close_reason: null,
      assignee_id: assigneeId,
      last_seq: 0,
      waiting_deadline: null,
      run_state: writeStoredRun({ run: null, outcome: null }),
      start_key: `linked:${old.id}:${newId()}`,
      created_at: now,
      updated_at: now,
      waiting_since: assigneeId ? null : now,
      assigned_at: assigneeId ? now : null,
      closed_at: null,
      closed_by: null,
      last_message_at: now,
      last_message_preview: '',
      search_text: searchTextOf({ name: old.visitor_name, email: old.visitor_email, number: 0 }),
      offline_due: null,
      team_id: null,
      routing: null,
      watchdog_deadline: null,
      visitor_read_seq: 0,
      user_read_seq: 0,
    };
    // One event path (docs/architecture.md): the insert and its events' durable rows (webhook
    // outbox) are one transaction; realtime, notifications and the rest hear them after the commit.
    const dto = (await deps.views.prepare(row, [assigneeId]))(row);
    const previous = { status: row.status, assigneeId: row.assignee_id };
    const created = [domainEvent('conversation.created', { conversation: dto, previous })];
    if (!assigneeId) created.push(domainEvent('conversation.unassigned', { conversation: dto, previous }));
    await deps.store.insert(row, async (tx) => {
      await deps.events.record(tx, created);
    });
    await deps.links.link(row.id, old.id, now);
    deps.events.publish(created);
    return { row, dto };
  };
}
export type StartLinkedConversation = ReturnType<typeof createLinkedConversations>;
