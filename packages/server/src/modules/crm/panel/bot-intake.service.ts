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
import { announceCreated } from './announce-created';
import { toActivityDto, toNoteDto } from '../activities/activity-dto';
import { matchOrCreateOrganization, matchOrCreatePerson } from './crm-intake';
import type { CrmTablesStore } from '../shared/crm.store';
import { insertDeal, readDealDto } from '../deals/deals.service';
import { insertLead, readLeadDto } from '../leads/leads.service';
import { insertNote } from '../activities/notes.service';
import { readOrganizationDto } from '../organizations/organizations.service';
import { panelFieldsFromCapturedVars, withVerifiedIdentity, type PanelFields } from './panel-fields';
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

const BOT: CrmActor = { user: null, source: 'chatbot' };

async function ownerIdOf(tx: CrmTablesStore, actions: TResolvedCrmActions): Promise<string | null> {
  if (actions.owner.strategy !== 'fixed') return null;
  // An owner deleted since the playbook was published must not lose the visitor's data.
  const found = await tx.references.existingIds('users', [actions.owner.userId]);
  return found.has(actions.owner.userId) ? actions.owner.userId : null;
}

type Links = { personId: string | null; organizationId: string | null };
type Fresh = { person: boolean; organization: boolean };

/** The person and organization of an end card: matched (email/phone, name) or created. */
async function contactsOf(
  tx: CrmTablesStore,
  actions: TResolvedCrmActions,
  fields: PanelFields,
  ownerId: string | null,
  now: number,
) {
  const organization =
    actions.organization.mode === 'upsert_by_name'
      ? await matchOrCreateOrganization(tx, fields.organization, BOT, now)
      : null;
  const person =
    actions.person.mode === 'none'
      ? null
      : await matchOrCreatePerson(
          tx,
          { ...fields.person, organizationId: organization?.row.id ?? null, ownerId },
          BOT,
          now,
          actions.person.mode === 'create' ? 'create' : 'upsert',
        );
  return { person, organization };
}

/** What the conversation hands on: its transcript (when the card saves it) and its label names. */
type Carried = { transcript: string; labels: string[] };

/** The lead or deal, the follow-up activity and the transcript note of an end card. */
async function recordsOf(
  tx: CrmTablesStore,
  input: CreateFromBotInput,
  links: Links,
  carried: Carried,
  ownerId: string | null,
  now: number,
) {
  const { actions, conversationId } = input;
  const { transcript, labels } = carried;
  const record = actions.record;
  const lead =
    record.kind === 'lead'
      ? await insertLead(tx, { title: record.title, ...links, ownerId, labels }, BOT, now)
      : null;
  const deal =
    record.kind === 'deal'
      ? await insertDeal(
          tx,
          { title: record.title, value: record.value ?? null, ...links, ownerId },
          BOT,
          now,
        )
      : null;
  const on = { ...links, leadId: lead?.id ?? null, dealId: deal?.id ?? null };
  const activity = actions.activity
    ? await insertActivity(
        tx,
        {
          type: actions.activity.type,
          subject: actions.activity.subject,
          dueAt: now + actions.activity.dueInMinutes * 60_000,
          assigneeId: ownerId,
          ...on,
        },
        BOT,
        now,
      )
    : null;
  const note =
    transcript.trim() !== ''
      ? await insertNote(tx, { body: linesToRichText(transcript), ...on, conversationId }, BOT, now)
      : null;
  return { lead, deal, activity, note };
}

/** Everything of one end card, in the caller's transaction. */
async function createInTx(
  tx: CrmTablesStore,
  input: CreateFromBotInput,
  fields: PanelFields,
  carried: Carried,
  now: number,
): Promise<CreatedFromBot & { fresh: Fresh }> {
  const ownerId = await ownerIdOf(tx, input.actions);
  const { person, organization } = await contactsOf(tx, input.actions, fields, ownerId, now);
  const links = { personId: person?.row.id ?? null, organizationId: organization?.row.id ?? null };
  const { lead, deal, activity, note } = await recordsOf(tx, input, links, carried, ownerId, now);
  const linked: [Parameters<CrmTablesStore['links']['link']>[1], string | undefined][] = [
    ['organization', organization?.row.id],
    ['person', person?.row.id],
    ['lead', lead?.id],
    ['deal', deal?.id],
    ['activity', activity?.id],
  ];
  for (const [type, id] of linked) if (id) await tx.links.link(input.conversationId, type, id, now);
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
}

/**
 * The playbook end card's CRM block: upserts the person (by email or phone) and organization
 * (by name), creates the lead or deal with source `chatbot`, an optional activity, the transcript
 * as a note, links everything to the conversation, and adds the timeline event.
 */
export function createBotIntake(deps: CrmDeps) {
  return (input: CreateFromBotInput) => createFromBot(deps, input);
}

async function createFromBot(deps: CrmDeps, input: CreateFromBotInput): Promise<CreatedFromBot> {
  const { store, clock, events, conversations } = deps;
  const facts = await conversations.getFacts(input.conversationId);
  const carried = {
    transcript: input.actions.saveTranscript ? await facts.transcript() : '',
    labels: await facts.labelNames(),
  };
  const fields = withVerifiedIdentity(
    panelFieldsFromCapturedVars({ ...facts.capturedVars, ...input.vars }),
    facts.visitorContext.identity,
  );
  const created = await store.transaction((tx) => createInTx(tx, input, fields, carried, clock.now()));
  const { fresh, ...result } = created;
  await announceCreated(deps, input.conversationId, {
    person: result.person ? withoutMatched(result.person) : null,
    organization: result.organization ? withoutMatched(result.organization) : null,
    personFresh: fresh.person,
    organizationFresh: fresh.organization,
    lead: result.lead,
    deal: result.deal,
    byName: null,
  });
  if (result.activity) events.emit('activity.created', { activity: result.activity });
  return result;
}

function withoutMatched<T extends { matched: boolean }>(dto: T): Omit<T, 'matched'> {
  const { matched: _matched, ...rest } = dto;
  return rest;
}
