import type {
  TCrmActivityDto,
  TCrmDealDto,
  TCrmLeadDto,
  TCrmNoteDto,
  TCrmOrganizationDto,
  TCrmPersonDto,
  TPlaybookOutcome,
  TResolvedCrmActions,
} from '@charla/protocol';
import { insertActivity } from '../activities/activities.service';
import type { CrmActor, CrmDeps } from '../shared/crm-context';
import { toActivityDto, toNoteDto } from '../activities/activity-dto';
import { matchOrCreateOrganization, matchOrCreatePerson } from './crm-intake';
import type { CrmTablesStore } from '../shared/crm.store';
import { insertDeal, readDealDto } from '../deals/deals.service';
import { insertLead, readLeadDto } from '../leads/leads.service';
import { insertNote } from '../activities/notes.service';
import { readOrganizationDto } from '../organizations/organizations.service';
import { panelFieldsFromCapturedVars, withVerifiedIdentity } from './panel-fields';
import { readPersonDto } from '../persons/persons.service';
import { linesToRichText } from '@charla/protocol';

export type CreateFromBotInput = {
  conversationId: string;
  vars: Record<string, string>;
  actions: TResolvedCrmActions;
  outcome?: TPlaybookOutcome;
};

/** What a playbook end card created; `matched` says an existing person or organization was reused. */
export type CreatedFromBot = {
  person: (TCrmPersonDto & { matched: boolean }) | null;
  organization: (TCrmOrganizationDto & { matched: boolean }) | null;
  lead: TCrmLeadDto | null;
  deal: TCrmDealDto | null;
  activity: TCrmActivityDto | null;
  note: TCrmNoteDto | null;
};

async function ownerIdOf(tx: CrmTablesStore, actions: TResolvedCrmActions): Promise<string | null> {
  if (actions.owner.strategy !== 'fixed') return null;
  // An owner deleted since the playbook was published must not lose the visitor's data.
  const found = await tx.references.existingIds('users', [actions.owner.userId]);
  return found.has(actions.owner.userId) ? actions.owner.userId : null;
}

/**
 * The playbook end card's CRM block: upserts the person (by email or phone) and organization
 * (by name), creates the lead or deal with source `chatbot`, an optional activity, the transcript
 * as a note, links everything to the conversation, and adds the timeline event.
 */
export function createBotIntake(deps: CrmDeps) {
  const { store, clock, events, conversations } = deps;
  const actor: CrmActor = { user: null, source: 'chatbot' };

  return async function createFromBot(input: CreateFromBotInput): Promise<CreatedFromBot> {
    const { conversationId, vars, actions } = input;
    const facts = await conversations.getFacts(conversationId);
    const transcript = actions.saveTranscript ? await facts.transcript() : '';
    const fields = withVerifiedIdentity(
      panelFieldsFromCapturedVars({ ...facts.capturedVars, ...vars }),
      facts.visitorContext.identity,
    );

    const created = await store.transaction(
      async (tx): Promise<CreatedFromBot & { fresh: { person: boolean; organization: boolean } }> => {
        const now = clock.now();
        const ownerId = await ownerIdOf(tx, actions);
        const organization =
          actions.organization.mode === 'upsert_by_name'
            ? await matchOrCreateOrganization(tx, fields.organization, actor, now)
            : null;
        const person =
          actions.person.mode === 'none'
            ? null
            : await matchOrCreatePerson(
                tx,
                { ...fields.person, organizationId: organization?.row.id ?? null, ownerId },
                actor,
                now,
                actions.person.mode === 'create' ? 'create' : 'upsert',
              );
        const links = { personId: person?.row.id ?? null, organizationId: organization?.row.id ?? null };
        const record = actions.record;
        const lead =
          record.kind === 'lead'
            ? await insertLead(tx, { title: record.title, ...links, ownerId }, actor, now)
            : null;
        const deal =
          record.kind === 'deal'
            ? await insertDeal(
                tx,
                { title: record.title, value: record.value ?? null, ...links, ownerId },
                actor,
                now,
              )
            : null;
        const activity = actions.activity
          ? await insertActivity(
              tx,
              {
                type: actions.activity.type,
                subject: actions.activity.subject,
                dueAt: now + actions.activity.dueInMinutes * 60_000,
                assigneeId: ownerId,
                ...links,
                leadId: lead?.id ?? null,
                dealId: deal?.id ?? null,
              },
              actor,
              now,
            )
          : null;
        const note =
          transcript.trim() !== ''
            ? await insertNote(
                tx,
                {
                  body: linesToRichText(transcript),
                  ...links,
                  leadId: lead?.id ?? null,
                  dealId: deal?.id ?? null,
                  conversationId,
                },
                actor,
                now,
              )
            : null;

        const linked: [Parameters<CrmTablesStore['links']['link']>[1], string | undefined][] = [
          ['organization', organization?.row.id],
          ['person', person?.row.id],
          ['lead', lead?.id],
          ['deal', deal?.id],
          ['activity', activity?.id],
        ];
        for (const [type, id] of linked) if (id) await tx.links.link(conversationId, type, id, now);

        return {
          person: person ? { ...(await readPersonDto(tx, person.row)), matched: person.matched } : null,
          organization: organization
            ? { ...(await readOrganizationDto(tx, organization.row)), matched: organization.matched }
            : null,
          lead: lead ? await readLeadDto(tx, lead) : null,
          deal: deal ? await readDealDto(tx, deal) : null,
          activity: activity ? toActivityDto(activity) : null,
          note: note ? toNoteDto(note) : null,
          fresh: {
            person: person !== null && !person.matched,
            organization: organization !== null && !organization.matched,
          },
        };
      },
    );

    const { fresh, ...result } = created;
    if (fresh.organization && result.organization)
      events.emit('organization.created', { organization: withoutMatched(result.organization) });
    if (fresh.person && result.person)
      events.emit('person.created', { person: withoutMatched(result.person) });
    if (result.lead) {
      events.emit('lead.created', { lead: result.lead });
      await conversations.appendEvent(conversationId, {
        type: 'lead_created',
        leadId: result.lead.id,
        title: result.lead.title,
        byName: null,
      });
    }
    if (result.deal) {
      events.emit('deal.created', { deal: result.deal });
      await conversations.appendEvent(conversationId, {
        type: 'deal_created',
        dealId: result.deal.id,
        title: result.deal.title,
        byName: null,
      });
    }
    if (result.activity) events.emit('activity.created', { activity: result.activity });
    return result;
  };
}

function withoutMatched<T extends { matched: boolean }>(dto: T): Omit<T, 'matched'> {
  const { matched: _matched, ...rest } = dto;
  return rest;
}
