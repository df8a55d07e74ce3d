import type { TCrmActivityDto, TCrmNoteDto, TRichText } from '@charla/protocol';
import { fromJsonColumn } from '../../../lib/json';
import type { ActivityRow } from './activities.store';
import type { NoteRow } from './notes.store';

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
    note: row.note,
    source: row.source,
    version: Number(row.version),
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
