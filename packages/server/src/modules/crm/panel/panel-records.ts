import type {
  TConversationPanelDto,
  TCreateFromPanelRequest,
  TCrmOrganizationDto,
  TCrmPersonDto,
  TPanelMatch,
} from '@charla/protocol';
import { linesToRichText } from '@charla/protocol';
import { AppError } from '../../../lib/app-error';
import type { AuthUser } from '../../auth/index';
import type { ConversationFacts } from '../../conversations/index';
import { insertNote } from '../activities/notes.service';
import { insertDeal, readDealDto } from '../deals/deals.service';
import { insertLead, readLeadDto } from '../leads/leads.service';
import { readOrganizationDto } from '../organizations/organizations.service';
import { readPersonDto } from '../persons/persons.service';
import type { CrmActor, CrmDeps } from '../shared/crm-context';
import type { CrmTablesStore } from '../shared/crm.store';
import { announceCreated } from './announce-created';
import { matchOrCreateOrganization, matchOrCreatePerson } from './crm-intake';
import {
  panelFieldsFromCapturedVars,
  panelFieldsFromRow,
  panelRowOf,
  withVerifiedIdentity,
  type PanelFields,
} from './panel-fields';
import { loadLinkedRecords, mirrorLinked } from './panel-linked';
import { defaultRecordTitle } from './default-title';

// Reading the side panel and creating a lead or deal from it (conversation-panel.service.ts).

export type RecordKind = 'lead' | 'deal';
type Created = {
  person: TCrmPersonDto | null;
  organization: TCrmOrganizationDto | null;
  personCreated: boolean;
  organizationCreated: boolean;
  matched: TPanelMatch;
};

async function fieldsOf(
  tx: CrmTablesStore,
  facts: ConversationFacts,
): Promise<{ fields: PanelFields; saved: boolean; updatedAt: number | null; updatedBy: string | null }> {
  const row = await tx.panels.find(facts.id);
  if (!row)
    return {
      fields: withVerifiedIdentity(
        panelFieldsFromCapturedVars(facts.capturedVars),
        facts.visitorContext.identity,
      ),
      saved: false,
      updatedAt: null,
      updatedBy: null,
    };
  return {
    fields: panelFieldsFromRow(row),
    saved: true,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

export async function readPanel(
  tx: CrmTablesStore,
  facts: ConversationFacts,
): Promise<TConversationPanelDto> {
  const { fields, saved, updatedAt, updatedBy } = await fieldsOf(tx, facts);
  const leads = await tx.leads.findByIds(await tx.links.entityIdsOf(facts.id, 'lead'));
  const deals = await tx.deals.findByIds(await tx.links.entityIdsOf(facts.id, 'deal'));
  const linked = await loadLinkedRecords(tx, facts.id);
  return {
    conversationId: facts.id,
    saved,
    ...mirrorLinked(fields, linked),
    leads: leads.map((l) => ({ id: l.id, title: l.title, status: l.status })),
    deals: deals.map((d) => ({ id: d.id, title: d.title, status: d.status })),
    linked,
    updatedAt,
    updatedBy,
  };
}

/** Person and organization for a new record: matched by email/phone and by name, else created. */
async function intake(
  tx: CrmTablesStore,
  conversationId: string,
  fields: PanelFields,
  actor: CrmActor,
  now: number,
): Promise<Created> {
  const organization = await matchOrCreateOrganization(tx, fields.organization, actor, now);
  const person = await matchOrCreatePerson(
    tx,
    { ...fields.person, organizationId: organization?.row.id ?? null, ownerId: actor.user?.id ?? null },
    actor,
    now,
  );
  if (organization) await tx.links.link(conversationId, 'organization', organization.row.id, now);
  if (person) await tx.links.link(conversationId, 'person', person.row.id, now);
  return {
    person: person ? await readPersonDto(tx, person.row) : null,
    organization: organization ? await readOrganizationDto(tx, organization.row) : null,
    personCreated: person !== null && !person.matched,
    organizationCreated: organization !== null && !organization.matched,
    matched: { person: person?.matched ?? false, organization: organization?.matched ?? false },
  };
}

export async function createFromPanel(
  deps: CrmDeps,
  kind: RecordKind,
  conversationId: string,
  input: TCreateFromPanelRequest,
  options: { another: boolean },
  user: AuthUser,
) {
  const { store, clock, conversations } = deps;
  const facts = await conversations.getForUser(conversationId, user);
  const actor: CrmActor = { user, source: 'live_chat' };
  const language = await deps.companyLanguage();
  // Issue 16: the chat's labels go on the lead by name (CRM lead labels are free text; deals have none).
  const labels = kind === 'lead' ? await facts.labelNames() : [];
  const result = await store.transaction(async (tx) => {
    const now = clock.now();
    if (input.panel) await tx.panels.save(panelRowOf(conversationId, input.panel, user.id, now));
    const existing = await tx.links.entityIdsOf(conversationId, kind);
    if (existing.length > 0 && !options.another) {
      throw new AppError(kind === 'lead' ? 'CRM_LEAD_EXISTS' : 'CRM_DEAL_EXISTS', {
        details: { [`${kind}Id`]: existing[existing.length - 1] },
      });
    }
    const fields = mirrorLinked((await fieldsOf(tx, facts)).fields, await loadLinkedRecords(tx, facts.id));
    const created = await intake(tx, conversationId, fields, actor, now);
    const base = {
      title:
        input.title ??
        defaultRecordTitle(
          kind,
          {
            organization: fields.organization.name,
            person: fields.person.name,
            email: fields.person.email,
            visitorNumber: facts.visitorNumber,
          },
          language,
        ),
      personId: created.person?.id ?? null,
      organizationId: created.organization?.id ?? null,
      value: fields.value,
      expectedCloseDate: fields.expectedCloseDate,
      ownerId: user.id,
    };
    const lead = kind === 'lead' ? await insertLead(tx, { ...base, labels }, actor, now) : null;
    const deal = kind === 'deal' ? await insertDeal(tx, base, actor, now) : null;
    const recordId = (lead ?? deal)?.id ?? '';
    await tx.links.link(conversationId, kind, recordId, now);
    if (fields.notes.trim() !== '') {
      const refs = { personId: base.personId, organizationId: base.organizationId };
      const on = { ...refs, leadId: lead?.id ?? null, dealId: deal?.id ?? null, conversationId };
      await insertNote(tx, { body: linesToRichText(fields.notes), ...on }, actor, now);
    }
    return {
      ...created,
      lead: lead ? await readLeadDto(tx, lead) : null,
      deal: deal ? await readDealDto(tx, deal) : null,
      panel: await readPanel(tx, facts),
    };
  });
  await announceCreated(deps, conversationId, {
    ...result,
    personFresh: result.personCreated,
    organizationFresh: result.organizationCreated,
    byName: user.name,
  });
  return result;
}
