import type { TCrmLeadDto } from '@charla/protocol';
import { fromJsonColumn } from '../../../lib/json';
import { refOf, toMoney, type CrmRefNames } from '../shared/crm-dto';
import type { LeadRow } from './leads.store';

export function toLeadDto(row: LeadRow, refs: CrmRefNames): TCrmLeadDto {
  return {
    id: row.id,
    title: row.title,
    person: refOf(row.person_id, refs.persons),
    organization: refOf(row.organization_id, refs.organizations),
    value: toMoney(row.value_minor, row.currency),
    expectedCloseDate: row.expected_close_date,
    ownerId: row.owner_id,
    source: row.source,
    labels: fromJsonColumn<string[]>(row.labels, []),
    status: row.status,
    convertedDealId: row.converted_deal_id,
    version: Number(row.version),
    conversationIds: refs.conversations.get(row.id) ?? [],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
