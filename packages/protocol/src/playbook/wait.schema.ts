import { z } from 'zod';
import { nodeBase } from './node-base';

/** Pause of a wait card in seconds: [1, 60] (rule 24). */
export const WAIT_CARD_SECONDS = { min: 1, max: 60, default: 3 } as const;

/** Pauses the run for `seconds` before the next card; the server's deadline sweep resumes it. */
export const ZWaitNode = z.strictObject({
  ...nodeBase,
  type: z.literal('wait'),
  /** Range [1, 60] is a WAIT_OUT_OF_RANGE finding, not a parse error. */
  seconds: z.number().int(),
});
export type TWaitNode = z.infer<typeof ZWaitNode>;
