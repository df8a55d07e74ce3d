import type { TCrmDealDto } from '@charla/protocol';
import { refOf, toMoney, type CrmRefNames } from '../shared/crm-dto';
import type { DealRow } from './deals.store';

export function toDealDto(row: DealRow, refs: CrmRefNames): TCrmDealDto {
  return {
    id: row.id,
    title: row.title,
    value: toMoney(row.value_minor, row.currency),
    expectedCloseDate: row.expected_close_date,
    pipelineId: row.pipeline_id,
    stage: { id: row.stage_id, name: refs.stages.get(row.stage_id) ?? '' },
    status: row.status,
    lostReason: row.lost_reason,
    person: refOf(row.person_id, refs.persons),
    organization: refOf(row.organization_id, refs.organizations),
    ownerId: row.owner_id,
    source: row.source,
    leadId: row.lead_id,
    version: Number(row.version),
    conversationIds: refs.conversations.get(row.id) ?? [],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
