import type { TCaptureField, TCaptureNode, TVariableType } from '../playbook.schema';
import type { TFinding } from '../playbook-findings';
import { checkRegexPattern } from '../regex-pattern';
import { CONTEXT_VARIABLE_KEYS } from '../system-variables';
import type { TRuleContext } from './rule-context';

/** Variable types each capture field may write to (`custom` writes anything). */
const FIELD_TYPES: Record<TCaptureField, readonly TVariableType[]> = {
  name: ['text'],
  email: ['email'],
  phone: ['phone'],
  company: ['text'],
  custom: ['text', 'email', 'phone', 'number', 'choice'],
};

function isReadOnly(key: string): boolean {
  return (CONTEXT_VARIABLE_KEYS as readonly string[]).includes(key);
}

function validationKindProblem(node: TCaptureNode, varType: TVariableType | undefined): string | null {
  const kind = node.validation.kind;
  if (node.field === 'email' && kind !== 'email') return 'An email capture must use email validation.';
  if (node.field === 'phone' && kind !== 'phone') return 'A phone capture must use phone validation.';
  if (kind === 'email' && node.field !== 'email' && node.field !== 'custom') {
    return `Email validation does not suit a ${node.field} capture.`;
  }
  if (kind === 'phone' && node.field !== 'phone' && node.field !== 'custom') {
    return `Phone validation does not suit a ${node.field} capture.`;
  }
  if (varType === 'email' && kind !== 'email')
    return `"${node.saveTo}" holds emails, so this capture must use email validation.`;
  if (varType === 'phone' && kind !== 'phone')
    return `"${node.saveTo}" holds phone numbers, so this capture must use phone validation.`;
  return null;
}

/** Rule 12: captures write declared, writable variables of a fitting type with fitting validation. */
export function captureFindings(ctx: TRuleContext): TFinding[] {
  const findings: TFinding[] = [];
  ctx.doc.flow.nodes.forEach((node, i) => {
    const path = ['flow', 'nodes', String(i)];
    if (node.type === 'question') {
      const saveTo = node.answer.saveTo;
      const varType = saveTo === undefined ? undefined : ctx.declared.get(saveTo);
      if (saveTo === undefined || varType === undefined) return;
      let problem: string | null = null;
      if (isReadOnly(saveTo)) problem = `"${saveTo}" is set from the page and cannot be written.`;
      else if (varType === 'email' || varType === 'phone') {
        problem = `"${saveTo}" holds ${varType === 'email' ? 'emails' : 'phone numbers'}; use a capture card, which validates.`;
      }
      if (problem !== null) {
        findings.push({
          code: 'CAPTURE_VARIABLE_TYPE',
          severity: 'error',
          nodeId: node.id,
          path: [...path, 'answer', 'saveTo'],
          message: problem,
        });
      }
      return;
    }
    if (node.type !== 'capture') return;
    const varType = ctx.declared.get(node.saveTo);
    if (varType !== undefined) {
      let problem: string | null = null;
      if (isReadOnly(node.saveTo)) problem = `"${node.saveTo}" is set from the page and cannot be written.`;
      else if (!FIELD_TYPES[node.field].includes(varType)) {
        problem = `A ${node.field} capture cannot save to "${node.saveTo}", which is of type ${varType}.`;
      }
      if (problem !== null) {
        findings.push({
          code: 'CAPTURE_VARIABLE_TYPE',
          severity: 'error',
          nodeId: node.id,
          path: [...path, 'saveTo'],
          message: problem,
        });
      }
    }
    const kindProblem = validationKindProblem(node, varType);
    if (kindProblem !== null) {
      findings.push({
        code: 'CAPTURE_VALIDATION_KIND',
        severity: 'error',
        nodeId: node.id,
        path: [...path, 'validation', 'kind'],
        message: kindProblem,
      });
    }
    if (node.validation.kind === 'regex') {
      const check = checkRegexPattern(node.validation.pattern, node.validation.flags);
      if (!check.ok) {
        findings.push({
          code: 'REGEX_INVALID',
          severity: 'error',
          nodeId: node.id,
          path: [...path, 'validation', 'pattern'],
          message: check.message,
        });
      }
    }
  });
  return findings;
}
