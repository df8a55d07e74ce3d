import type { TCrmNoteDto } from '@charla/protocol';
import type { CrmEntityType } from '../../../db/schema.crm';
import type { DomainEventPayload } from '../../../lib/domain-events';
import type { CrmDeps } from './crm-context';

export type PanelRecordEntity = DomainEventPayload<'crm.record_changed'>['entity'];
type Ref = { entity: CrmEntityType; id: string | null };

/** The records a note hangs on: a panel showing any of them shows the note. */
export function noteRefs(note: TCrmNoteDto): Ref[] {
  return [
    { entity: 'person', id: note.personId },
    { entity: 'organization', id: note.organizationId },
    { entity: 'lead', id: note.leadId },
    { entity: 'deal', id: note.dealId },
  ];
}

/**
 * After a CRM change commits: tells the side panels of the conversations linked to the record
 * to show it again (issue 15: "no field shows one value in the panel and another in the CRM"),
 * with each conversation's visibility so the realtime fan-out keeps R14.
 */
export function createPanelAnnouncer(deps: Pick<CrmDeps, 'store' | 'events' | 'conversations'>) {
  const { store, events, conversations } = deps;

  async function linkedConversations(refs: Ref[], extra: (string | null)[] = []): Promise<string[]> {
    const ids = new Set(extra.filter((id): id is string => id !== null));
    for (const ref of refs) {
      if (ref.id === null) continue;
      const found = await store.links.conversationIdsFor(ref.entity, [ref.id]);
      for (const id of found.get(ref.id) ?? []) ids.add(id);
    }
    return [...ids];
  }

  async function announce(entity: PanelRecordEntity, id: string, conversationIds: string[]) {
    if (conversationIds.length === 0) return;
    const visible = [];
    for (const conversationId of conversationIds) {
      const facts = await conversations.getFacts(conversationId).catch(() => null);
      if (facts) visible.push({ id: facts.id, status: facts.status, assigneeId: facts.assigneeId });
    }
    events.emit('crm.record_changed', { entity, id, conversations: visible });
  }

  return {
    /** The conversations a record shows in, read before a delete removes the links. */
    conversationsOfRecord: (entity: Exclude<PanelRecordEntity, 'note'>, id: string) =>
      linkedConversations([{ entity, id }]),
    conversationsOfNote: (note: TCrmNoteDto) => linkedConversations(noteRefs(note), [note.conversationId]),
    announce,
  };
}
export type PanelAnnouncer = ReturnType<typeof createPanelAnnouncer>;
