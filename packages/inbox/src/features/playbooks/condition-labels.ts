import type { TFunction } from 'i18next';
import type { TConditionInput, TConditionRule, TPlaybookNode, TPortSpec } from '@charla/protocol';

/** How a rule's input reads: `plan` (a variable), `visitor.plan` (an identify() attribute), Language, Page URL. */
export function conditionInputName(t: TFunction, input: TConditionInput): string {
  if (input.kind === 'variable') return input.key;
  if (input.kind === 'visitor_attribute') return `visitor.${input.key}`;
  return t(`playbooks.condition.inputs.${input.kind}`);
}

/** A rule in a few words, for its exit on the canvas: `visitor.plan = pro`, `budget is set`. */
export function ruleSummary(t: TFunction, rule: TConditionRule): string {
  const op = t(`playbooks.condition.short.${rule.operator}`, { defaultValue: rule.operator });
  const value = rule.operator === 'is_set' || rule.operator === 'is_not_set' ? '' : ` ${rule.value ?? ''}`;
  return `${conditionInputName(t, rule.input)} ${op}${value}`.trim();
}

/** The label of a card's exit in the UI language (answers keep their own text, rules their summary). */
export function portLabel(t: TFunction, node: TPlaybookNode, port: TPortSpec): string {
  if (port.kind === 'option') return port.label;
  if (port.kind === 'rule' && node.type === 'condition') {
    const rule = node.rules.find((r) => r.id === port.ruleId);
    return rule ? ruleSummary(t, rule) : port.label;
  }
  return t(`playbooks.ports.${port.kind}`);
}
