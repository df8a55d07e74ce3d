import { captureNode, endNode, LEAD_CRM, makeDoc, messageNode, NO_CRM } from '../playbook.fixtures';
import type { TPlaybookCrmActions } from '../playbook.schema';
import type { TPlaybookFindingCode } from '../playbook-findings';

type TCase = { failing: () => unknown; passing: () => unknown };

/** An email captured, then an end card with `crm`. */
function ending(crm: TPlaybookCrmActions) {
  return makeDoc({
    nodes: [messageNode('hi'), captureNode('cap', 'email', 'visitor_email'), endNode('end', { crm })],
    links: [
      ['hi', 'next', 'cap'],
      ['cap', 'next', 'end'],
    ],
  });
}

const call = (subjectTemplate: string) => ({ type: 'call' as const, subjectTemplate, dueInMinutes: 1440 });

/** One failing and one passing document per rule 22 finding (used by validate-playbook.test.ts). */
export const activityCases: Record<Extract<TPlaybookFindingCode, `ACTIVITY_${string}`>, TCase> = {
  ACTIVITY_SUBJECT_EMPTY: {
    failing: () => ending({ ...LEAD_CRM, activity: call('  ') }),
    passing: () => ending({ ...LEAD_CRM, activity: call('Call {{visitor_email}}') }),
  },
  ACTIVITY_NOT_LINKED: {
    failing: () => ending({ ...NO_CRM, activity: call('Call back') }),
    passing: () =>
      ending({ ...NO_CRM, person: { mode: 'upsert_by_email_or_phone' }, activity: call('Call back') }),
  },
};
