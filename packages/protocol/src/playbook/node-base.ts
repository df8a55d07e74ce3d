import { z } from 'zod';
import { MAX_CARD_TITLE_CHARS } from './playbook-limits';

/** Node, edge and option ids: short, URL- and port-name-safe. */
export const ZPlaybookElementId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'Use 1–64 letters, digits, "_" or "-"');

/** Variable keys as used in `{{key}}` templates (and the keys of identify() attributes). */
export const ZVariableKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'Use a lowercase letter, then a–z, 0–9 or "_"');

const ZNodeUi = z.strictObject({ x: z.number(), y: z.number(), collapsed: z.boolean().optional() });

/** The fields every card has. */
export const nodeBase = {
  id: ZPlaybookElementId,
  /** Editor-only title of the card. */
  label: z.string().max(MAX_CARD_TITLE_CHARS).optional(),
  /** Layout only; never affects meaning. */
  ui: ZNodeUi.optional(),
};
