import type { TCrmOrganizationDto } from '@charla/protocol';
import type { CrmRefNames } from '../shared/crm-dto';
import type { OrganizationRow } from './organizations.store';

export function toOrganizationDto(row: OrganizationRow, refs: CrmRefNames): TCrmOrganizationDto {
  return {
    id: row.id,
    name: row.name,
    address: row.address,
    ownerId: row.owner_id,
    version: Number(row.version),
    source: row.source,
    conversationIds: refs.conversations.get(row.id) ?? [],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
