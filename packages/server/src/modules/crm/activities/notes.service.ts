import type {
  TCreateCrmNoteRequest,
  TCrmNoteDto,
  TListCrmNotesQuery,
  TPage,
  TRichText,
  TUpdateCrmNoteRequest,
} from '@charla/protocol';
import { AppError, isAppError } from '../../../lib/app-error';
import { newId } from '../../../lib/ids';
import { toJsonColumn } from '../../../lib/json';
import type { ConversationAccess } from '../../conversations/index';
import type { CrmActor, CrmDeps } from '../shared/crm-context';
import { decodeCrmCursor, toCrmPage } from '../shared/crm-cursor.util';
import { toNoteDto } from './activity-dto';
import { assertReferencesExist } from '../shared/crm-references';
import { toSearchText } from '../shared/crm-search.util';
import type { CrmTablesStore } from '../shared/crm.store';
import type { NoteRow } from './notes.store';
import { requireRecord } from '../shared/require-record';
import { richTextWords } from './rich-text-search.util';

type NoteLinks = Pick<
  TCreateCrmNoteRequest,
  'personId' | 'organizationId' | 'leadId' | 'dealId' | 'conversationId'
>;

async function assertNoteReferences(tx: CrmTablesStore, input: Partial<NoteLinks>): Promise<void> {
  await assertReferencesExist(tx.references, [
    { path: 'personId', table: 'crm_persons', id: input.personId },
    { path: 'organizationId', table: 'crm_organizations', id: input.organizationId },
    { path: 'leadId', table: 'crm_leads', id: input.leadId },
    { path: 'dealId', table: 'crm_deals', id: input.dealId },
    { path: 'conversationId', table: 'conversations', id: input.conversationId },
  ]);
}

/** A user may attach a note only to a conversation they can see; otherwise it does not exist for them. */
export async function assertConversationVisible(
  conversations: ConversationAccess,
  actor: CrmActor,
  conversationId: string | null | undefined,
): Promise<void> {
  if (conversationId === null || conversationId === undefined || actor.user === null) return;
  try {
    await conversations.getForUser(conversationId, actor.user);
  } catch (error) {
    if (isAppError(error) && error.code === 'CONVERSATION_NOT_FOUND') {
      throw new AppError('CRM_REFERENCE_NOT_FOUND', {
        details: [{ path: 'conversationId', message: 'No such conversation' }],
      });
    }
    throw error;
  }
}

/** Checks references and inserts a note inside `tx` (linked to its conversation, if any); returns the row. */
export async function insertNote(
  tx: CrmTablesStore,
  input: { body: TRichText } & NoteLinks,
  actor: CrmActor,
  now: number,
): Promise<NoteRow> {
  await assertNoteReferences(tx, input);
  const row: NoteRow = {
    id: newId(),
    body: toJsonColumn(input.body),
    search_text: toSearchText(richTextWords(input.body)),
    author_id: actor.user?.id ?? null,
    person_id: input.personId ?? null,
    organization_id: input.organizationId ?? null,
    lead_id: input.leadId ?? null,
    deal_id: input.dealId ?? null,
    conversation_id: input.conversationId ?? null,
    created_at: now,
    updated_at: now,
  };
  await tx.notes.insert(row);
  if (row.conversation_id !== null) await tx.links.link(row.conversation_id, 'note', row.id, now);
  return row;
}

export function createNotesService(deps: CrmDeps) {
  const { store, clock, conversations } = deps;
  return {
    async create(input: TCreateCrmNoteRequest, actor: CrmActor): Promise<TCrmNoteDto> {
      await assertConversationVisible(conversations, actor, input.conversationId);
      return toNoteDto(await store.transaction((tx) => insertNote(tx, input, actor, clock.now())));
    },
    async get(id: string): Promise<TCrmNoteDto> {
      return toNoteDto(requireRecord(await store.notes.findById(id)));
    },
    async update(id: string, patch: TUpdateCrmNoteRequest, actor: CrmActor): Promise<TCrmNoteDto> {
      await assertConversationVisible(conversations, actor, patch.conversationId);
      return store.transaction(async (tx) => {
        requireRecord(await tx.notes.findById(id));
        await assertNoteReferences(tx, patch);
        const now = clock.now();
        await tx.notes.update(id, {
          ...(patch.body !== undefined
            ? { body: toJsonColumn(patch.body), search_text: toSearchText(richTextWords(patch.body)) }
            : {}),
          ...(patch.personId !== undefined ? { person_id: patch.personId } : {}),
          ...(patch.organizationId !== undefined ? { organization_id: patch.organizationId } : {}),
          ...(patch.leadId !== undefined ? { lead_id: patch.leadId } : {}),
          ...(patch.dealId !== undefined ? { deal_id: patch.dealId } : {}),
          ...(patch.conversationId !== undefined ? { conversation_id: patch.conversationId } : {}),
          updated_at: now,
        });
        if (patch.conversationId) await tx.links.link(patch.conversationId, 'note', id, now);
        return toNoteDto(requireRecord(await tx.notes.findById(id)));
      });
    },
    async delete(id: string): Promise<void> {
      await store.transaction(async (tx) => {
        requireRecord(await tx.notes.findById(id));
        await tx.links.unlinkEntity('note', id);
        await tx.notes.delete(id);
      });
    },
    async list(query: TListCrmNotesQuery, actor: CrmActor): Promise<TPage<TCrmNoteDto>> {
      await assertConversationVisible(conversations, actor, query.conversationId);
      const rows = await store.notes.list({
        q: query.q,
        personId: query.personId,
        organizationId: query.organizationId,
        leadId: query.leadId,
        dealId: query.dealId,
        conversationId: query.conversationId,
        afterId: decodeCrmCursor(query.cursor),
        limit: query.limit,
      });
      const page = toCrmPage(rows, query.limit);
      return { items: page.rows.map(toNoteDto), nextCursor: page.nextCursor };
    },
  };
}
export type NotesService = ReturnType<typeof createNotesService>;
