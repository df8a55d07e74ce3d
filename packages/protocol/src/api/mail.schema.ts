import { z } from 'zod';
import { digestEvents, mailStatuses, mailTemplateNames } from './api-names';
import { ZEmail, ZLanguage } from '../common';

/** Every mail Charla sends, by template (issue 20). */
export const ZMailTemplateName = z.enum(mailTemplateNames);
export type TMailTemplateName = z.infer<typeof ZMailTemplateName>;

/** `skipped`: SMTP was not configured when the mail was due, so it was never sent. */
export const ZMailStatus = z.enum(mailStatuses);
export type TMailStatus = z.infer<typeof ZMailStatus>;

/** Settings → Email: whether outgoing mail works at all, and how. No credentials ever. */
export const ZMailStatusDto = z.object({
  configured: z.boolean(),
  from: z.string().nullable(),
  /** host:port of the SMTP server, without user or password. */
  server: z.string().nullable(),
  counts: z.object({ pending: z.number(), sent: z.number(), failed: z.number(), skipped: z.number() }),
});
export type TMailStatusDto = z.infer<typeof ZMailStatusDto>;

/** Why a mail was not sent, when Charla itself knows (the UI says it in the reader's language). */
export const ZMailErrorCode = z.enum(['smtp_not_configured']);
export type TMailErrorCode = z.infer<typeof ZMailErrorCode>;

export const ZMailLogEntryDto = z.object({
  id: z.string(),
  template: ZMailTemplateName,
  to: z.string(),
  subject: z.string(),
  language: ZLanguage,
  status: ZMailStatus,
  attempts: z.number(),
  nextAttemptAt: z.number().nullable(),
  lastAttemptAt: z.number().nullable(),
  /** The SMTP server's or the network's words (English, technical), kept for the admin. */
  lastError: z.string().nullable(),
  /** Set when `lastError` is one of Charla's own reasons, which the UI translates. */
  lastErrorCode: ZMailErrorCode.nullable(),
  sentAt: z.number().nullable(),
  createdAt: z.number(),
});
export type TMailLogEntryDto = z.infer<typeof ZMailLogEntryDto>;

export const ZMailLogQuery = z.strictObject({
  status: ZMailStatus.optional(),
  cursor: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const ZMailPreviewParams = z.strictObject({ template: ZMailTemplateName });
export const ZMailPreviewQuery = z.strictObject({ language: ZLanguage.default('en') });

/** A rendered template: the subject, the HTML part and the plain-text part. */
export const ZMailPreviewDto = z.object({ subject: z.string(), html: z.string(), text: z.string() });
export type TMailPreviewDto = z.infer<typeof ZMailPreviewDto>;

export const ZSendTestMailRequest = z.strictObject({ to: ZEmail, language: ZLanguage.default('en') });

/** A user emails a conversation's transcript to any address (issue 20). */
export const ZSendTranscriptRequest = z.strictObject({
  to: ZEmail,
  /** Defaults to the conversation's (the playbook's) language. */
  language: ZLanguage.optional(),
});
export type TSendTranscriptRequest = z.infer<typeof ZSendTranscriptRequest>;

/** The visitor asks for the transcript; without `to`, the address they gave the bot is used. */
export const ZVisitorTranscriptRequest = z.strictObject({ to: ZEmail.optional() });

/** The answer to a queued transcript: where it goes, and whether SMTP is off (`skipped`). */
export const ZTranscriptQueuedDto = z.object({ to: z.string(), status: z.enum(['pending', 'skipped']) });
export type TTranscriptQueuedDto = z.infer<typeof ZTranscriptQueuedDto>;

/** Follow-up by email: the visitor's signed link, exchanged for a visitor token of the same visitor. */
export const ZFollowUpExchangeRequest = z.strictObject({ link: z.string().min(1).max(600) });
export const ZFollowUpExchangeDto = z.object({
  visitorToken: z.string(),
  visitorId: z.string(),
  conversationId: z.string(),
  /** The playbook to start a new conversation with when the old one is closed (R20). */
  playbookPublicId: z.string().nullable(),
});
export type TFollowUpExchangeDto = z.infer<typeof ZFollowUpExchangeDto>;

/** Inbound mail accepted: the conversation the reply landed in (a new one when the old was closed). */
export const ZInboundMailResultDto = z.object({
  conversationId: z.string(),
  linkedTo: z.string().nullable(),
});
export type TInboundMailResultDto = z.infer<typeof ZInboundMailResultDto>;

/** Settings → Email → Follow-up by email (admins). */
export const ZFollowUpSettingsDto = z.object({
  enabled: z.boolean(),
  /** A reply the visitor has not read after this many minutes is emailed (0 = at once). */
  afterMinutes: z.number().int().min(0).max(1440),
  /** MAIL_REPLY_TO, or null: then follow-ups carry the chat link only. */
  replyTo: z.string().nullable(),
  /** Where the mail provider posts visitors' replies, with the install's secret. */
  inboundUrl: z.string(),
  inboundSecret: z.string(),
});
export type TFollowUpSettingsDto = z.infer<typeof ZFollowUpSettingsDto>;
export const ZUpdateFollowUpSettingsRequest = z.strictObject({
  enabled: z.boolean(),
  afterMinutes: z.number().int().min(0).max(1440),
});
export type TUpdateFollowUpSettingsRequest = z.infer<typeof ZUpdateFollowUpSettingsRequest>;

/** The notification events an email digest may cover (a mention is no unanswered chat). */
export const ZDigestEvent = z.enum(digestEvents);
export type TDigestEvent = z.infer<typeof ZDigestEvent>;

/** Email notifications (R24): the events for which I get a digest of unanswered chats when no device took the push. */
export const ZEmailNotificationsDto = z.object({
  events: z.array(ZDigestEvent),
  /** False without SMTP: nothing would be sent. */
  mailConfigured: z.boolean(),
});
export type TEmailNotificationsDto = z.infer<typeof ZEmailNotificationsDto>;
export const ZUpdateEmailNotificationsRequest = z.strictObject({
  events: z.array(ZDigestEvent).max(3),
});
export type TUpdateEmailNotificationsRequest = z.infer<typeof ZUpdateEmailNotificationsRequest>;
