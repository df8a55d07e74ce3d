import type { TCrmDealDto, TCrmLeadDto, TCrmOrganizationDto, TCrmPersonDto } from '@charla/protocol';
import { describe, expect, it } from 'vitest';
import { mirrorLinked } from './panel-linked';
import type { PanelFields } from './panel-fields';

const draft: PanelFields = {
  value: { amountMinor: 100, currency: 'EUR' },
  expectedCloseDate: '2026-01-01',
  person: { name: 'Draft name', email: 'draft@example.com', phone: '+34600000000' },
  organization: { name: 'Draft org', address: 'Draft street' },
  notes: 'draft notes',
};

describe('mirrorLinked (one source of truth)', () => {
  it('keeps the draft while no lead or deal exists', () => {
    expect(mirrorLinked(draft, null)).toBe(draft);
  });

  it('shows the deal over the lead, the person’s first email and phone, the organization, and keeps draft notes', () => {
    const lead = {
      value: { amountMinor: 5, currency: 'EUR' },
      expectedCloseDate: '2026-02-02',
    } as TCrmLeadDto;
    const deal = {
      value: { amountMinor: 1_200_000, currency: 'USD' },
      expectedCloseDate: '2026-12-24',
    } as TCrmDealDto;
    const person = {
      name: 'Lucía',
      emails: ['a@x.example', 'b@x.example'],
      phones: [],
    } as unknown as TCrmPersonDto;
    const organization = { name: 'Hamacas SL', address: null } as TCrmOrganizationDto;
    expect(mirrorLinked(draft, { lead, deal, person, organization })).toEqual({
      value: { amountMinor: 1_200_000, currency: 'USD' },
      expectedCloseDate: '2026-12-24',
      person: { name: 'Lucía', email: 'a@x.example', phone: null },
      organization: { name: 'Hamacas SL', address: null },
      notes: 'draft notes',
    });
    expect(mirrorLinked(draft, { lead, deal: null, person: null, organization: null })).toMatchObject({
      value: { amountMinor: 5 },
      expectedCloseDate: '2026-02-02',
      person: { name: null, email: null, phone: null },
      organization: { name: null, address: null },
    });
  });
});
