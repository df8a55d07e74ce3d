import { branching, rule, setting } from '../condition.fixtures';
import type { TPlaybookFindingCode } from '../playbook-findings';

type TCase = { failing: () => unknown; passing: () => unknown };

/** One failing and one passing document per rule 20–21 finding (used by validate-playbook.test.ts). */
export const conditionCases: Record<
  Extract<TPlaybookFindingCode, `CONDITION_${string}` | `SET_VARIABLE_${string}`>,
  TCase
> = {
  CONDITION_NO_RULES: {
    failing: () => branching([]),
    passing: () => branching([rule('pro', 'equals', 'pro')]),
  },
  CONDITION_OPERATOR_UNKNOWN: {
    failing: () => branching([rule('pro', 'matches', 'pro')]),
    passing: () => branching([rule('pro', 'not_equals', 'pro')]),
  },
  CONDITION_VALUE_MISSING: {
    failing: () => branching([rule('pro', 'contains', ' ')]),
    passing: () => branching([rule('pro', 'contains', 'pro'), rule('any', 'is_set')]),
  },
  CONDITION_VALUE_NOT_NUMBER: {
    failing: () =>
      branching([rule('big', 'greater_than', 'ten', { kind: 'visitor_attribute', key: 'seats' })]),
    passing: () =>
      branching([rule('big', 'greater_than', '10', { kind: 'visitor_attribute', key: 'seats' })]),
  },
  CONDITION_OTHERWISE_UNCONNECTED: {
    failing: () => branching([rule('pro', 'equals', 'pro')], { otherwise: false }),
    passing: () => branching([rule('pro', 'equals', 'pro')]),
  },
  SET_VARIABLE_NAME_EMPTY: {
    failing: () => setting('', 'hi'),
    passing: () => setting('greeting', 'hi'),
  },
  SET_VARIABLE_NOT_WRITABLE: {
    failing: () => setting('page_url', 'https://example.com', 'Hello'),
    passing: () => setting('greeting', 'You came from {{page_url}}', 'Hello {{greeting}}'),
  },
};
