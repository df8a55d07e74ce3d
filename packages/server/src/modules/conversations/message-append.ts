import {
  toPlainText,
  type ConversationWrite,
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
import { toMessageDto, writtenMessageDto, type MessageMeta } from './conversation-dto';
import { StaleLookups, type ConversationViews } from './conversation-views';
import type { ConversationRow, ConversationsStore, MessageRow, NewMessage } from './conversations.store';

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
export const SYSTEM: Author = { kind: 'system', id: null, name: 'Charla', avatarUrl: null };
export const EMPTY: TRichText = { type: 'doc', content: [] };
/** A prepared DTO went stale (the assignee changed meanwhile): this many tries in all. */
const TRIES = 3;

export function newMessage(
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

/** Whether a message's patch changes its conversation beyond its activity (the reply clock is activity). */
function changesMoreThanActivity(patch: Partial<ConversationRow> | undefined): boolean {
  return Object.keys(patch ?? {}).some((column) => column !== 'watchdog_deadline');
}

export async function withRetry<T>(attempt: (retry: boolean) => Promise<T>): Promise<T> {
  for (let i = 1; ; i += 1) {
    try {
      return await attempt(i > 1);
    } catch (error) {
      if (!(error instanceof StaleLookups) || i >= TRIES) throw error;
    }
  }
}

/** Stores messages with the lifecycle check, the list's preview and their `message.created` events. */
export function createMessageAppend(deps: {
  store: ConversationsStore;
  views: ConversationViews;
  events: DomainEvents;
  clock: Clock;
  getRow: (id: string) => Promise<ConversationRow>;
  assertWritable: (row: ConversationRow, write: ConversationWrite) => void;
}) {
  const { store, views, events, clock, getRow, assertWritable } = deps;

  const messageEvents = (
    dto: TConversationDto,
    rows: MessageRow[],
    changesConversation?: boolean,
    messageDto: (row: MessageRow) => TMessageDto = toMessageDto,
  ) =>
    rows.map((m) =>
      domainEvent('message.created', {
        conversation: dto,
        message: messageDto(m),
        ...(changesConversation === false ? { changesConversation } : {}),
      }),
    );

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
    // The DTO of the message as written, built once for its event and the caller.
    let written: TMessageDto | undefined;
    const writtenDto = (row: MessageRow) => (written = writtenMessageDto(row, body, options.meta));
    // Nothing to write beside the message (no files to claim, no webhook wants it): PostgreSQL
    // then stores it with its one statement and no transaction around it (issue 25).
    const withinWrites =
      options.within !== undefined || (await events.writesWhenRecording(['message.created']));
    const result = await withRetry(async (retry) => {
      // A retry prepares from the row as it is now (another assignee, new readers or labels).
      const current = retry ? await getRow(conversation.id) : conversation;
      const build = await views.prepare(current, [current.assignee_id]);
      return store.appendMessage(
        make(options.clientMsgId),
        patch,
        options.write ? conversation.status : undefined,
        async (tx, row, messages) => {
          if (options.within && messages[0]) await options.within(tx, messages[0]);
          recorded = messageEvents(build(row), messages, changesMoreThanActivity(options.patch), writtenDto);
          if (withinWrites) await events.record(tx, recorded);
        },
        withinWrites,
      );
    });
    if (!result) {
      // The state changed under us (closed on another process): the fresh state decides the error.
      if (options.write) assertWritable(await getRow(conversation.id), options.write);
      throw new AppError(options.write ? 'CONFLICT' : 'CONVERSATION_NOT_FOUND');
    }
    if (!result.duplicate) events.publish(recorded);
    return {
      // A retry's answer is the first message, as stored.
      message: (!result.duplicate && written) || toMessageDto(result.message),
      conversation: result.conversation,
      duplicate: result.duplicate,
    };
  }

  async function appendEvent(conversation: ConversationRow, event: TTimelineEvent): Promise<ConversationRow> {
    return (await appendMessage(conversation, SYSTEM, EMPTY, { meta: { event } })).conversation;
  }

  return { appendMessage, appendEvent, messageEvents };
}
