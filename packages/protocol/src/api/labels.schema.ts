import { z } from 'zod';
import { labelColors, MAX_LABEL_NAME, type TLabelColor } from './label-palette';

export const ZLabelColor = z.enum(labelColors as [TLabelColor, ...TLabelColor[]]);

/** A label as a conversation shows it (a chip). */
export const ZLabelChip = z.object({ id: z.string(), name: z.string(), color: ZLabelColor });
export type TLabelChip = z.infer<typeof ZLabelChip>;

export const ZLabelDto = ZLabelChip.extend({ createdAt: z.number(), updatedAt: z.number() });
export type TLabelDto = z.infer<typeof ZLabelDto>;

/** Create or update a label. `color` is checked against the palette (LABEL_COLOR_UNKNOWN). */
export const ZLabelRequest = z.strictObject({
  name: z.string().trim().min(1).max(MAX_LABEL_NAME),
  color: z.string().max(32),
});
export type TLabelRequest = z.infer<typeof ZLabelRequest>;

export const ZAddConversationLabelRequest = z.strictObject({ labelId: z.string().min(1).max(64) });
export type TAddConversationLabelRequest = z.infer<typeof ZAddConversationLabelRequest>;
