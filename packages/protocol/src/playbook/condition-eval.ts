import { ATTRIBUTE_VAR_PREFIX } from './attribute-vars';
import {
  isConditionOperator,
  type TConditionInput,
  type TConditionNode,
  type TConditionRule,
} from './condition.schema';

/** Exit of a condition rule. */
export function rulePort(ruleId: string): string {
  return `rule:${ruleId}`;
}
export const OTHERWISE_PORT = 'otherwise';

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A number written as text ("12", " 3.5 ", "-1e3"), or null. Only a dot is a decimal separator;
 * "1,5", "", "12 seats" and "0x10" are not numbers.
 */
export function parseConditionNumber(text: string | undefined): number | null {
  const trimmed = text?.trim() ?? '';
  if (!NUMBER.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

/** The value a rule looks at in the run's variables; undefined when it was never set. */
export function conditionInputValue(
  input: TConditionInput,
  vars: Readonly<Record<string, string>>,
): string | undefined {
  const key =
    input.kind === 'variable'
      ? input.key
      : input.kind === 'visitor_attribute'
        ? `${ATTRIBUTE_VAR_PREFIX}${input.key}`
        : input.kind === 'language'
          ? 'locale'
          : 'page_url';
  return Object.hasOwn(vars, key) ? vars[key] : undefined;
}

function fold(text: string): string {
  return text.normalize('NFC').trim().toLocaleLowerCase('en-US');
}

function isEqual(input: TConditionInput, actual: string, expected: string): boolean {
  const a = parseConditionNumber(actual);
  const b = parseConditionNumber(expected);
  if (a !== null && b !== null) return a === b;
  const left = fold(actual);
  const right = fold(expected);
  // "es" matches a visitor whose language is "es-MX".
  if (input.kind === 'language') return left === right || left.startsWith(`${right}-`);
  return left === right;
}

/**
 * Whether one rule holds. An input that is missing or only whitespace is "not set": `is_not_set`
 * and `not_equals` hold, every other operator does not. Text compares ignore case and surrounding
 * spaces; when both sides are numbers `equals` compares them as numbers ("12" = "12.0"); greater
 * and less than hold only when both sides are numbers. An unknown operator never holds.
 */
export function evaluateConditionRule(rule: TConditionRule, vars: Readonly<Record<string, string>>): boolean {
  const raw = conditionInputValue(rule.input, vars);
  const actual = raw !== undefined && raw.trim() !== '' ? raw : undefined;
  const expected = rule.value ?? '';
  if (!isConditionOperator(rule.operator)) return false;
  switch (rule.operator) {
    case 'is_set':
      return actual !== undefined;
    case 'is_not_set':
      return actual === undefined;
    case 'equals':
      return actual !== undefined && isEqual(rule.input, actual, expected);
    case 'not_equals':
      return actual === undefined || !isEqual(rule.input, actual, expected);
    case 'contains':
      return actual !== undefined && fold(actual).includes(fold(expected));
    case 'greater_than':
    case 'less_than': {
      const a = parseConditionNumber(actual);
      const b = parseConditionNumber(expected);
      if (a === null || b === null) return false;
      return rule.operator === 'greater_than' ? a > b : a < b;
    }
  }
}

/** The exit a condition card takes: the first rule that holds, in order, else `otherwise`. */
export function conditionExit(node: TConditionNode, vars: Readonly<Record<string, string>>): string {
  const rule = node.rules.find((r) => evaluateConditionRule(r, vars));
  return rule ? rulePort(rule.id) : OTHERWISE_PORT;
}
