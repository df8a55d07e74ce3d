import { refuseWrite, transition, type ConversationWrite, type LifecycleEvent } from '@charla/protocol';
import { AppError } from '../../lib/app-error';
import type { Clock } from '../../lib/clock';
import type { AnyDomainEvent, DomainEvents } from '../../lib/domain-events';
import { lifecycleOf } from './conversation-dto';
import type { ConversationViews } from './conversation-views';
import type { ConversationRow, ConversationsStore, ExpectedState } from './conversations.store';
import { lifecycleEventOf, patchOf, timelineOf, type ChangeContext } from './lifecycle-change';
import { createMessageAppend, EMPTY, newMessage, SYSTEM, withRetry } from './message-append';

export type { AppendOptions, Author } from './message-append';

/** What the conditional update checks, so that a race is decided by the database. */
function expectedStateOf(
  event: LifecycleEvent,
  previous: Pick<ExpectedState, 'status' | 'assigneeId'>,
  now: number,
  guard: ExpectedState['guard'] | undefined,
): ExpectedState {
  // Taking a waiting chat races its deadline: the same UPDATE checks it, so the deadline decides.
  const takes = event.type === 'assign' || event.type === 'reassign';
  return {
    ...previous,
    ...(takes ? { beforeDeadline: now } : {}),
    ...(event.type === 'waiting_time_over' ? { deadlineReached: now } : {}),
    ...(event.type === 'ownership_lapsed' && event.reason === 'no_reply' ? { watchdogReached: now } : {}),
    ...(guard ? { guard } : {}),
  };
}

/**
 * The one path of every change to a conversation: load → `transition()` (pure) → one transaction
 * with the new state, the effects' timeline rows and the outbox rows of its domain events → after
 * the commit, the same events to the in-process listeners (realtime, notifications, …).
 */
export function createConversationChanges(deps: {
  store: ConversationsStore;
  views: ConversationViews;
  events: DomainEvents;
  clock: Clock;
}) {
  const { store, views, events, clock } = deps;

  /** The one lifecycle check for every write that is not itself a transition (R20). */
  function assertWritable(row: ConversationRow, write: ConversationWrite): void {
    const refused = refuseWrite(lifecycleOf(row), write);
    if (refused) throw new AppError(refused);
  }

  async function getRow(id: string): Promise<ConversationRow> {
    const row = id.length <= 64 ? await store.findById(id) : null;
    if (!row) throw new AppError('CONVERSATION_NOT_FOUND');
    return row;
  }

  const { appendMessage, appendEvent, messageEvents } = createMessageAppend({
    ...deps,
    getRow,
    assertWritable,
  });

  /**
   * Moves a conversation through the lifecycle: one conditional update with the effects' timeline
   * rows and the outbox rows, then one domain event. On a lost race the fresh state decides the
   * error (e.g. CONVERSATION_ALREADY_ASSIGNED, or CONVERSATION_CLOSED for a deadline swept twice).
   */
  async function applyTransition(
    row: ConversationRow,
    event: LifecycleEvent,
    context: ChangeContext,
    guard?: ExpectedState['guard'],
  ): Promise<ConversationRow> {
    const now = clock.now();
    const decided = transition(lifecycleOf(row), event, now);
    if ('error' in decided) throw new AppError(decided.error);
    const patch = patchOf(row, decided.next, decided.effects, now);
    const timeline = timelineOf(event, decided.effects, context).map((e) =>
      newMessage(row.id, SYSTEM, EMPTY, now, { event: e })(),
    );
    const previous = { status: row.status, assigneeId: row.assignee_id };
    const expected = expectedStateOf(event, previous, now, guard);
    let recorded: AnyDomainEvent[] = [];
    const result = await withRetry(async (retry) => {
      // A retry prepares from the row as it is now (new readers or labels meanwhile).
      const build = await views.prepare(retry ? await getRow(row.id) : row, [decided.next.assigneeId], {
        withIdentity: true,
      });
      return store.commitChange(row.id, expected, patch, timeline, async (tx, changed, messages) => {
        const dto = build(changed);
        const change = lifecycleEventOf(event, dto, previous, context.by?.id ?? null);
        recorded = [...messageEvents(dto, messages), change];
        await events.record(tx, recorded);
      });
    });
    if (!result) {
      const retry = transition(lifecycleOf(await getRow(row.id)), event, now);
      throw new AppError('error' in retry ? retry.error : 'CONFLICT');
    }
    events.publish(recorded);
    return result.conversation;
  }

  return {
    assertWritable,
    getRow,
    appendMessage,
    appendEvent,
    applyTransition,
    /** A change lists show that is no lifecycle step (read positions, names, the bot's end card). */
    async changed(row: ConversationRow, previous: Pick<ConversationRow, 'status' | 'assignee_id'>) {
      const conversation = await views.conversation(row, '');
      const prior = { status: previous.status, assigneeId: previous.assignee_id };
      events.emit('conversation.updated', { conversation, previous: prior });
      return conversation;
    },
    /** Only the visitor's widget state changed (the bot moved on: may they answer now? R9, R13). */
    visitorStateChanged(row: ConversationRow): void {
      events.emit('conversation.visitor_state', { conversationId: row.id, visitorId: row.visitor_id });
    },
  };
}
export type ConversationChanges = ReturnType<typeof createConversationChanges>;
