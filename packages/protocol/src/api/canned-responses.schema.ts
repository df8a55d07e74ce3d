import { z } from 'zod';
import { ZAttachmentDto } from './attachments.schema';
import { MAX_CANNED_SHORTCUT, MAX_CANNED_TITLE } from '../canned/canned-limits';
import { parseMessageText } from '../rich-text/message-text';
import { ZRichText } from '../rich-text/rich-text.schema';
import { MAX_RICH_TEXT_CHARS } from '../rich-text/rich-text-rules';

/** `personal`: its owner's alone. `team`: everyone uses it, admins manage it. */
export const ZCannedResponseScope = z.enum(['personal', 'team']);
export type TCannedResponseScope = z.infer<typeof ZCannedResponseScope>;

/** What follows `/` in the composer: lowercase letters and digits, words joined by single hyphens. */
export const ZCannedShortcut = z
  .string()
  .min(1)
  .max(MAX_CANNED_SHORTCUT)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Lowercase letters, digits and single hyphens (e.g. pricing-eu)');

/**
 * Markdown, as the composer sends it (R7: bold, italic, links, bullet lists, images). It must fit
 * in one chat message once parsed, like anything typed in the composer.
 */
export const ZCannedBody = z
  .string()
  .trim()
  .min(1)
  .max(MAX_RICH_TEXT_CHARS)
  .refine((body) => ZRichText.safeParse(parseMessageText(body)).success, {
    message: 'Too many paragraphs, list items or formatting marks for one message',
  });

export const ZCreateCannedResponseRequest = z.strictObject({
  scope: ZCannedResponseScope,
  title: z.string().trim().min(1).max(MAX_CANNED_TITLE),
  shortcut: ZCannedShortcut,
  body: ZCannedBody,
});
export type TCreateCannedResponseRequest = z.infer<typeof ZCreateCannedResponseRequest>;

/** The scope stays: a personal response is not promoted, a team one not taken private. */
export const ZUpdateCannedResponseRequest = ZCreateCannedResponseRequest.omit({ scope: true })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'Change at least one field' });
export type TUpdateCannedResponseRequest = z.infer<typeof ZUpdateCannedResponseRequest>;

/**
 * A file a canned response carries: the metadata of a message's file. `id` is the canned file's
 * own (its link and its removal use it); inserting the response stages uploads with new ids.
 */
export const ZCannedFileDto = ZAttachmentDto.extend({});
export type TCannedFileDto = z.infer<typeof ZCannedFileDto>;

export const ZCannedFileParams = z.strictObject({
  id: z.string().min(1).max(64),
  fileId: z.string().min(1).max(64),
});

/** Stages a canned response's files as uploads of one conversation (no byte is copied). */
export const ZUploadsFromCannedRequest = z.strictObject({ cannedResponseId: z.string().min(1).max(64) });
export type TUploadsFromCannedRequest = z.infer<typeof ZUploadsFromCannedRequest>;

export const ZCannedResponseDto = z.object({
  id: z.string(),
  scope: ZCannedResponseScope,
  title: z.string(),
  shortcut: z.string(),
  body: z.string(),
  /** Messages sent with this response inserted (a team response counts everyone's). */
  usageCount: z.number().int(),
  /** The owner of a personal response; null for team ones. */
  owner: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** Whether the caller may change or delete it: their own, or a team one when they are an admin. */
  canEdit: z.boolean(),
  /** Its files in their order (at most MAX_CANNED_FILES); inserting it stages them for the message. */
  files: z.array(ZCannedFileDto),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type TCannedResponseDto = z.infer<typeof ZCannedResponseDto>;

export const ZCannedVariablesQuery = z.strictObject({ conversationId: z.string().min(1).max(64) });

/** The values of a conversation's variables for the caller: built-in ones and the playbook's. */
export const ZCannedVariablesDto = z.object({ values: z.record(z.string(), z.string()) });
export type TCannedVariablesDto = z.infer<typeof ZCannedVariablesDto>;
