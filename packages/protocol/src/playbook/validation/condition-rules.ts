import {
  isConditionOperator,
  NUMBER_OPERATORS,
  VALUE_OPERATORS,
  type TConditionNode,
  type TSetVariableNode,
} from '../condition.schema';
import { OTHERWISE_PORT, parseConditionNumber } from '../condition-eval';
import type { TFinding } from '../playbook-findings';
import { CONTEXT_VARIABLE_KEYS } from '../system-variables';
import { nodePath, type TRuleContext } from './rule-context';

function ruleFindings(ctx: TRuleContext, node: TConditionNode): TFinding[] {
  const findings: TFinding[] = [];
  const seen = new Set<string>();
  node.rules.forEach((rule, r) => {
    const at = (...field: string[]) => nodePath(ctx, node.id, 'rules', String(r), ...field);
    const base = { severity: 'error' as const, nodeId: node.id };
    if (seen.has(rule.id)) {
      findings.push({
        ...base,
        code: 'DUPLICATE_ID',
        path: at('id'),
        message: `Two rules of this condition have the id "${rule.id}".`,
      });
    }
    seen.add(rule.id);
    if (!isConditionOperator(rule.operator)) {
      findings.push({
        ...base,
        code: 'CONDITION_OPERATOR_UNKNOWN',
        path: at('operator'),
        message: `Rule ${r + 1} uses an unknown operator "${rule.operator}".`,
      });
      return;
    }
    const value = rule.value?.trim() ?? '';
    if (VALUE_OPERATORS.includes(rule.operator) && value === '') {
      findings.push({
        ...base,
        code: 'CONDITION_VALUE_MISSING',
        path: at('value'),
        message: `Rule ${r + 1} needs a value to compare with.`,
      });
    } else if (NUMBER_OPERATORS.includes(rule.operator) && parseConditionNumber(value) === null) {
      findings.push({
        ...base,
        code: 'CONDITION_VALUE_NOT_NUMBER',
        path: at('value'),
        message: `Rule ${r + 1} compares numbers, but "${value}" is not a number.`,
      });
    }
  });
  return findings;
}

function conditionFindings(ctx: TRuleContext, node: TConditionNode): TFinding[] {
  const findings: TFinding[] = [];
  if (node.rules.length === 0) {
    findings.push({
      code: 'CONDITION_NO_RULES',
      severity: 'error',
      nodeId: node.id,
      path: nodePath(ctx, node.id, 'rules'),
      message: 'A condition card needs at least one rule.',
    });
  }
  findings.push(...ruleFindings(ctx, node));
  if ((ctx.graph.unconnected.get(node.id) ?? []).some((p) => p.name === OTHERWISE_PORT)) {
    findings.push({
      code: 'CONDITION_OTHERWISE_UNCONNECTED',
      severity: 'error',
      nodeId: node.id,
      port: OTHERWISE_PORT,
      path: nodePath(ctx, node.id),
      message: 'Connect the "otherwise" exit, taken when no rule holds.',
    });
  }
  return findings;
}

function setVariableFindings(ctx: TRuleContext, node: TSetVariableNode): TFinding[] {
  if (node.variable === '') {
    return [
      {
        code: 'SET_VARIABLE_NAME_EMPTY',
        severity: 'error',
        nodeId: node.id,
        path: nodePath(ctx, node.id, 'variable'),
        message: 'Choose the variable this card sets.',
      },
    ];
  }
  if (!(CONTEXT_VARIABLE_KEYS as readonly string[]).includes(node.variable)) return [];
  return [
    {
      code: 'SET_VARIABLE_NOT_WRITABLE',
      severity: 'error',
      nodeId: node.id,
      path: nodePath(ctx, node.id, 'variable'),
      message: `"${node.variable}" comes from the page and cannot be set by a card.`,
    },
  ];
}

/**
 * Rule 20: a condition has at least one rule, each with a known operator and, where it compares,
 * a value (a number for greater/less than), and its `otherwise` exit is connected.
 * Rule 21: a set variable card names a variable that cards may write (declared: rule 13).
 */
export function conditionAndSetFindings(ctx: TRuleContext): TFinding[] {
  const findings: TFinding[] = [];
  for (const id of ctx.graph.nodeIds) {
    const node = ctx.graph.nodes.get(id);
    if (node?.type === 'condition') findings.push(...conditionFindings(ctx, node));
    if (node?.type === 'set_variable') findings.push(...setVariableFindings(ctx, node));
  }
  return findings;
}
