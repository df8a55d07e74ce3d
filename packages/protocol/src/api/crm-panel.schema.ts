import { z } from 'zod';
import { ZCrmDate, ZCrmEmail, ZCrmMoney, ZCrmName, ZCrmPhone } from './crm-common.schema';
import {
  ZCrmDealDto,
  ZCrmDealStatus,
  ZCrmLeadDto,
  ZCrmLeadStatus,
  ZCrmOrganizationDto,
  ZCrmPersonDto,
} from './crm.schema';

const ZPanelText = (max: number) => z.string().trim().max(max);

/** What the side panel beside a conversation holds (R17); one record per conversation. */
export const ZConversationPanelFields = z.strictObject({
  value: ZCrmMoney.nullable().default(null),
  expectedCloseDate: ZCrmDate.nullable().default(null),
  person: z
    .strictObject({
      name: ZPanelText(200).nullable().default(null),
      email: ZCrmEmail.nullable().default(null),
      phone: ZCrmPhone.nullable().default(null),
    })
    .default({ name: null, email: null, phone: null }),
  organization: z
    .strictObject({
      name: ZPanelText(200).nullable().default(null),
      address: ZPanelText(500).nullable().default(null),
    })
    .default({ name: null, address: null }),
  notes: ZPanelText(10_000).default(''),
});
/** PUT replaces the whole panel: a missing field is stored empty. */
export const ZPutConversationPanelRequest = ZConversationPanelFields;
export type TPutConversationPanelRequest = z.infer<typeof ZPutConversationPanelRequest>;

export const ZPanelRecordRef = z.object({
  id: z.string(),
  title: z.string(),
  status: z.union([ZCrmLeadStatus, ZCrmDealStatus]),
});

/**
 * The CRM records a panel shows once a lead or deal exists (one source of truth): the latest
 * linked deal and lead, and their person and organization, each with its version for the
 * records' own PATCH.
 */
export const ZPanelLinkedRecords = z.object({
  lead: ZCrmLeadDto.nullable(),
  deal: ZCrmDealDto.nullable(),
  person: ZCrmPersonDto.nullable(),
  organization: ZCrmOrganizationDto.nullable(),
});
export type TPanelLinkedRecords = z.infer<typeof ZPanelLinkedRecords>;

export const ZConversationPanelDto = z.object({
  conversationId: z.string(),
  /** False while the panel was never saved: the fields are pre-filled from what the bot captured. */
  saved: z.boolean(),
  value: ZCrmMoney.nullable(),
  expectedCloseDate: z.string().nullable(),
  person: z.object({
    name: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
  }),
  organization: z.object({ name: z.string().nullable(), address: z.string().nullable() }),
  notes: z.string(),
  leads: z.array(ZPanelRecordRef),
  deals: z.array(ZPanelRecordRef),
  /**
   * Null while the panel is a draft (no lead or deal yet). Once one exists, value, close date,
   * person and organization above are the linked records' own values, and the panel edits them
   * through the records' versioned PATCH; `notes` stays the panel's draft.
   */
  linked: ZPanelLinkedRecords.nullable(),
  updatedAt: z.number().nullable(),
  updatedBy: z.string().nullable(),
});
export type TConversationPanelDto = z.infer<typeof ZConversationPanelDto>;

/** Create a lead or deal from the panel; `panel`, when given, is saved first. */
export const ZCreateFromPanelRequest = z.strictObject({
  title: ZCrmName.optional(),
  panel: ZConversationPanelFields.optional(),
});
export type TCreateFromPanelRequest = z.infer<typeof ZCreateFromPanelRequest>;

/** `another=true` creates one more record although the conversation already has one. */
export const ZCreateFromPanelQuery = z.strictObject({ another: z.enum(['true', 'false']).optional() });

export const ZPanelMatch = z.object({ person: z.boolean(), organization: z.boolean() });
export type TPanelMatch = z.infer<typeof ZPanelMatch>;

export const ZPanelLeadCreatedDto = z.object({
  lead: ZCrmLeadDto,
  matched: ZPanelMatch,
  panel: ZConversationPanelDto,
});
export type TPanelLeadCreatedDto = z.infer<typeof ZPanelLeadCreatedDto>;
export const ZPanelDealCreatedDto = z.object({
  deal: ZCrmDealDto,
  matched: ZPanelMatch,
  panel: ZConversationPanelDto,
});
export type TPanelDealCreatedDto = z.infer<typeof ZPanelDealCreatedDto>;
