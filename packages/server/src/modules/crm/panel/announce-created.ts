import type { TCrmDealDto, TCrmLeadDto, TCrmOrganizationDto, TCrmPersonDto } from '@charla/protocol';
import type { CrmDeps } from '../shared/crm-context';

export type CreatedRecords = {
  person: TCrmPersonDto | null;
  organization: TCrmOrganizationDto | null;
  /** Only a person or organization made now (not matched) is announced as created. */
  personFresh: boolean;
  organizationFresh: boolean;
  lead: TCrmLeadDto | null;
  deal: TCrmDealDto | null;
  /** Who created them, for the timeline (null: the bot). */
  byName: string | null;
};

/**
 * After the commit: the domain events of what a conversation's side panel or end card created,
 * and the lead/deal rows of the conversation's timeline.
 */
export async function announceCreated(
  deps: Pick<CrmDeps, 'events' | 'conversations'>,
  conversationId: string,
  created: CreatedRecords,
): Promise<void> {
  const { events, conversations } = deps;
  const { person, organization, lead, deal, byName } = created;
  if (created.organizationFresh && organization) events.emit('organization.created', { organization });
  if (created.personFresh && person) events.emit('person.created', { person });
  if (lead) {
    events.emit('lead.created', { lead });
    await conversations.appendEvent(conversationId, {
      type: 'lead_created',
      leadId: lead.id,
      title: lead.title,
      byName,
    });
  }
  if (deal) {
    events.emit('deal.created', { deal });
    await conversations.appendEvent(conversationId, {
      type: 'deal_created',
      dealId: deal.id,
      title: deal.title,
      byName,
    });
  }
}
