import { z } from 'zod';
import { ZCrmMoney, ZCrmRef } from './crm-common.schema';

/** The records that keep a change history. */
export const ZCrmHistoryEntity = z.enum(['persons', 'organizations', 'leads', 'deals', 'activities']);
export type TCrmHistoryEntity = z.infer<typeof ZCrmHistoryEntity>;

/** A field's value as the history shows it: referenced records and users come with their name. */
export const ZCrmChangeValue = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.string()),
  ZCrmMoney,
  ZCrmRef,
]);
export type TCrmChangeValue = z.infer<typeof ZCrmChangeValue>;

/** One field of one record changed by one PATCH: who, when, which field, from → to. */
export const ZCrmChangeDto = z.object({
  id: z.string(),
  field: z.string().meta({ description: 'The DTO field that changed (title, value, stage, ownerId, …)' }),
  from: ZCrmChangeValue,
  to: ZCrmChangeValue,
  by: ZCrmRef.nullable().meta({ description: 'The user who made the change; null for the system' }),
  at: z.number(),
  /** The record's version this change produced. */
  version: z.number(),
});
export type TCrmChangeDto = z.infer<typeof ZCrmChangeDto>;

export const ZCrmHistoryQuery = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
export type TCrmHistoryQuery = z.infer<typeof ZCrmHistoryQuery>;
