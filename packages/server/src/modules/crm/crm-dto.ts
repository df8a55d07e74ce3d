import type {
  TCrmActivityDto,
  TCrmCurrency,
  TCrmDealDto,
  TCrmLeadDto,
  TCrmMoney,
  TCrmNoteDto,
  TCrmOrganizationDto,
  TCrmPersonDto,
  TCrmPipelineDto,
  TCrmRef,
  TRichText,
} from '@charla/protocol';
import { fromJsonColumn } from '../../lib/json';
import type { ActivityRow } from './activities.store';
import type { DealRow } from './deals.store';
import type { LeadRow } from './leads.store';
import type { NoteRow } from './notes.store';
import type { OrganizationRow } from './organizations.store';
import type { PersonRow } from './persons.store';
import type { PipelineRow, StageRow } from './pipelines.store';

/** Names and conversation links loaded once for a page of rows. */
export type CrmRefNames = {
  persons: Map<string, string>;
  organizations: Map<string, string>;
  stages: Map<string, string>;
  conversations: Map<string, string[]>;
};

/** The money of a row, or null when it has none. */
export function toMoney(valueMinor: number | null, currency: string | null): TCrmMoney | null {
  if (valueMinor === null || currency === null) return null;
  return { amountMinor: Number(valueMinor), currency: currency as TCrmCurrency };
}

function refOf(id: string | null, names: Map<string, string>): TCrmRef | null {
  return id === null ? null : { id, name: names.get(id) ?? '' };
}

export function toOrganizationDto(row: OrganizationRow, refs: CrmRefNames): TCrmOrganizationDto {
  return {
    id: row.id,
    name: row.name,
    address: row.address,
    source: row.source,
    conversationIds: refs.conversations.get(row.id) ?? [],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toPersonDto(row: PersonRow, refs: CrmRefNames): TCrmPersonDto {
  return {
    id: row.id,
    name: row.name,
    emails: fromJsonColumn<string[]>(row.emails, []),
    phones: fromJsonColumn<string[]>(row.phones, []),
    organization: refOf(row.organization_id, refs.organizations),
    ownerId: row.owner_id,
    source: row.source,
    conversationIds: refs.conversations.get(row.id) ?? [],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

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
    conversationIds: refs.conversations.get(row.id) ?? [],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toDealDto(row: DealRow, refs: CrmRefNames): TCrmDealDto {
  return {
    id: row.id,
    title: row.title,
    value: toMoney(row.value_minor, row.currency),
    expectedCloseDate: row.expected_close_date,
    pipelineId: row.pipeline_id,
    stage: { id: row.stage_id, name: refs.stages.get(row.stage_id) ?? '' },
    status: row.status,
    person: refOf(row.person_id, refs.persons),
    organization: refOf(row.organization_id, refs.organizations),
    ownerId: row.owner_id,
    source: row.source,
    leadId: row.lead_id,
    conversationIds: refs.conversations.get(row.id) ?? [],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toActivityDto(row: ActivityRow): TCrmActivityDto {
  return {
    id: row.id,
    type: row.type,
    subject: row.subject,
    dueAt: row.due_at,
    done: row.done === 1,
    assigneeId: row.assignee_id,
    personId: row.person_id,
    organizationId: row.organization_id,
    leadId: row.lead_id,
    dealId: row.deal_id,
    source: row.source,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toNoteDto(row: NoteRow): TCrmNoteDto {
  return {
    id: row.id,
    body: fromJsonColumn<TRichText>(row.body, { type: 'doc', content: [] }),
    authorId: row.author_id,
    personId: row.person_id,
    organizationId: row.organization_id,
    leadId: row.lead_id,
    dealId: row.deal_id,
    conversationId: row.conversation_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toPipelineDto(row: PipelineRow, stages: StageRow[]): TCrmPipelineDto {
  return {
    id: row.id,
    name: row.name,
    isDefault: row.is_default === 1,
    stages: stages
      .filter((s) => s.pipeline_id === row.id)
      .map((s) => ({ id: s.id, pipelineId: s.pipeline_id, name: s.name, position: s.position })),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
