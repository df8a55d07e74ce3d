import type { TCrmLeadDto } from '@charla/protocol';

/** A DTO-shaped lead for tests that emit `lead.created` directly (the same input, the same lead). */
export function leadFixture(id: string, title = 'Lead'): TCrmLeadDto {
  return {
    id,
    title,
    person: null,
    organization: null,
    value: null,
    expectedCloseDate: null,
    ownerId: null,
    source: 'manual',
    labels: [],
    status: 'open',
    convertedDealId: null,
    conversationIds: [],
    version: 1,
    createdAt: 0,
    updatedAt: 0,
  };
}
