import { describe, expect, it } from 'vitest';
import type { TResolvedCrmActions } from '@charla/protocol';
import { crmItems } from './preview-run';

const none: TResolvedCrmActions = {
  person: { mode: 'none' },
  organization: { mode: 'none' },
  record: { kind: 'none' },
  owner: { strategy: 'unassigned' },
  saveTranscript: false,
};

describe('what the preview says the end card would create in the CRM', () => {
  it('lists the person by what was captured, the organization only with a company, the deal, the activity and the note', () => {
    const crm: TResolvedCrmActions = {
      person: { mode: 'upsert_by_email_or_phone' },
      organization: { mode: 'upsert_by_name' },
      record: { kind: 'deal', title: 'Ana (solar)', value: { amountMinor: 125000, currency: 'EUR' } },
      activity: { type: 'call', subject: 'Call Ana', dueInMinutes: 2880 },
      owner: { strategy: 'unassigned' },
      saveTranscript: true,
    };
    expect(crmItems(crm, { visitor_email: 'ana@example.com', company_name: ' Sol SL ' })).toEqual([
      { kind: 'person', name: 'ana@example.com' },
      { kind: 'organization', name: 'Sol SL' },
      { kind: 'deal', name: 'Ana (solar)', value: { amountMinor: 125000, currency: 'EUR' } },
      { kind: 'activity', name: 'Call Ana', dueInMinutes: 2880 },
      { kind: 'note', name: '' },
    ]);
    expect(crmItems(crm, {}).map((item) => item.kind)).toEqual(['person', 'deal', 'activity', 'note']);
  });

  it('says nothing for an end card that creates nothing, and names a lead by its title', () => {
    expect(crmItems(none, { visitor_name: 'Ana' })).toEqual([]);
    expect(crmItems({ ...none, record: { kind: 'lead', title: 'Ana (chat)' } }, {})).toEqual([
      { kind: 'lead', name: 'Ana (chat)' },
    ]);
  });
});
