import { z } from 'zod';
import { ZLanguage } from '../common';
import { PLAYBOOK_FINDING_CODES } from '../playbook/playbook-findings';
import { MAX_PLAYBOOK_NAME_CHARS } from '../playbook/playbook-limits';
import { ZPlaybookAppearance, ZPlaybookDocument, ZPlaybookTargeting } from '../playbook/playbook.schema';
import { PLAYBOOK_TEMPLATE_IDS } from '../playbook/templates';

/** Most origins one playbook may list as allowed to embed it. */
export const MAX_ALLOWED_ORIGINS = 50;

export const ZPlaybookStatus = z.enum(['draft', 'active', 'inactive']);
export type TPlaybookStatus = z.infer<typeof ZPlaybookStatus>;

export const ZPlaybookTemplateId = z.enum(PLAYBOOK_TEMPLATE_IDS);

const ZPlaybookName = z.string().trim().min(1).max(MAX_PLAYBOOK_NAME_CHARS);

/** The origin of an http(s) URL, as a browser sends it in `Origin` (no path, no trailing slash). */
export function toWebOrigin(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '') return null;
  return url.origin;
}

/** An allowed origin such as `https://www.example.com`; normalised to the browser's `Origin` form. */
export const ZAllowedOrigin = z
  .string()
  .trim()
  .max(300)
  .refine((v) => toWebOrigin(v) !== null, 'Use an http(s) origin such as https://www.example.com')
  .transform((v) => toWebOrigin(v) ?? v);

export const ZAllowedOrigins = z
  .array(ZAllowedOrigin)
  .max(MAX_ALLOWED_ORIGINS)
  .transform((list) => [...new Set(list)]);

/** Findings only the server can make, at activation, against the CRM (docs/playbook-model.md rule 16). */
export const PLAYBOOK_ACTIVATION_FINDING_CODES = ['CRM_OWNER_UNKNOWN'] as const;

/** A validator finding as the API reports it: the protocol validator's codes plus the activation ones. */
export const ZPlaybookFinding = z.object({
  code: z.enum([...PLAYBOOK_FINDING_CODES, ...PLAYBOOK_ACTIVATION_FINDING_CODES]),
  severity: z.enum(['error', 'warning']),
  nodeId: z.string().optional(),
  edgeId: z.string().optional(),
  port: z.string().optional(),
  path: z.array(z.string()).optional(),
  message: z.string(),
});
export type TPlaybookFindingDto = z.infer<typeof ZPlaybookFinding>;

export const ZCreatePlaybookRequest = z.strictObject({
  name: ZPlaybookName,
  templateId: ZPlaybookTemplateId.default('blank'),
  language: ZLanguage.default('en'),
});
export type TCreatePlaybookRequest = z.infer<typeof ZCreatePlaybookRequest>;

/** Saves the working copy. The document is checked by the playbook validator, not here, so every problem becomes a finding. */
export const ZSavePlaybookRequest = z.strictObject({
  name: ZPlaybookName.optional(),
  document: z.unknown(),
  allowedOrigins: ZAllowedOrigins.optional(),
  /** The revision the editor loaded; another save since then is a REVISION_CONFLICT. */
  expectedRevision: z.number().int().min(1),
});
export type TSavePlaybookRequest = z.infer<typeof ZSavePlaybookRequest>;

/** Optional body: without one the copy is named "<name> (copy)". */
export const ZDuplicatePlaybookRequest = z.strictObject({ name: ZPlaybookName.optional() }).nullish();

export const ZValidatePlaybookRequest = z.strictObject({ document: z.unknown() });

export const ZPlaybookValidationDto = z.object({ ok: z.boolean(), findings: z.array(ZPlaybookFinding) });
export type TPlaybookValidationDto = z.infer<typeof ZPlaybookValidationDto>;

/** A page origin the widget loaded this playbook from (R8). */
export const ZPlaybookInstallDto = z.object({
  origin: z.string(),
  lastUrl: z.string(),
  firstSeenAt: z.number(),
  lastSeenAt: z.number(),
});
export type TPlaybookInstallDto = z.infer<typeof ZPlaybookInstallDto>;

export const ZPlaybookSummaryDto = z.object({
  id: z.string(),
  publicId: z.string(),
  name: z.string(),
  status: ZPlaybookStatus,
  /** Working-copy revision; +1 on every save. */
  revision: z.number(),
  /** The snapshot visitors get; null until first activated. */
  publishedRevision: z.number().nullable(),
  templateId: z.string().nullable(),
  language: ZLanguage,
  allowedOrigins: z.array(z.string()),
  installs: z.array(ZPlaybookInstallDto),
  /** The widget loaded it from a real page within the last 7 days. */
  embedded: z.boolean(),
  hasLiveChat: z.boolean(),
  /** Its live chat card can only take the offline path (R8): it has one and is not embedded. */
  liveChatOfflineOnly: z.boolean(),
  embedSnippet: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type TPlaybookSummaryDto = z.infer<typeof ZPlaybookSummaryDto>;

export const ZPlaybookDto = ZPlaybookSummaryDto.extend({
  document: ZPlaybookDocument,
  /** Validator findings for the working copy. */
  findings: z.array(ZPlaybookFinding),
  createdBy: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type TPlaybookDto = z.infer<typeof ZPlaybookDto>;

export const ZPlaybookTemplateDto = z.object({
  id: ZPlaybookTemplateId,
  name: z.record(ZLanguage, z.string()),
  description: z.record(ZLanguage, z.string()),
});
export type TPlaybookTemplateDto = z.infer<typeof ZPlaybookTemplateDto>;

export const ZWidgetConfigQuery = z.object({ pageUrl: z.string().max(2000).optional() });

/** What the widget loader needs before the visitor opens the chat (from the published revision). */
export const ZWidgetConfigDto = z.object({
  publicId: z.string(),
  revision: z.number(),
  language: ZLanguage,
  appearance: ZPlaybookAppearance,
  greeting: ZPlaybookTargeting.shape.greeting,
  liveChatOfflineOnly: z.boolean(),
  /** The launcher's words (open, close, dismiss) in the playbook's language (issue 23). */
  words: z.object({ open: z.string(), close: z.string(), dismiss: z.string() }).optional(),
  /** The install's privacy page (Settings → Privacy), linked in the widget's footer; null: none. */
  privacyUrl: z.string().nullable().optional(),
});
export type TWidgetConfigDto = z.infer<typeof ZWidgetConfigDto>;
