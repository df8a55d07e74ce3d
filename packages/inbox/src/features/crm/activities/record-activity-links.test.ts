import { describe, expect, it } from 'vitest';
import type { CrmDtoOf, CrmEntity } from '../crm-api';
import { recordActivityLinks } from './record-activity-links';

const ref = (id: string) => ({ id, name: id });

describe('recordActivityLinks', () => {
  it.each<[CrmEntity, Record<string, unknown>, unknown]>([
    ['persons', { id: 'p1', organization: ref('o1') }, { personId: 'p1' }],
    ['organizations', { id: 'o1' }, { organizationId: 'o1' }],
    ['leads', { id: 'l1', person: null, organization: null }, { leadId: 'l1' }],
    [
      'leads',
      { id: 'l1', person: ref('p1'), organization: ref('o1') },
      { leadId: 'l1', personId: 'p1', organizationId: 'o1' },
    ],
    ['deals', { id: 'd1', person: ref('p1'), organization: null }, { dealId: 'd1', personId: 'p1' }],
    ['deals', { id: 'd1', person: null, organization: ref('o1') }, { dealId: 'd1', organizationId: 'o1' }],
    ['activities', { id: 'a1', personId: 'p1' }, null],
  ])('links an activity added on a %s page to %j → %j', (entity, item, links) => {
    expect(recordActivityLinks(entity, item as unknown as CrmDtoOf[CrmEntity])).toEqual(links);
  });
});
