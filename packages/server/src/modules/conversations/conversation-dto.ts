import {
  allowedActionsFor,
  type TAttachmentDto,
  ZRichText,
  type LifecycleState,
  type TConversationActivity,
  type TConversationDto,
  type TInteraction,
  type TLabelChip,
  type TMessageDto,
  type TRichText,
  type TTimelineEvent,
  type TVisitorConversationDto,
  type TVisitorContext,
} from '@charla/protocol';
import { fromJsonColumn } from '../../lib/json';
import { conversationDisplayName } from '../search/index';
import type { ConversationRow, MessageRow } from './conversations.store';
import { readRouting } from './routing-columns';

export type MessageMeta = {
  event?: TTimelineEvent;
  interaction?: TInteraction;
  isError?: boolean;
  /** The files sent with it (issue 17), as they were when it was sent. */
  attachments?: TAttachmentDto[];
};

export type DtoLookups = {
  visitor: { id: string; number: number; context: TVisitorContext } | null;
  assignee: { id: string; name: string; avatarUrl: string | null } | null;
  playbook: { id: string; name: string } | null;
  /** Who the conversation is with, as derived from every source (absent: only what it captured). */
  identity?: { name: string | null; email: string | null } | null;
  /** The team the chat was routed to (issue 19). */
  team?: { id: string; name: string } | null;
  /** The users a private note mentioned (R29). */
  readerIds?: string[];
  /** The labels it carries (issue 16; modules/labels). */
  labels?: TLabelChip[];
};

const EMPTY_DOC: TRichText = { type: 'doc', content: [] };

/** The lifecycle's view of a row: what `transition()` and `refuseWrite()` decide on. */
export function lifecycleOf(row: ConversationRow): LifecycleState {
  return {
    status: row.status,
    assigneeId: row.assignee_id,
    closeReason: (row.close_reason as LifecycleState['closeReason']) ?? null,
    waitingDeadline: row.waiting_deadline,
  };
}

/** Lowercased name, email, "visitor #1234" and company: what the inbox search matches. */
export function searchTextOf(parts: {
  name: string | null;
  email: string | null;
  number: number;
  company?: string | undefined;
}): string {
  return [parts.name ?? '', parts.email ?? '', `visitor #${parts.number}`, parts.company ?? '']
    .join(' ')
    .toLowerCase();
}

/** "Ana García" when the bot captured a name, else the stable "Visitor #1234". */
export function visitorDisplayName(row: Pick<ConversationRow, 'visitor_name'>, number: number): string {
  return row.visitor_name?.trim() ? row.visitor_name.trim() : `Visitor #${number}`;
}

/**
 * Who the inbox shows the conversation is with: the identity derived from every source (the CRM
 * person, the side panel, the capture), else only what the conversation captured. Canned
 * responses' `{{visitor.name}}` and `{{visitor.email}}` read the same, so they never disagree
 * with the header.
 */
export function shownIdentity(
  row: Pick<ConversationRow, 'visitor_name' | 'visitor_email'>,
  identity: { name: string | null; email: string | null } | null | undefined,
): { name: string | null; email: string | null } {
  return identity ?? { name: row.visitor_name, email: row.visitor_email };
}

/** A conversation as users see it; `allowedActions` is for `viewerId` ('' = nobody in particular). */
export function toConversationDto(
  row: ConversationRow,
  lookups: DtoLookups,
  viewerId: string,
): TConversationDto {
  const number = lookups.visitor?.number ?? 0;
  const identity = shownIdentity(row, lookups.identity);
  return {
    id: row.id,
    status: row.status,
    closeReason: (row.close_reason as TConversationDto['closeReason']) ?? null,
    visitor: {
      id: row.visitor_id,
      number,
      displayName: conversationDisplayName(identity, number),
      email: identity.email,
      context: lookups.visitor?.context ?? {
        pageUrl: null,
        pageTitle: null,
        referrer: null,
        userAgent: null,
        language: null,
        timeZone: null,
        firstSeenAt: row.created_at,
        pagesSeen: [],
      },
    },
    playbook: lookups.playbook,
    assignee: lookups.assignee,
    language: row.language,
    createdAt: row.created_at,
    waitingSince: row.waiting_since,
    waitingDeadline: row.waiting_deadline,
    assignedAt: row.assigned_at,
    closedAt: row.closed_at,
    lastMessageAt: row.last_message_at,
    lastMessagePreview: row.last_message_preview,
    lastSeq: row.last_seq,
    userReadSeq: row.user_read_seq,
    visitorReadSeq: row.visitor_read_seq,
    allowedActions:
      viewerId === '' ? [] : allowedActionsFor({ status: row.status, assigneeId: row.assignee_id }, viewerId),
    routing: {
      team: lookups.team ?? null,
      watchdogDeadline: row.watchdog_deadline,
      whenOffline: readRouting(row.routing)?.whenOffline ?? false,
    },
    readerIds: lookups.readerIds ?? [],
    labels: lookups.labels ?? [],
  };
}

/** What a plain message changes in its conversation (issue 25): sent to inboxes instead of the whole DTO. */
export function activityOfRow(row: ConversationRow): TConversationActivity {
  return {
    lastSeq: row.last_seq,
    lastMessageAt: row.last_message_at,
    lastMessagePreview: row.last_message_preview,
    watchdogDeadline: row.watchdog_deadline,
  };
}

/** The same DTO with `allowedActions` recomputed for another viewer (realtime fan-out). */
export function forViewer(dto: TConversationDto, viewerId: string): TConversationDto {
  return {
    ...dto,
    allowedActions: allowedActionsFor({ status: dto.status, assigneeId: dto.assignee?.id ?? null }, viewerId),
  };
}

/** A conversation as its visitor sees it: no context, no internal fields. */
export function toVisitorConversationDto(
  row: ConversationRow,
  agent: { name: string; avatarUrl: string | null } | null,
): Omit<TVisitorConversationDto, 'botAwaitingInput' | 'botWorking' | 'outcome'> {
  return {
    id: row.id,
    status: row.status,
    closeReason: (row.close_reason as TVisitorConversationDto['closeReason']) ?? null,
    agent,
    waitingSince: row.status === 'waiting' ? row.waiting_since : null,
    waitingDeadline: row.waiting_deadline,
    lastSeq: row.last_seq,
    userReadSeq: row.user_read_seq,
    visitorReadSeq: row.visitor_read_seq,
    language: row.language,
    createdAt: row.created_at,
  };
}

export function toMessageDto(row: MessageRow): TMessageDto {
  const meta = fromJsonColumn<MessageMeta>(row.meta, {});
  const parsed = ZRichText.safeParse(fromJsonColumn<unknown>(row.body, EMPTY_DOC));
  return writtenMessageDto(row, parsed.success ? parsed.data : EMPTY_DOC, meta);
}

/**
 * The DTO of a message this process just wrote, from the body and meta it wrote: its JSON columns
 * need no parsing and checking again (issue 25: twice per chat message, the body through zod).
 */
export function writtenMessageDto(row: MessageRow, body: TRichText, meta: MessageMeta = {}): TMessageDto {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    seq: row.seq,
    author: {
      kind: row.author_kind,
      id: row.author_id,
      name: row.author_name,
      avatarUrl: row.author_avatar_url,
    },
    clientMsgId: row.client_msg_id,
    body,
    event: meta.event ?? null,
    interaction: meta.interaction ?? null,
    isError: meta.isError ?? false,
    attachments: meta.attachments ?? [],
    createdAt: row.created_at,
  };
}
