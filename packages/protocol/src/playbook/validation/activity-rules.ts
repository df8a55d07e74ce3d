import type { TFinding } from '../playbook-findings';
import { nodePath, type TRuleContext } from './rule-context';

/**
 * Rule 22: an end card's activity (R9, issue 18) has a subject, and belongs to something the card
 * creates — a person, an organization, a lead or a deal — so its owner knows whom it is about.
 */
export function activityFindings(ctx: TRuleContext): TFinding[] {
  const findings: TFinding[] = [];
  for (const node of ctx.doc.flow.nodes) {
    if (node.type !== 'end' || !node.crm.activity) continue;
    const { crm } = node;
    const activity = crm.activity;
    if (!activity) continue;
    if (activity.subjectTemplate.trim() === '') {
      findings.push({
        code: 'ACTIVITY_SUBJECT_EMPTY',
        severity: 'error',
        nodeId: node.id,
        path: nodePath(ctx, node.id, 'crm', 'activity', 'subjectTemplate'),
        message: 'The activity needs a subject.',
      });
    }
    const linked =
      crm.person.mode !== 'none' || crm.organization.mode !== 'none' || crm.record.kind !== 'none';
    if (!linked) {
      findings.push({
        code: 'ACTIVITY_NOT_LINKED',
        severity: 'error',
        nodeId: node.id,
        path: nodePath(ctx, node.id, 'crm', 'activity'),
        message:
          'The activity belongs to nothing: create a person, organization, lead or deal on this end card too.',
      });
    }
  }
  return findings;
}
