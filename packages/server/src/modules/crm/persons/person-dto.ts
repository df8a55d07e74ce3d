import type { TCrmPersonDto } from '@charla/protocol';
import { fromJsonColumn } from '../../../lib/json';
import { refOf, type CrmRefNames } from '../shared/crm-dto';
import type { PersonRow } from './persons.store';

export function toPersonDto(row: PersonRow, refs: CrmRefNames): TCrmPersonDto {
  return {
    id: row.id,
    name: row.name,
    emails: fromJsonColumn<string[]>(row.emails, []),
    phones: fromJsonColumn<string[]>(row.phones, []),
    organization: refOf(row.organization_id, refs.organizations),
    ownerId: row.owner_id,
    notes: row.notes,
    version: Number(row.version),
    source: row.source,
    conversationIds: refs.conversations.get(row.id) ?? [],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
