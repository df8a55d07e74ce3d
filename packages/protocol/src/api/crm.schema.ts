import { z } from 'zod';
import { crmActivityTypes } from './api-names';
import { ZId } from '../common';
import { ZRichText } from '../rich-text/rich-text.schema';
import {
  crmListQueryBase,
  ZCrmDate,
  ZCrmEmail,
  ZCrmMoney,
  ZCrmName,
  ZCrmPhone,
  ZCrmRef,
  ZCrmSource,
} from './crm-common.schema';

// Requests are strict objects: an unknown field (id, createdAt, source, status where not
// writable, …) is a VALIDATION_FAILED, so nothing can be mass-assigned.

const timestamps = { createdAt: z.number(), updatedAt: z.number() };
const optionalRef = ZId.nullable().optional();

/**
 * A record's version: every change adds one. A PATCH names the version it was made on and gets
 * 409 CONFLICT with the current record when someone else changed it meanwhile.
 */
export const ZCrmVersion = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const versioned = { version: ZCrmVersion };
/** The fields of a create request, all optional, plus the version the change was made on. */
function updateOf<T extends z.ZodRawShape>(create: z.ZodObject<T>) {
  return create.partial().extend(versioned).strict();
}
const ZCrmNotesText = z.string().trim().max(10_000);

// ── Organizations ───────────────────────────────────────────────────────────
export const ZCrmOrganizationDto = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  ownerId: z.string().nullable(),
  source: ZCrmSource,
  conversationIds: z.array(z.string()),
  ...versioned,
  ...timestamps,
});
export type TCrmOrganizationDto = z.infer<typeof ZCrmOrganizationDto>;

export const ZCreateCrmOrganizationRequest = z.strictObject({
  name: ZCrmName,
  address: z.string().trim().max(500).nullable().optional(),
  ownerId: optionalRef,
});
export type TCreateCrmOrganizationRequest = z.infer<typeof ZCreateCrmOrganizationRequest>;
export const ZUpdateCrmOrganizationRequest = updateOf(ZCreateCrmOrganizationRequest);
export type TUpdateCrmOrganizationRequest = z.infer<typeof ZUpdateCrmOrganizationRequest>;
export const ZListCrmOrganizationsQuery = z.strictObject({ ...crmListQueryBase });
export type TListCrmOrganizationsQuery = z.infer<typeof ZListCrmOrganizationsQuery>;

// ── Persons ─────────────────────────────────────────────────────────────────
export const ZCrmPersonDto = z.object({
  id: z.string(),
  name: z.string(),
  emails: z.array(z.string()),
  phones: z.array(z.string()),
  organization: ZCrmRef.nullable(),
  ownerId: z.string().nullable(),
  notes: z.string().nullable(),
  source: ZCrmSource,
  conversationIds: z.array(z.string()),
  ...versioned,
  ...timestamps,
});
export type TCrmPersonDto = z.infer<typeof ZCrmPersonDto>;

export const ZCreateCrmPersonRequest = z.strictObject({
  name: ZCrmName,
  emails: z.array(ZCrmEmail).max(10).optional(),
  phones: z.array(ZCrmPhone).max(10).optional(),
  organizationId: optionalRef,
  ownerId: optionalRef,
  notes: ZCrmNotesText.nullable().optional(),
});
export type TCreateCrmPersonRequest = z.infer<typeof ZCreateCrmPersonRequest>;
export const ZUpdateCrmPersonRequest = updateOf(ZCreateCrmPersonRequest);
export type TUpdateCrmPersonRequest = z.infer<typeof ZUpdateCrmPersonRequest>;
export const ZListCrmPersonsQuery = z.strictObject({
  ...crmListQueryBase,
  organizationId: ZId.optional(),
  ownerId: ZId.optional(),
});
export type TListCrmPersonsQuery = z.infer<typeof ZListCrmPersonsQuery>;

// ── Leads ───────────────────────────────────────────────────────────────────
export const ZCrmLeadStatus = z.enum(['open', 'converted', 'archived']);
export type TCrmLeadStatus = z.infer<typeof ZCrmLeadStatus>;
const ZCrmLabel = z.string().trim().min(1).max(40);

export const ZCrmLeadDto = z.object({
  id: z.string(),
  title: z.string(),
  person: ZCrmRef.nullable(),
  organization: ZCrmRef.nullable(),
  value: ZCrmMoney.nullable(),
  expectedCloseDate: z.string().nullable(),
  ownerId: z.string().nullable(),
  source: ZCrmSource,
  labels: z.array(z.string()),
  status: ZCrmLeadStatus,
  convertedDealId: z.string().nullable(),
  conversationIds: z.array(z.string()),
  ...versioned,
  ...timestamps,
});
export type TCrmLeadDto = z.infer<typeof ZCrmLeadDto>;

export const ZCreateCrmLeadRequest = z.strictObject({
  title: ZCrmName,
  personId: optionalRef,
  organizationId: optionalRef,
  value: ZCrmMoney.nullable().optional(),
  expectedCloseDate: ZCrmDate.nullable().optional(),
  ownerId: optionalRef,
  labels: z.array(ZCrmLabel).max(20).optional(),
});
export type TCreateCrmLeadRequest = z.infer<typeof ZCreateCrmLeadRequest>;
/** `converted` is reached only through the convert endpoint. */
export const ZUpdateCrmLeadRequest = updateOf(ZCreateCrmLeadRequest)
  .extend({ status: z.enum(['open', 'archived']).optional() })
  .strict();
export type TUpdateCrmLeadRequest = z.infer<typeof ZUpdateCrmLeadRequest>;
export const ZListCrmLeadsQuery = z.strictObject({
  ...crmListQueryBase,
  status: ZCrmLeadStatus.optional(),
  ownerId: ZId.optional(),
  personId: ZId.optional(),
  organizationId: ZId.optional(),
});
export type TListCrmLeadsQuery = z.infer<typeof ZListCrmLeadsQuery>;

/** The convert dialog: pipeline and stage, and the lead's values as the user confirmed or changed them. */
export const ZConvertCrmLeadRequest = z.strictObject({
  pipelineId: ZId.optional(),
  stageId: ZId.optional(),
  title: ZCrmName.optional(),
  value: ZCrmMoney.nullable().optional(),
  expectedCloseDate: ZCrmDate.nullable().optional(),
  personId: optionalRef,
  organizationId: optionalRef,
  /** The lead version the dialog showed: a lead changed meanwhile gets 409 CONFLICT. */
  version: ZCrmVersion.optional(),
});
export type TConvertCrmLeadRequest = z.infer<typeof ZConvertCrmLeadRequest>;

// ── Deals ───────────────────────────────────────────────────────────────────
export const ZCrmDealStatus = z.enum(['open', 'won', 'lost']);
export type TCrmDealStatus = z.infer<typeof ZCrmDealStatus>;

export const ZCrmDealDto = z.object({
  id: z.string(),
  title: z.string(),
  value: ZCrmMoney.nullable(),
  expectedCloseDate: z.string().nullable(),
  pipelineId: z.string(),
  stage: ZCrmRef,
  status: ZCrmDealStatus,
  /** Why a lost deal was lost; null otherwise. */
  lostReason: z.string().nullable(),
  person: ZCrmRef.nullable(),
  organization: ZCrmRef.nullable(),
  ownerId: z.string().nullable(),
  source: ZCrmSource,
  leadId: z.string().nullable(),
  conversationIds: z.array(z.string()),
  ...versioned,
  ...timestamps,
});
export type TCrmDealDto = z.infer<typeof ZCrmDealDto>;

/** Without pipeline and stage, the deal goes to the first stage of the default pipeline. */
export const ZCreateCrmDealRequest = z.strictObject({
  title: ZCrmName,
  value: ZCrmMoney.nullable().optional(),
  expectedCloseDate: ZCrmDate.nullable().optional(),
  pipelineId: ZId.optional(),
  stageId: ZId.optional(),
  status: ZCrmDealStatus.optional(),
  lostReason: z.string().trim().max(500).nullable().optional(),
  personId: optionalRef,
  organizationId: optionalRef,
  ownerId: optionalRef,
});
export type TCreateCrmDealRequest = z.infer<typeof ZCreateCrmDealRequest>;
export const ZUpdateCrmDealRequest = updateOf(ZCreateCrmDealRequest);
export type TUpdateCrmDealRequest = z.infer<typeof ZUpdateCrmDealRequest>;
export const ZListCrmDealsQuery = z.strictObject({
  ...crmListQueryBase,
  status: ZCrmDealStatus.optional(),
  ownerId: ZId.optional(),
  pipelineId: ZId.optional(),
  stageId: ZId.optional(),
  personId: ZId.optional(),
  organizationId: ZId.optional(),
});
export type TListCrmDealsQuery = z.infer<typeof ZListCrmDealsQuery>;

// ── Activities ──────────────────────────────────────────────────────────────
export const ZCrmActivityType = z.enum(crmActivityTypes);
export type TCrmActivityType = z.infer<typeof ZCrmActivityType>;

const activityLinks = {
  personId: optionalRef,
  organizationId: optionalRef,
  leadId: optionalRef,
  dealId: optionalRef,
};

const ZDueQueryTime = z.coerce.number().int().min(0).max(8.64e15);

export const ZCrmActivityDto = z.object({
  id: z.string(),
  type: ZCrmActivityType,
  subject: z.string(),
  dueAt: z.number().nullable(),
  done: z.boolean(),
  assigneeId: z.string().nullable(),
  personId: z.string().nullable(),
  organizationId: z.string().nullable(),
  leadId: z.string().nullable(),
  dealId: z.string().nullable(),
  note: z.string().nullable(),
  source: ZCrmSource,
  ...versioned,
  ...timestamps,
});
export type TCrmActivityDto = z.infer<typeof ZCrmActivityDto>;

export const ZCreateCrmActivityRequest = z.strictObject({
  type: ZCrmActivityType,
  subject: ZCrmName,
  dueAt: z.number().int().min(0).max(8.64e15).nullable().optional(),
  done: z.boolean().optional(),
  assigneeId: optionalRef,
  note: ZCrmNotesText.nullable().optional(),
  ...activityLinks,
});
export type TCreateCrmActivityRequest = z.infer<typeof ZCreateCrmActivityRequest>;
export const ZUpdateCrmActivityRequest = updateOf(ZCreateCrmActivityRequest);
export type TUpdateCrmActivityRequest = z.infer<typeof ZUpdateCrmActivityRequest>;
export const ZListCrmActivitiesQuery = z.strictObject({
  ...crmListQueryBase,
  type: ZCrmActivityType.optional(),
  done: z.enum(['true', 'false']).optional(),
  assigneeId: ZId.optional(),
  personId: ZId.optional(),
  organizationId: ZId.optional(),
  leadId: ZId.optional(),
  dealId: ZId.optional(),
  /** Due at or after this time (ms); with `dueBefore`, the "My activities" windows. */
  dueFrom: ZDueQueryTime.optional(),
  /** Due before this time (ms). */
  dueBefore: ZDueQueryTime.optional(),
  /** Only activities with no due date ("My activities" lists them in their own group). */
  undated: z.enum(['true']).optional(),
});
export type TListCrmActivitiesQuery = z.infer<typeof ZListCrmActivitiesQuery>;

// ── Notes ───────────────────────────────────────────────────────────────────
export const ZCrmNoteDto = z.object({
  id: z.string(),
  body: ZRichText,
  authorId: z.string().nullable(),
  personId: z.string().nullable(),
  organizationId: z.string().nullable(),
  leadId: z.string().nullable(),
  dealId: z.string().nullable(),
  conversationId: z.string().nullable(),
  ...timestamps,
});
export type TCrmNoteDto = z.infer<typeof ZCrmNoteDto>;

export const ZCreateCrmNoteRequest = z.strictObject({
  body: ZRichText,
  ...activityLinks,
  conversationId: optionalRef,
});
export type TCreateCrmNoteRequest = z.infer<typeof ZCreateCrmNoteRequest>;
export const ZUpdateCrmNoteRequest = ZCreateCrmNoteRequest.partial();
export type TUpdateCrmNoteRequest = z.infer<typeof ZUpdateCrmNoteRequest>;
export const ZListCrmNotesQuery = z.strictObject({
  ...crmListQueryBase,
  personId: ZId.optional(),
  organizationId: ZId.optional(),
  leadId: ZId.optional(),
  dealId: ZId.optional(),
  conversationId: ZId.optional(),
});
export type TListCrmNotesQuery = z.infer<typeof ZListCrmNotesQuery>;

export const ZConvertCrmLeadResponse = z.object({ lead: ZCrmLeadDto, deal: ZCrmDealDto });
export type TConvertCrmLeadResponse = z.infer<typeof ZConvertCrmLeadResponse>;
