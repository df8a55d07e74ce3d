import { playbookTemplates, type TPlaybookDocument } from '@charla/protocol';
import { describe, expect, it } from 'vitest';
import { crmOwnerFindings, fixedOwnerIds } from './crm-owner-findings';

const OWNER = '01920000-0000-7000-8000-000000000001';

function withOwner(userId: string): TPlaybookDocument {
  const doc = playbookTemplates.blank.build('en');
  const nodes = doc.flow.nodes.map((n) =>
    n.type === 'end' ? { ...n, crm: { ...n.crm, owner: { strategy: 'fixed' as const, userId } } } : n,
  );
  return { ...doc, flow: { ...doc.flow, nodes } };
}

describe('crmOwnerFindings', () => {
  it('accepts unassigned owners and active fixed owners', () => {
    expect(crmOwnerFindings(playbookTemplates.blank.build('en'), new Set())).toEqual([]);
    expect(crmOwnerFindings(withOwner(OWNER), new Set([OWNER]))).toEqual([]);
  });

  it('reports a fixed owner that is not an active user on its end card', () => {
    expect(fixedOwnerIds(withOwner(OWNER))).toEqual([OWNER]);
    expect(crmOwnerFindings(withOwner(OWNER), new Set())).toEqual([
      expect.objectContaining({ code: 'CRM_OWNER_UNKNOWN', severity: 'error', nodeId: 'end' }),
    ]);
  });
});
