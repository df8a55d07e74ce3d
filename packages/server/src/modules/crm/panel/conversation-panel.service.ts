import type {
  TConversationPanelDto,
  TCreateFromPanelRequest,
  TCrmDealDto,
  TCrmLeadDto,
  TCrmOrganizationDto,
  TCrmPersonDto,
  TPanelMatch,
  TPutConversationPanelRequest,
} from '@charla/protocol';
import { AppError } from '../../../lib/app-error';
import type { AuthUser } from '../../auth/auth.service';
import type { ConversationFacts } from '../../conversations/conversation-access';
import type { CrmActor, CrmDeps } from '../shared/crm-context';
import { matchOrCreateOrganization, matchOrCreatePerson } from './crm-intake';
import type { CrmTablesStore } from '../shared/crm.store';
import { insertDeal, readDealDto } from '../deals/deals.service';
import { insertLead, readLeadDto } from '../leads/leads.service';
import { insertNote } from '../activities/notes.service';
import { readOrganizationDto } from '../organizations/organizations.service';
import {
  panelFieldsFromCapturedVars,
  panelFieldsFromRow,
  panelRowOf,
  type PanelFields,
} from './panel-fields';
import { defaultRecordTitle } from './default-title';
import { readPersonDto } from '../persons/persons.service';
import { linesToRichText } from '@charla/protocol';
import { loadLinkedRecords, mirrorLinked } from './panel-linked';

type RecordKind = 'lead' | 'deal';
type Created = {
  person: TCrmPersonDto | null;
  organization: TCrmOrganizationDto | null;
  personCreated: boolean;
  organizationCreated: boolean;
  matched: TPanelMatch;
};

/**
 * The side panel beside a conversation (R17, R18, R20): one record per conversation, pre-filled
 * from what the bot captured until first saved, editable in every status (also after closing),
 * visible only to users who can see the conversation. Creating a lead or deal never changes the
 * conversation's status.
 *
 * A second "Create lead" (or "Create deal") on the same conversation is refused with 409
 * CRM_LEAD_EXISTS / CRM_DEAL_EXISTS naming the existing record, so a double click or a colleague
 * in another tab cannot make a duplicate; `?another=true` deliberately creates one more.
 */
export function createConversationPanelService(deps: CrmDeps) {
  const { store, clock, events, conversations } = deps;

  async function fieldsOf(
    tx: CrmTablesStore,
    facts: ConversationFacts,
  ): Promise<{ fields: PanelFields; saved: boolean; updatedAt: number | null; updatedBy: string | null }> {
    const row = await tx.panels.find(facts.id);
    if (!row)
      return {
        fields: panelFieldsFromCapturedVars(facts.capturedVars),
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

  async function readPanel(tx: CrmTablesStore, facts: ConversationFacts): Promise<TConversationPanelDto> {
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

  async function create(
    kind: RecordKind,
    conversationId: string,
    input: TCreateFromPanelRequest,
    options: { another: boolean },
    user: AuthUser,
  ) {
    const facts = await conversations.getForUser(conversationId, user);
    const actor: CrmActor = { user, source: 'live_chat' };
    const language = await deps.companyLanguage();
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
      const lead = kind === 'lead' ? await insertLead(tx, base, actor, now) : null;
      const deal = kind === 'deal' ? await insertDeal(tx, base, actor, now) : null;
      const recordId = (lead ?? deal)?.id ?? '';
      await tx.links.link(conversationId, kind, recordId, now);
      if (fields.notes.trim() !== '') {
        await insertNote(
          tx,
          {
            body: linesToRichText(fields.notes),
            personId: base.personId,
            organizationId: base.organizationId,
            leadId: lead?.id ?? null,
            dealId: deal?.id ?? null,
            conversationId,
          },
          actor,
          now,
        );
      }
      return {
        ...created,
        lead: lead ? await readLeadDto(tx, lead) : null,
        deal: deal ? await readDealDto(tx, deal) : null,
        panel: await readPanel(tx, facts),
      };
    });
    if (result.organizationCreated && result.organization)
      events.emit('organization.created', { organization: result.organization });
    if (result.personCreated && result.person) events.emit('person.created', { person: result.person });
    if (result.lead) {
      events.emit('lead.created', { lead: result.lead });
      await conversations.appendEvent(conversationId, {
        type: 'lead_created',
        leadId: result.lead.id,
        title: result.lead.title,
        byName: user.name,
      });
    }
    if (result.deal) {
      events.emit('deal.created', { deal: result.deal });
      await conversations.appendEvent(conversationId, {
        type: 'deal_created',
        dealId: result.deal.id,
        title: result.deal.title,
        byName: user.name,
      });
    }
    return result;
  }

  return {
    async get(conversationId: string, user: AuthUser): Promise<TConversationPanelDto> {
      const facts = await conversations.getForUser(conversationId, user);
      return readPanel(store, facts);
    },
    /** Replaces the panel; allowed in every conversation status (R20). */
    async put(
      conversationId: string,
      input: TPutConversationPanelRequest,
      user: AuthUser,
    ): Promise<TConversationPanelDto> {
      const facts = await conversations.getForUser(conversationId, user);
      const panel = await store.transaction(async (tx) => {
        await tx.panels.save(panelRowOf(conversationId, input, user.id, clock.now()));
        return readPanel(tx, facts);
      });
      // Lists, headers and notifications show the name the panel now gives (issue 15, item 3).
      await conversations.identityChanged(conversationId);
      return panel;
    },
    async createLead(
      conversationId: string,
      input: TCreateFromPanelRequest,
      options: { another: boolean },
      user: AuthUser,
    ): Promise<{ lead: TCrmLeadDto; matched: TPanelMatch; panel: TConversationPanelDto }> {
      const result = await create('lead', conversationId, input, options, user);
      if (!result.lead) throw new AppError('INTERNAL');
      return { lead: result.lead, matched: result.matched, panel: result.panel };
    },
    async createDeal(
      conversationId: string,
      input: TCreateFromPanelRequest,
      options: { another: boolean },
      user: AuthUser,
    ): Promise<{ deal: TCrmDealDto; matched: TPanelMatch; panel: TConversationPanelDto }> {
      const result = await create('deal', conversationId, input, options, user);
      if (!result.deal) throw new AppError('INTERNAL');
      return { deal: result.deal, matched: result.matched, panel: result.panel };
    },
  };
}
export type ConversationPanelService = ReturnType<typeof createConversationPanelService>;
