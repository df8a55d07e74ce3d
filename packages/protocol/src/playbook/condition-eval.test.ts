import { describe, expect, it } from 'vitest';
import { conditionNode, rule } from './condition.fixtures';
import type { TConditionInput } from './condition.schema';
import {
  conditionExit,
  conditionInputValue,
  evaluateConditionRule,
  parseConditionNumber,
} from './condition-eval';

const plan: TConditionInput = { kind: 'visitor_attribute', key: 'plan' };
const seats: TConditionInput = { kind: 'visitor_attribute', key: 'seats' };
const budget: TConditionInput = { kind: 'variable', key: 'budget' };
const vars = {
  'visitor.plan': 'Pro',
  'visitor.seats': '12',
  'visitor.blank': '   ',
  budget: ' 2500.50 ',
  locale: 'es-MX',
  page_url: 'https://shop.example/pricing?x=1',
};

function holds(operator: string, value: string | undefined, input: TConditionInput = plan): boolean {
  return evaluateConditionRule(rule('r', operator, value, input), vars);
}

describe('parseConditionNumber', () => {
  it('reads numbers written as text, with a dot as the only decimal separator', () => {
    expect(parseConditionNumber('12')).toBe(12);
    expect(parseConditionNumber(' -3.5 ')).toBe(-3.5);
    expect(parseConditionNumber('1e3')).toBe(1000);
    expect(parseConditionNumber('.5')).toBe(0.5);
    for (const text of ['', ' ', '1,5', '12 seats', '0x10', 'Infinity', 'NaN', '1e999', undefined])
      expect(parseConditionNumber(text), String(text)).toBeNull();
  });
});

describe('conditionInputValue', () => {
  it('reads a variable, an identify() attribute, the language and the page URL', () => {
    expect(conditionInputValue(budget, vars)).toBe(' 2500.50 ');
    expect(conditionInputValue(plan, vars)).toBe('Pro');
    expect(conditionInputValue({ kind: 'language' }, vars)).toBe('es-MX');
    expect(conditionInputValue({ kind: 'page_url' }, vars)).toBe('https://shop.example/pricing?x=1');
    expect(conditionInputValue({ kind: 'visitor_attribute', key: 'missing' }, vars)).toBeUndefined();
    expect(conditionInputValue({ kind: 'variable', key: 'constructor' }, vars)).toBeUndefined();
  });
});

describe('evaluateConditionRule', () => {
  it('equals: ignores case and surrounding spaces, compares numbers as numbers', () => {
    expect(holds('equals', 'pro')).toBe(true);
    expect(holds('equals', ' PRO ')).toBe(true);
    expect(holds('equals', 'free')).toBe(false);
    expect(holds('equals', 'pr')).toBe(false);
    expect(holds('equals', '12.0', seats)).toBe(true);
    expect(holds('equals', '2500.5', budget)).toBe(true);
  });

  it('not equals: the opposite of equals, and holds when the input is not set', () => {
    expect(holds('not_equals', 'pro')).toBe(false);
    expect(holds('not_equals', 'free')).toBe(true);
    expect(holds('not_equals', 'pro', { kind: 'visitor_attribute', key: 'missing' })).toBe(true);
  });

  it('contains: a case-insensitive substring', () => {
    expect(holds('contains', 'RO')).toBe(true);
    expect(holds('contains', '/pricing', { kind: 'page_url' })).toBe(true);
    expect(holds('contains', '/checkout', { kind: 'page_url' })).toBe(false);
  });

  it('is set / is not set: an empty or blank input is not set', () => {
    expect(holds('is_set', undefined)).toBe(true);
    expect(holds('is_not_set', undefined)).toBe(false);
    for (const key of ['missing', 'blank']) {
      const input: TConditionInput = { kind: 'visitor_attribute', key };
      expect(holds('is_set', undefined, input), key).toBe(false);
      expect(holds('is_not_set', undefined, input), key).toBe(true);
    }
  });

  it('greater / less than: numbers given as strings, false when either side is not a number', () => {
    expect(holds('greater_than', '10', seats)).toBe(true);
    expect(holds('greater_than', '12', seats)).toBe(false);
    expect(holds('less_than', '12.5', seats)).toBe(true);
    expect(holds('less_than', '3', seats)).toBe(false);
    expect(holds('greater_than', '1000', budget)).toBe(true);
    expect(holds('greater_than', '1', plan)).toBe(false);
    expect(holds('less_than', '1', plan)).toBe(false);
    expect(holds('greater_than', 'ten', seats)).toBe(false);
  });

  it('a missing input never equals, contains or compares', () => {
    const missing: TConditionInput = { kind: 'variable', key: 'never_set' };
    for (const op of ['equals', 'contains', 'greater_than', 'less_than'])
      expect(holds(op, '1', missing), op).toBe(false);
  });

  it('language: "es" matches a visitor in es-MX, "es-MX" exactly, never "e" or "pt"', () => {
    const language: TConditionInput = { kind: 'language' };
    expect(holds('equals', 'es', language)).toBe(true);
    expect(holds('equals', 'ES-mx', language)).toBe(true);
    expect(holds('equals', 'e', language)).toBe(false);
    expect(holds('equals', 'pt', language)).toBe(false);
    expect(holds('not_equals', 'pt', language)).toBe(true);
  });

  it('an unknown operator never holds', () => {
    expect(holds('matches', 'pro')).toBe(false);
  });
});

describe('conditionExit', () => {
  const node = conditionNode('c', [
    rule('big', 'greater_than', '10', seats),
    rule('pro', 'equals', 'pro'),
    rule('free', 'equals', 'free'),
  ]);

  it('takes the first rule that holds, in order', () => {
    expect(conditionExit(node, vars)).toBe('rule:big');
    expect(conditionExit(node, { ...vars, 'visitor.seats': '2' })).toBe('rule:pro');
    expect(conditionExit(node, { 'visitor.plan': 'free' })).toBe('rule:free');
  });

  it('takes otherwise when no rule holds, or there are none', () => {
    expect(conditionExit(node, { 'visitor.plan': 'team' })).toBe('otherwise');
    expect(conditionExit(node, {})).toBe('otherwise');
    expect(conditionExit(conditionNode('c', []), vars)).toBe('otherwise');
  });
});
