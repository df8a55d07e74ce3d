import { z } from 'zod';
import { nodeBase, ZPlaybookElementId, ZVariableKey } from './node-base';

/** At most this many rules per condition card (each is an exit). */
export const MAX_CONDITION_RULES = 10;
export const MAX_CONDITION_VALUE_CHARS = 200;
export const MAX_SET_VARIABLE_VALUE_CHARS = 1000;

/**
 * What a condition rule looks at: a playbook variable (captured, set, or a system one), a custom
 * attribute the host page passed to `Charla.identify()` (issue 24), the visitor's language, or the
 * URL of the page the chat started on.
 */
export const ZConditionInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('variable'), key: ZVariableKey }),
  z.strictObject({ kind: z.literal('visitor_attribute'), key: ZVariableKey }),
  z.strictObject({ kind: z.literal('language') }),
  z.strictObject({ kind: z.literal('page_url') }),
]);
export type TConditionInput = z.infer<typeof ZConditionInput>;
export type TConditionInputKind = TConditionInput['kind'];

export const CONDITION_OPERATORS = [
  'equals',
  'not_equals',
  'contains',
  'is_set',
  'is_not_set',
  'greater_than',
  'less_than',
] as const;
export type TConditionOperator = (typeof CONDITION_OPERATORS)[number];
/** Operators that compare with `value` (the others only look at whether the input is set). */
export const VALUE_OPERATORS: readonly TConditionOperator[] = [
  'equals',
  'not_equals',
  'contains',
  'greater_than',
  'less_than',
];
export const NUMBER_OPERATORS: readonly TConditionOperator[] = ['greater_than', 'less_than'];

/** True when `operator` is one the runtime knows. */
export function isConditionOperator(operator: string): operator is TConditionOperator {
  return (CONDITION_OPERATORS as readonly string[]).includes(operator);
}

/**
 * One rule of a condition card. `operator` is any short string here so that an unknown one is a
 * CONDITION_OPERATOR_UNKNOWN finding on the card (rule 20), not an opaque parse error.
 */
export const ZConditionRule = z.strictObject({
  id: ZPlaybookElementId,
  input: ZConditionInput,
  operator: z.string().min(1).max(40),
  value: z.string().max(MAX_CONDITION_VALUE_CHARS).optional(),
});
export type TConditionRule = z.infer<typeof ZConditionRule>;

/** Branches: the first rule that holds picks its exit `rule:<id>`; none holds → `otherwise`. */
export const ZConditionNode = z.strictObject({
  ...nodeBase,
  type: z.literal('condition'),
  rules: z.array(ZConditionRule).max(MAX_CONDITION_RULES),
});
export type TConditionNode = z.infer<typeof ZConditionNode>;

/**
 * Sets a playbook variable to `value` (literal text or a `{{variable}}` template), then goes on.
 * An empty `variable` is a SET_VARIABLE_NAME_EMPTY finding (rule 21), so drafts still save.
 */
export const ZSetVariableNode = z.strictObject({
  ...nodeBase,
  type: z.literal('set_variable'),
  variable: z.string().trim().max(40),
  value: z.string().max(MAX_SET_VARIABLE_VALUE_CHARS),
});
export type TSetVariableNode = z.infer<typeof ZSetVariableNode>;
