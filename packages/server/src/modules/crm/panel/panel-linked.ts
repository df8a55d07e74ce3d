import type { TPanelLinkedRecords } from '@charla/protocol';
import type { CrmTablesStore } from '../shared/crm.store';
import { readDealDto } from '../deals/deals.service';
import { readLeadDto } from '../leads/leads.service';
import { readOrganizationDto } from '../organizations/organizations.service';
import { readPersonDto } from '../persons/persons.service';
import type { PanelFields } from './panel-fields';

/**
 * The records a conversation's panel shows once a lead or deal exists (issue 15, one source of
 * truth): the latest linked deal, the latest open lead (else the latest lead), and the person and
 * organization of the deal, else of the lead, else the latest linked ones. Null while none exists.
 */
export async function loadLinkedRecords(
  tx: CrmTablesStore,
  conversationId: string,
): Promise<TPanelLinkedRecords | null> {
  const leads = await tx.leads.findByIds(await tx.links.entityIdsOf(conversationId, 'lead'));
  const deals = await tx.deals.findByIds(await tx.links.entityIdsOf(conversationId, 'deal'));
  if (leads.length === 0 && deals.length === 0) return null;
  const leadRow = leads.filter((l) => l.status === 'open').at(-1) ?? leads.at(-1) ?? null;
  const dealRow = deals.at(-1) ?? null;
  const personId =
    dealRow?.person_id ??
    leadRow?.person_id ??
    (await tx.links.entityIdsOf(conversationId, 'person')).at(-1) ??
    null;
  const organizationId =
    dealRow?.organization_id ??
    leadRow?.organization_id ??
    (await tx.links.entityIdsOf(conversationId, 'organization')).at(-1) ??
    null;
  const personRow = personId ? await tx.persons.findById(personId) : null;
  const organizationRow = organizationId ? await tx.organizations.findById(organizationId) : null;
  return {
    lead: leadRow ? await readLeadDto(tx, leadRow) : null,
    deal: dealRow ? await readDealDto(tx, dealRow) : null,
    person: personRow ? await readPersonDto(tx, personRow) : null,
    organization: organizationRow ? await readOrganizationDto(tx, organizationRow) : null,
  };
}

/**
 * The panel's fields as it shows them: the draft until a record exists, then the linked records'
 * own values (value and close date from the deal, else the lead; the person's first email and
 * phone), so no field reads one thing in the panel and another in the CRM. Notes stay the draft's.
 */
export function mirrorLinked(draft: PanelFields, linked: TPanelLinkedRecords | null): PanelFields {
  if (!linked) return draft;
  const money = linked.deal ?? linked.lead;
  return {
    value: money?.value ?? null,
    expectedCloseDate: money?.expectedCloseDate ?? null,
    person: {
      name: linked.person?.name ?? null,
      email: linked.person?.emails[0] ?? null,
      phone: linked.person?.phones[0] ?? null,
    },
    organization: {
      name: linked.organization?.name ?? null,
      address: linked.organization?.address ?? null,
    },
    notes: draft.notes,
  };
}
