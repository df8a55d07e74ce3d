import {
  refuseWrite,
  toPlainText,
  transition,
  type ConversationWrite,
  type LifecycleEvent,
  type TConversationDto,
  type TMessageDto,
  type TRichText,
  type TTimelineEvent,
} from '@charla/protocol';
import type { Db } from '../../db/database';
import { AppError } from '../../lib/app-error';
import type { Clock } from '../../lib/clock';
import { domainEvent, type AnyDomainEvent, type DomainEvents } from '../../lib/domain-events';
import { newId } from '../../lib/ids';
import { lifecycleOf, toMessageDto, type MessageMeta } from './conversation-dto';
import { StaleLookups, type ConversationViews } from './conversation-views';
import type {
  ConversationRow,
  ConversationsStore,
  ExpectedState,
  MessageRow,
  NewMessage,
} from './conversations.store';
import { lifecycleEventOf, patchOf, timelineOf, type ChangeContext } from './lifecycle-change';

export type Author = {
  kind: MessageRow['author_kind'];
  id: string | null;
  name: string;
  avatarUrl: string | null;
};

export type AppendOptions = {
  clientMsgId?: string | null;
  meta?: MessageMeta;
  patch?: Partial<ConversationRow>;
  /** What this message is to the lifecycle: checked now and again, atomically, as it is stored. */
  write?: ConversationWrite;
  /** Runs in the message's transaction before its events (claims the files it sends, issue 17). */
  within?: (tx: Db, message: MessageRow) => Promise<void>;
};

const PREVIEW_CHARS = 140;
const SYSTEM: Author = { kind: 'system', id: null, name: 'Charla', avatarUrl: null };
const EMPTY: TRichText = { type: 'doc', content: [] };
/** A prepared DTO went stale (the assignee changed meanwhile): this many tries in all. */
const TRIES = 3;

function newMessage(
  conversationId: string,
  author: Author,
  body: TRichText,
  now: number,
  meta?: MessageMeta,
) {
  return (clientMsgId: string | null = null): NewMessage => ({
    id: newId(),
    conversation_id: conversationId,
    author_kind: author.kind,
    author_id: author.id,
    author_name: author.name,
    author_avatar_url: author.avatarUrl,
    client_msg_id: clientMsgId,
    body: JSON.stringify(body),
    meta: meta ? JSON.stringify(meta) : null,
    created_at: now,
  });
}

/** The list's one line: the text, else the files' names ("📷 screenshot.png"). */
function previewOf(body: TRichText, meta: MessageMeta | undefined): string {
  const text = toPlainText(body).trim();
  const files = meta?.attachments ?? [];
  if (text !== '' || files.length === 0) return text.slice(0, PREVIEW_CHARS);
  const icon = files.every((f) => f.kind === 'image') ? '📷' : '📎';
  return `${icon} ${files.map((f) => f.name).join(', ')}`.slice(0, PREVIEW_CHARS);
}

async function withRetry<T>(attempt: (retry: boolean) => Promise<T>): Promise<T> {
  for (let i = 1; ; i += 1) {
    try {
      return await attempt(i > 1);
    } catch (error) {
      if (!(error instanceof StaleLookups) || i >= TRIES) throw error;
    }
  }
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

  const messageEvents = (dto: TConversationDto, rows: MessageRow[]) =>
    rows.map((m) => domainEvent('message.created', { conversation: dto, message: toMessageDto(m) }));

  /** Appends a message (and records `message.created`); returns it (a retry returns the first). */
  async function appendMessage(
    conversation: ConversationRow,
    author: Author,
    body: TRichText,
    options: AppendOptions = {},
  ): Promise<{ message: TMessageDto; conversation: ConversationRow; duplicate: boolean }> {
    if (options.write) assertWritable(conversation, options.write);
    const now = clock.now();
    const preview = options.meta?.event !== undefined ? null : previewOf(body, options.meta);
    const make = newMessage(conversation.id, author, body, now, options.meta);
    const patch = {
      updated_at: now,
      ...(preview ? { last_message_at: now, last_message_preview: preview } : {}),
      ...options.patch,
    };
    let recorded: AnyDomainEvent[] = [];
    const result = await withRetry(async (retry) => {
      const assignee = retry ? (await getRow(conversation.id)).assignee_id : conversation.assignee_id;
      const build = await views.prepare(conversation, [assignee]);
      return store.appendMessage(
        make(options.clientMsgId),
        patch,
        options.write ? conversation.status : undefined,
        async (tx, row, messages) => {
          if (options.within && messages[0]) await options.within(tx, messages[0]);
          recorded = messageEvents(build(row), messages);
          await events.record(tx, recorded);
        },
      );
    });
    if (!result) {
      // The state changed under us (closed on another process): the fresh state decides the error.
      if (options.write) assertWritable(await getRow(conversation.id), options.write);
      throw new AppError(options.write ? 'CONFLICT' : 'CONVERSATION_NOT_FOUND');
    }
    if (!result.duplicate) events.publish(recorded);
    return {
      message: toMessageDto(result.message),
      conversation: result.conversation,
      duplicate: result.duplicate,
    };
  }

  async function appendEvent(conversation: ConversationRow, event: TTimelineEvent): Promise<ConversationRow> {
    return (await appendMessage(conversation, SYSTEM, EMPTY, { meta: { event } })).conversation;
  }

  async function getRow(id: string): Promise<ConversationRow> {
    const row = id.length <= 64 ? await store.findById(id) : null;
    if (!row) throw new AppError('CONVERSATION_NOT_FOUND');
    return row;
  }

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
    // Taking a waiting chat races its deadline: the same UPDATE checks it, so the deadline decides.
    const takes = event.type === 'assign' || event.type === 'reassign';
    const expected = {
      ...previous,
      ...(takes ? { beforeDeadline: now } : {}),
      ...(event.type === 'waiting_time_over' ? { deadlineReached: now } : {}),
      ...(event.type === 'ownership_lapsed' && event.reason === 'no_reply' ? { watchdogReached: now } : {}),
      ...(guard ? { guard } : {}),
    };
    let recorded: AnyDomainEvent[] = [];
    const result = await withRetry(async () => {
      const build = await views.prepare(row, [decided.next.assigneeId]);
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
