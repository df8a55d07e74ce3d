import type { TCrmDealDto, TCrmLeadDto } from '@charla/protocol';
import type { CrmDtoOf, CrmEntity } from '../crm-api';
import type { ActivityLinks } from './activity-draft';

/**
 * What an activity added on a record's page is linked to: the record, and for a lead or a deal
 * also its person and organization (so it shows on their pages too); null where no activity is
 * added (an activity's own page).
 */
export function recordActivityLinks(entity: CrmEntity, item: CrmDtoOf[CrmEntity]): ActivityLinks | null {
  if (entity === 'persons') return { personId: item.id };
  if (entity === 'organizations') return { organizationId: item.id };
  if (entity !== 'leads' && entity !== 'deals') return null;
  const sale = item as TCrmLeadDto | TCrmDealDto;
  return {
    [entity === 'leads' ? 'leadId' : 'dealId']: item.id,
    ...(sale.person ? { personId: sale.person.id } : {}),
    ...(sale.organization ? { organizationId: sale.organization.id } : {}),
  };
}
