import { z } from 'zod';
import { ZId } from '../common';
import { ZCrmName } from './crm-common.schema';

const timestamps = { createdAt: z.number(), updatedAt: z.number() };

// ── Pipelines and stages ────────────────────────────────────────────────────
/** A stage's win probability in percent: the board weighs open deal values by it. */
export const ZCrmProbability = z.number().int().min(0).max(100);
export const ZCrmStageDto = z.object({
  id: z.string(),
  pipelineId: z.string(),
  name: z.string(),
  position: z.number(),
  probability: ZCrmProbability,
});
export type TCrmStageDto = z.infer<typeof ZCrmStageDto>;
export const ZCrmPipelineDto = z.object({
  id: z.string(),
  name: z.string(),
  isDefault: z.boolean(),
  stages: z.array(ZCrmStageDto),
  ...timestamps,
});
export type TCrmPipelineDto = z.infer<typeof ZCrmPipelineDto>;

const ZCrmNewStage = z.strictObject({ name: ZCrmName, probability: ZCrmProbability.optional() });
export const ZCreateCrmPipelineRequest = z.strictObject({
  name: ZCrmName,
  stages: z.array(ZCrmNewStage).min(1).max(30),
  isDefault: z.boolean().optional(),
});
export type TCreateCrmPipelineRequest = z.infer<typeof ZCreateCrmPipelineRequest>;
/** `isDefault: true` makes this the default pipeline; a default cannot be unset directly. */
export const ZUpdateCrmPipelineRequest = z.strictObject({
  name: ZCrmName.optional(),
  isDefault: z.literal(true).optional(),
});
export type TUpdateCrmPipelineRequest = z.infer<typeof ZUpdateCrmPipelineRequest>;
/** `position` counts from 0; the stage goes there and the others shift (a reorder). */
export const ZCreateCrmStageRequest = ZCrmNewStage.extend({
  position: z.number().int().min(0).max(1000).optional(),
}).strict();
export type TCreateCrmStageRequest = z.infer<typeof ZCreateCrmStageRequest>;
export const ZUpdateCrmStageRequest = ZCreateCrmStageRequest.partial().strict();
export type TUpdateCrmStageRequest = z.infer<typeof ZUpdateCrmStageRequest>;
/**
 * Deleting a stage or pipeline that still holds deals names where they go: a stage of the same
 * pipeline (stage delete) or of another pipeline (pipeline delete).
 */
export const ZCrmDeleteStageQuery = z.strictObject({ moveDealsTo: ZId.optional() });
export type TCrmDeleteStageQuery = z.infer<typeof ZCrmDeleteStageQuery>;
