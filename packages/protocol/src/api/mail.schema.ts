import { z } from 'zod';
import { ZEmail, ZLanguage } from '../common';

/** Every mail Charla sends, by template (issue 20). */
export const mailTemplateNames = [
  'test',
  'invitation',
  'password-reset',
  'password-changed',
  'email-changed',
  'transcript',
] as const;
export const ZMailTemplateName = z.enum(mailTemplateNames);
export type TMailTemplateName = z.infer<typeof ZMailTemplateName>;

/** `skipped`: SMTP was not configured when the mail was due, so it was never sent. */
export const ZMailStatus = z.enum(['pending', 'sent', 'failed', 'skipped']);
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
  lastError: z.string().nullable(),
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
