import type { CrmDeps } from '../shared/crm-context';
import type { CrmTablesStore } from '../shared/crm.store';
import { loadLinkedRecords } from './panel-linked';

type Carried = {
  personId: string;
  organizationId: string | null;
  leadId: string | null;
  dealId: string | null;
};

/**
 * What a conversation hands on to its visitor's next one: the person its panel shows (else its
 * first linked person), their organization and their lead and deal while still open. Null when it
 * is with nobody the CRM knows.
 */
async function carriedFrom(tx: CrmTablesStore, conversationId: string): Promise<Carried | null> {
  const linked = await loadLinkedRecords(tx, conversationId);
  const personId = linked?.person?.id ?? (await tx.links.entityIdsOf(conversationId, 'person'))[0];
  if (!personId || !(await tx.persons.findById(personId))) return null;
  const ofPerson = linked?.person?.id === personId;
  const open = (record: { id: string; status: string; person: { id: string } | null } | null | undefined) =>
    ofPerson && record?.status === 'open' && record.person?.id === personId ? record.id : null;
  return {
    personId,
    organizationId: ofPerson ? (linked?.organization?.id ?? null) : null,
    leadId: open(linked?.lead),
    dealId: open(linked?.deal),
  };
}

/**
 * A returning visitor's new conversation is with the person their earlier one was linked to (as
 * in Intercom or Crisp): it is linked to that person, their organization and their open lead and
 * deal, so the inbox names them and the panel shows those records instead of offering "Create
 * lead" again. Only the visitor's own earlier conversations are looked at (newest first, the
 * caller's list): a different visitor is never linked to the person.
 */
export function createReturningVisitorLinks(deps: CrmDeps) {
  const { store, clock, conversations } = deps;
  return async function linkReturningVisitor(
    conversationId: string,
    earlierConversationIds: string[],
  ): Promise<void> {
    const linked = await store.transaction(async (tx) => {
      for (const earlier of earlierConversationIds) {
        const carried = await carriedFrom(tx, earlier);
        if (!carried) continue;
        const now = clock.now();
        // The person first: the first linked person is the one the conversation is with.
        await tx.links.link(conversationId, 'person', carried.personId, now);
        if (carried.organizationId)
          await tx.links.link(conversationId, 'organization', carried.organizationId, now);
        if (carried.leadId) await tx.links.link(conversationId, 'lead', carried.leadId, now);
        if (carried.dealId) await tx.links.link(conversationId, 'deal', carried.dealId, now);
        return true;
      }
      return false;
    });
    // Lists and headers show the person's name from now on.
    if (linked) await conversations.identityChanged(conversationId);
  };
}
