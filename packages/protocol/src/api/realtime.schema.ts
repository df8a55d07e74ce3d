import { z } from 'zod';
import { ZRichText } from '../rich-text/rich-text.schema';
import { ZEmail } from '../common';
import { ZReportedPageUrl } from './page-url';
import { ZAttachmentIds } from './attachments.schema';
import { ZClientMsgId, ZConversationDto, ZMessageDto, ZVisitorConversationDto } from './conversation.schema';

const ZRef = z.string().max(64).optional();
const ZConvId = z.string().min(1).max(64);

// ---- visitor → server ----
export const ZVisitorStartFrame = z.strictObject({
  type: z.literal('start'),
  ref: ZRef,
  playbookId: z.string().min(1).max(64),
  /** The widget's idempotency key: two starts with the same key create one conversation. */
  startKey: z.string().min(8).max(64),
  context: z
    .strictObject({
      pageUrl: ZReportedPageUrl.nullable().optional(),
      pageTitle: z.string().max(300).nullable().optional(),
      referrer: ZReportedPageUrl.nullable().optional(),
      language: z.string().max(35).nullable().optional(),
      timeZone: z.string().max(64).nullable().optional(),
    })
    .optional(),
});

export const ZVisitorAnswer = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('button'), optionId: z.string().min(1).max(64) }),
  z.strictObject({ kind: z.literal('text'), text: z.string().min(1).max(2000) }),
  z.strictObject({ kind: z.literal('skip') }),
]);
export type TVisitorAnswer = z.infer<typeof ZVisitorAnswer>;

export const ZVisitorClientFrame = z.discriminatedUnion('type', [
  ZVisitorStartFrame,
  /** The chat window was first shown in this page view (issue 21's funnel); no answer unless refused. */
  z.strictObject({ type: z.literal('opened'), playbookId: z.string().min(1).max(64) }),
  z.strictObject({
    type: z.literal('subscribe'),
    ref: ZRef,
    conversationId: ZConvId,
    lastSeq: z.number().int().min(0),
  }),
  z.strictObject({
    type: z.literal('send'),
    ref: ZRef,
    conversationId: ZConvId,
    clientMsgId: ZClientMsgId,
    body: ZRichText,
    attachments: ZAttachmentIds.optional(),
  }),
  z.strictObject({
    type: z.literal('answer'),
    ref: ZRef,
    conversationId: ZConvId,
    clientMsgId: ZClientMsgId,
    answer: ZVisitorAnswer,
  }),
  z.strictObject({
    type: z.literal('typing'),
    conversationId: ZConvId,
    active: z.boolean(),
    preview: z.string().max(200).optional(),
  }),
  z.strictObject({ type: z.literal('read'), conversationId: ZConvId, seq: z.number().int().min(0) }),
  z.strictObject({
    type: z.literal('page'),
    pageUrl: ZReportedPageUrl,
    pageTitle: z.string().max(300).optional(),
  }),
  z.strictObject({ type: z.literal('leave'), ref: ZRef, conversationId: ZConvId }),
  /** The host page's `Charla.identify({ name, email })`: shown to the team as the visitor's name. */
  z.strictObject({
    type: z.literal('identify'),
    name: z.string().trim().min(1).max(120).optional(),
    email: ZEmail.optional(),
  }),
  z.strictObject({ type: z.literal('ping') }),
]);
export type TVisitorClientFrame = z.infer<typeof ZVisitorClientFrame>;

// ---- user (agent) → server ----
export const ZAgentClientFrame = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('subscribe'),
    ref: ZRef,
    conversationId: ZConvId,
    lastSeq: z.number().int().min(0),
  }),
  z.strictObject({ type: z.literal('unsubscribe'), conversationId: ZConvId }),
  z.strictObject({
    type: z.literal('send'),
    ref: ZRef,
    conversationId: ZConvId,
    clientMsgId: ZClientMsgId,
    body: ZRichText,
    attachments: ZAttachmentIds.optional(),
  }),
  z.strictObject({ type: z.literal('typing'), conversationId: ZConvId, active: z.boolean() }),
  z.strictObject({ type: z.literal('read'), conversationId: ZConvId, seq: z.number().int().min(0) }),
  z.strictObject({ type: z.literal('ping') }),
]);
export type TAgentClientFrame = z.infer<typeof ZAgentClientFrame>;

// ---- server → clients ----
const ZErrorFrame = z.object({
  type: z.literal('error'),
  ref: z.string().optional(),
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});
const ZMessagesFrame = z.object({
  type: z.literal('messages'),
  conversationId: z.string(),
  messages: z.array(ZMessageDto),
  lastSeq: z.number(),
});
const ZMessageFrame = z.object({ type: z.literal('message'), message: ZMessageDto });
/**
 * What a plain message changes in its conversation (issue 25): sent with the message to the
 * inboxes instead of the whole conversation, which follows only when more changed (status,
 * assignee, identity…).
 */
export const ZConversationActivity = z.object({
  lastSeq: z.number(),
  lastMessageAt: z.number(),
  lastMessagePreview: z.string(),
  /** The assignee's reply clock (issue 19), which each message may start or stop. */
  watchdogDeadline: z.number().nullable(),
});
export type TConversationActivity = z.infer<typeof ZConversationActivity>;
const ZAgentMessageFrame = ZMessageFrame.extend({ activity: ZConversationActivity.optional() });
const ZAckFrame = z.object({
  type: z.literal('ack'),
  ref: z.string().optional(),
  clientMsgId: z.string(),
  message: ZMessageDto,
});
const ZPongFrame = z.object({ type: z.literal('pong'), at: z.number() });

export const ZVisitorServerFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), visitorId: z.string() }),
  z.object({
    type: z.literal('conversation'),
    ref: z.string().optional(),
    conversation: ZVisitorConversationDto,
  }),
  ZMessagesFrame,
  ZMessageFrame,
  ZAckFrame,
  z.object({
    type: z.literal('typing'),
    conversationId: z.string(),
    from: z.enum(['user', 'bot']),
    name: z.string(),
    active: z.boolean(),
  }),
  /**
   * How far the team read (`side` absent or `user`), or the visitor on another of their devices
   * (`visitor`). Never sent to the socket that reported the read: it updates itself (issue 25).
   */
  z.object({
    type: z.literal('read'),
    conversationId: z.string(),
    seq: z.number(),
    side: z.enum(['user', 'visitor']).optional(),
  }),
  ZErrorFrame,
  ZPongFrame,
]);
export type TVisitorServerFrame = z.infer<typeof ZVisitorServerFrame>;

export const ZNotificationDto = z.object({
  id: z.string(),
  kind: z.enum(['conversation_unassigned', 'conversation_assigned', 'visitor_message', 'mention', 'test']),
  conversationId: z.string().nullable(),
  title: z.string(),
  body: z.string(),
  createdAt: z.number(),
});
export type TNotificationDto = z.infer<typeof ZNotificationDto>;

export const ZAgentServerFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), userId: z.string() }),
  z.object({ type: z.literal('conversation'), conversation: ZConversationDto }),
  z.object({ type: z.literal('conversation_removed'), conversationId: z.string() }),
  ZMessagesFrame,
  ZAgentMessageFrame,
  /** A message in a conversation this inbox did not subscribe to: what it changed in the list (R28). */
  z.object({ type: z.literal('activity'), conversationId: z.string(), activity: ZConversationActivity }),
  ZAckFrame.extend({ activity: ZConversationActivity.optional() }),
  z.object({
    type: z.literal('typing'),
    conversationId: z.string(),
    from: z.enum(['visitor', 'user']),
    name: z.string(),
    active: z.boolean(),
    preview: z.string().optional(),
  }),
  /**
   * How far the team (`user`) or the visitor read a conversation this user may see (unread dots,
   * "Seen"). Never sent to the socket that reported the read: it updates itself (issue 25).
   */
  z.object({
    type: z.literal('read'),
    conversationId: z.string(),
    seq: z.number(),
    side: z.enum(['user', 'visitor']),
  }),
  z.object({ type: z.literal('presence'), userId: z.string(), online: z.boolean() }),
  z.object({ type: z.literal('notification'), notification: ZNotificationDto }),
  /** A CRM record this conversation's side panel shows changed (issue 15): an open panel reloads it. */
  z.object({ type: z.literal('panel_changed'), conversationId: z.string() }),
  ZErrorFrame,
  ZPongFrame,
]);
export type TAgentServerFrame = z.infer<typeof ZAgentServerFrame>;
