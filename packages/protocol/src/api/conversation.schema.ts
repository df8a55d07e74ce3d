import { z } from 'zod';
import { ZRichText } from '../rich-text/rich-text.schema';
import { ZLanguage } from '../common';
import { ZVisitorIdentity } from './identity.schema';
import { ZLabelChip } from './labels.schema';
import { NOTE_MAX_CHARS } from '../conversation/mentions';
import { ZAttachmentDto, ZAttachmentIds } from './attachments.schema';

export const ZConversationStatus = z.enum(['bot', 'waiting', 'assigned', 'closed']);
export type TConversationStatus = z.infer<typeof ZConversationStatus>;

export const ZCloseReason = z.enum(['closed_by_user', 'missed', 'visitor_left', 'bot_ended', 'offline']);
export type TCloseReason = z.infer<typeof ZCloseReason>;

export const ZConversationAction = z.enum(['assign', 'reassign', 'unassign', 'close', 'send', 'edit_panel']);
export type TConversationAction = z.infer<typeof ZConversationAction>;

export const ZVisitorContext = z.object({
  pageUrl: z.string().max(2000).nullable(),
  pageTitle: z.string().max(300).nullable(),
  referrer: z.string().max(2000).nullable(),
  userAgent: z.string().max(500).nullable(),
  language: z.string().max(35).nullable(),
  timeZone: z.string().max(64).nullable(),
  firstSeenAt: z.number(),
  pagesSeen: z.array(z.object({ url: z.string().max(2000), at: z.number() })).max(50),
  /** What the host page told us with `Charla.identify()`, if anything. */
  identity: ZVisitorIdentity.optional(),
});
export type TVisitorContext = z.infer<typeof ZVisitorContext>;

export const ZPersonRef = z.object({ id: z.string(), name: z.string(), avatarUrl: z.string().nullable() });
export type TPersonRef = z.infer<typeof ZPersonRef>;

/** A conversation as a user (agent) sees it. `allowedActions` is computed for the viewer. */
export const ZConversationDto = z.object({
  id: z.string(),
  status: ZConversationStatus,
  closeReason: ZCloseReason.nullable(),
  visitor: z.object({
    id: z.string(),
    number: z.number(),
    displayName: z.string(),
    email: z.string().nullable(),
    context: ZVisitorContext,
  }),
  playbook: z.object({ id: z.string(), name: z.string() }).nullable(),
  assignee: ZPersonRef.nullable(),
  language: ZLanguage,
  createdAt: z.number(),
  waitingSince: z.number().nullable(),
  waitingDeadline: z.number().nullable(),
  assignedAt: z.number().nullable(),
  closedAt: z.number().nullable(),
  lastMessageAt: z.number(),
  lastMessagePreview: z.string(),
  lastSeq: z.number(),
  userReadSeq: z.number(),
  visitorReadSeq: z.number(),
  allowedActions: z.array(ZConversationAction),
  /** Issue 19: the team the live chat card routes to, and the ownership watchdog's deadline. */
  routing: z
    .object({
      team: z.object({ id: z.string(), name: z.string() }).nullable(),
      /** When the assignee's time to answer the visitor runs out (null: no reply is due). */
      watchdogDeadline: z.number().nullable(),
      /** The chat goes back when its assignee goes offline. */
      whenOffline: z.boolean(),
    })
    .optional(),
  /** Users a private note mentioned: they may read the conversation even when it is assigned to someone else (R29). */
  readerIds: z.array(z.string()).optional(),
  /** Issue 16: the company's labels this conversation carries, by name. */
  labels: z.array(ZLabelChip),
});
export type TConversationDto = z.infer<typeof ZConversationDto>;

/** Timeline events stored as system messages. Only some are shown to the visitor. */
export const ZTimelineEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('live_chat_requested') }),
  z.object({
    type: z.literal('joined'),
    userId: z.string(),
    userName: z.string(),
    avatarUrl: z.string().nullable(),
  }),
  z.object({
    type: z.literal('reassigned'),
    byUserId: z.string(),
    byName: z.string(),
    toUserId: z.string(),
    toName: z.string(),
  }),
  z.object({ type: z.literal('unassigned'), byUserId: z.string(), byName: z.string() }),
  /** The ownership watchdog took the chat from its assignee (issue 19). */
  z.object({
    type: z.literal('ownership_lapsed'),
    fromUserId: z.string(),
    fromName: z.string(),
    reason: z.enum(['no_reply', 'assignee_offline']),
    /** The card's reply time, for "did not reply within N min". */
    minutes: z.number().nullable(),
  }),
  z.object({
    type: z.literal('closed'),
    reason: ZCloseReason,
    byUserId: z.string().nullable(),
    byName: z.string().nullable(),
  }),
  z.object({ type: z.literal('missed') }),
  z.object({ type: z.literal('offline') }),
  z.object({
    type: z.literal('lead_created'),
    leadId: z.string(),
    title: z.string(),
    byName: z.string().nullable(),
  }),
  z.object({
    type: z.literal('deal_created'),
    dealId: z.string(),
    title: z.string(),
    byName: z.string().nullable(),
  }),
  z.object({
    type: z.literal('rated'),
    scale: z.enum(['stars', 'thumbs']),
    score: z.number(),
    comment: z.string().nullable(),
  }),
  z.object({ type: z.literal('bot_ended'), outcome: z.enum(['qualified', 'disqualified', 'neutral']) }),
  /**
   * A private note (issue 16): the message body is the note, written by a user for users only.
   * Never shown to the visitor, never a reply (no first response, no reply clock).
   */
  z.object({
    type: z.literal('note'),
    mentions: z.array(z.object({ userId: z.string(), name: z.string() })),
  }),
  /** A note mentioned a user: from now on they may read this conversation (R29). */
  z.object({
    type: z.literal('mentioned'),
    byUserId: z.string(),
    byName: z.string(),
    userId: z.string(),
    userName: z.string(),
  }),
]);
export type TTimelineEvent = z.infer<typeof ZTimelineEvent>;

const visitorVisibleEvents = new Set<TTimelineEvent['type']>(['joined', 'closed']);
/** True when the visitor may see this timeline event (internal CRM events stay internal). */
export function isVisitorVisibleEvent(event: TTimelineEvent): boolean {
  return visitorVisibleEvents.has(event.type);
}

const privateEvents = new Set<TTimelineEvent['type']>(['note', 'mentioned']);
/**
 * True for private notes and the mentions they grant (issue 16): for users only, so they never
 * leave as webhooks either (an integration may forward messages to the visitor).
 */
export function isPrivateEvent(event: TTimelineEvent | null): boolean {
  return event !== null && privateEvents.has(event.type);
}

/** What the widget must render after a bot message: buttons or an input. */
export const ZInteraction = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('buttons'), options: z.array(z.object({ id: z.string(), label: z.string() })) }),
  z.object({
    kind: z.literal('input'),
    field: z.enum(['name', 'email', 'phone', 'company', 'custom', 'text']),
    placeholder: z.string().nullable(),
    skippable: z.boolean(),
  }),
]);
export type TInteraction = z.infer<typeof ZInteraction>;

export const ZAuthorKind = z.enum(['visitor', 'user', 'bot', 'system']);

export const ZMessageDto = z.object({
  id: z.string(),
  conversationId: z.string(),
  seq: z.number(),
  author: z.object({
    kind: ZAuthorKind,
    id: z.string().nullable(),
    name: z.string(),
    avatarUrl: z.string().nullable(),
  }),
  clientMsgId: z.string().nullable(),
  body: ZRichText,
  event: ZTimelineEvent.nullable(),
  interaction: ZInteraction.nullable(),
  /** A validation message from the bot (capture retries), shown as an error bubble. */
  isError: z.boolean(),
  /** Files sent with the message (issue 17); the body is then an optional caption. */
  attachments: z.array(ZAttachmentDto),
  createdAt: z.number(),
});
export type TMessageDto = z.infer<typeof ZMessageDto>;

/** A conversation as its visitor sees it: no internal fields. */
export const ZVisitorConversationDto = z.object({
  id: z.string(),
  status: ZConversationStatus,
  closeReason: ZCloseReason.nullable(),
  agent: z.object({ name: z.string(), avatarUrl: z.string().nullable() }).nullable(),
  /** When the visitor started waiting for a person (with the deadline: the progress of the wait). */
  waitingSince: z.number().nullable(),
  waitingDeadline: z.number().nullable(),
  lastSeq: z.number(),
  userReadSeq: z.number(),
  /** How far the visitor read, on any of their devices (issue 24: a verified user's devices share it). */
  visitorReadSeq: z.number(),
  language: ZLanguage,
  createdAt: z.number(),
  /** True while the bot waits for the visitor's answer (also on the offline path of a missed chat). */
  botAwaitingInput: z.boolean(),
  /** True while the bot works before going on (a wait card's pause, an HTTP request card's call): the widget shows it typing. */
  botWorking: z.boolean(),
  /** The playbook outcome once the bot reached an end card. */
  outcome: z.enum(['qualified', 'disqualified', 'neutral']).nullable(),
});
export type TVisitorConversationDto = z.infer<typeof ZVisitorConversationDto>;

// ---- REST ----

export const ZFolder = z.enum(['unassigned', 'mine', 'closed']);
export type TFolder = z.infer<typeof ZFolder>;

export const ZListConversationsQuery = z.strictObject({
  folder: ZFolder,
  q: z.string().trim().max(200).optional(),
  /** Unassigned only: chats routed to this team (issue 19). */
  teamId: z.string().max(64).optional(),
  /** Closed only: conversations that ended this way, e.g. `missed` (issue 16). */
  closeReason: ZCloseReason.optional(),
  /** Any folder: only conversations carrying this label (LABEL_UNKNOWN when there is none). */
  label: z.string().max(64).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const ZFolderCountsDto = z.object({ unassigned: z.number(), mine: z.number(), closed: z.number() });
export type TFolderCountsDto = z.infer<typeof ZFolderCountsDto>;

export const ZClientMsgId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'Letters, digits, _ and - only');

export const ZSendMessageRequest = z.strictObject({
  clientMsgId: ZClientMsgId,
  body: ZRichText,
  /** Uploads of this conversation sent with the message (issue 17). */
  attachments: ZAttachmentIds.optional(),
});
export const ZMessagesQuery = z.strictObject({
  afterSeq: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
/**
 * A user's timeline query (issue 25): `afterSeq` pages forward (resync), `beforeSeq` pages back
 * through history — the `limit` messages just before that sequence number, or the latest ones
 * with `beforeSeq=end` (opening a conversation). Not both; neither means `afterSeq=0`.
 */
export const ZUserMessagesQuery = z
  .strictObject({
    afterSeq: z.coerce.number().int().min(0).optional(),
    beforeSeq: z
      .union([z.literal('end'), z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER)])
      .optional(),
    limit: z.coerce.number().int().min(1).max(500).default(200),
  })
  .refine((q) => q.afterSeq === undefined || q.beforeSeq === undefined, {
    message: 'afterSeq and beforeSeq exclude each other',
    path: ['beforeSeq'],
  });
export type TUserMessagesQuery = z.infer<typeof ZUserMessagesQuery>;
/** A private note (issue 16): plain text with `@Name` mentions of the users listed in `mentions`. */
export const ZNoteRequest = z.strictObject({
  clientMsgId: ZClientMsgId,
  text: z.string().max(NOTE_MAX_CHARS * 4),
  mentions: z.array(z.string().min(1).max(64)).max(20).default([]),
});
export type TNoteRequest = z.infer<typeof ZNoteRequest>;
export const ZReassignRequest = z.strictObject({ userId: z.string().max(64).nullable() });
export const ZReadRequest = z.strictObject({ seq: z.number().int().min(0) });

export const ZMessagesPageDto = z.object({
  items: z.array(ZMessageDto),
  lastSeq: z.number(),
  hasMore: z.boolean(),
});
