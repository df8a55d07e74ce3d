import type {
  TConvertCrmLeadRequest,
  TCreateCrmDealRequest,
  TCreateCrmLeadRequest,
  TCrmDealDto,
  TCrmLeadDto,
  TListCrmLeadsQuery,
  TPage,
  TUpdateCrmLeadRequest,
} from '@charla/protocol';
import { AppError } from '../../../lib/app-error';
import { newId } from '../../../lib/ids';
import { fromJsonColumn, toJsonColumn } from '../../../lib/json';
import type { CrmActor, CrmDeps } from '../shared/crm-context';
import { decodeCrmCursor, toCrmPage } from '../shared/crm-cursor.util';
import { toLeadDto } from './lead-dto';
import { toMoney } from '../shared/crm-dto';
import { loadRefNames } from '../shared/crm-ref-names';
import { assertReferencesExist } from '../shared/crm-references';
import { toSearchText } from '../shared/crm-search.util';
import type { CrmTablesStore } from '../shared/crm.store';
import { insertDeal, readDealDto } from '../deals/deals.service';
import type { LeadRow } from './leads.store';
import { requireRecord } from '../shared/require-record';
import { historyOf } from '../shared/record-history.service';
import { updateVersioned, versionConflict } from '../shared/versioned-update';
import { appendTimelineEvents } from '../panel/timeline';

/** Checks the ids a lead refers to. */
export async function assertLeadReferences(
  tx: CrmTablesStore,
  input: Partial<TCreateCrmLeadRequest>,
): Promise<void> {
  await assertReferencesExist(tx.references, [
    { path: 'personId', table: 'crm_persons', id: input.personId },
    { path: 'organizationId', table: 'crm_organizations', id: input.organizationId },
    { path: 'ownerId', table: 'users', id: input.ownerId },
  ]);
}

/** Inserts an open lead inside `tx` (references already checked); returns the row. */
export async function insertLead(
  tx: CrmTablesStore,
  input: TCreateCrmLeadRequest,
  actor: CrmActor,
  now: number,
): Promise<LeadRow> {
  const labels = [...new Set(input.labels ?? [])];
  const row: LeadRow = {
    id: newId(),
    title: input.title,
    search_text: toSearchText(input.title, ...labels),
    person_id: input.personId ?? null,
    organization_id: input.organizationId ?? null,
    value_minor: input.value?.amountMinor ?? null,
    currency: input.value?.currency ?? null,
    expected_close_date: input.expectedCloseDate ?? null,
    owner_id: input.ownerId ?? null,
    source: actor.source,
    labels: toJsonColumn(labels),
    status: 'open',
    converted_deal_id: null,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await tx.leads.insert(row);
  return row;
}

const LEAD_HISTORY_FIELDS = [
  'title',
  'value',
  'expectedCloseDate',
  'person',
  'organization',
  'ownerId',
  'labels',
  'status',
] as const;

/** The columns a PATCH sets. */
function leadColumns(row: LeadRow, patch: TUpdateCrmLeadRequest, now: number): Partial<LeadRow> {
  const title = patch.title ?? row.title;
  const labels = patch.labels ? [...new Set(patch.labels)] : fromJsonColumn<string[]>(row.labels, []);
  return {
    title,
    labels: toJsonColumn(labels),
    search_text: toSearchText(title, ...labels),
    ...(patch.personId !== undefined ? { person_id: patch.personId } : {}),
    ...(patch.organizationId !== undefined ? { organization_id: patch.organizationId } : {}),
    ...(patch.value !== undefined
      ? { value_minor: patch.value?.amountMinor ?? null, currency: patch.value?.currency ?? null }
      : {}),
    ...(patch.expectedCloseDate !== undefined ? { expected_close_date: patch.expectedCloseDate } : {}),
    ...(patch.ownerId !== undefined ? { owner_id: patch.ownerId } : {}),
    ...(patch.status !== undefined ? { status: patch.status } : {}),
    updated_at: now,
  };
}

/** The new deal: the lead's values, each replaced by what the convert dialog sent for it. */
function dealFromLead(lead: LeadRow, input: TConvertCrmLeadRequest): TCreateCrmDealRequest {
  const pick = <T>(given: T | undefined, own: T): T => (given === undefined ? own : given);
  return {
    title: input.title ?? lead.title,
    value: pick(input.value, toMoney(lead.value_minor, lead.currency)),
    expectedCloseDate: pick(input.expectedCloseDate, lead.expected_close_date),
    pipelineId: input.pipelineId,
    stageId: input.stageId,
    personId: pick(input.personId, lead.person_id),
    organizationId: pick(input.organizationId, lead.organization_id),
    ownerId: lead.owner_id,
  };
}

/** A lead DTO with names and conversation links. */
export async function readLeadDto(tx: CrmTablesStore, row: LeadRow): Promise<TCrmLeadDto> {
  return toLeadDto(row, await loadRefNames(tx, 'lead', [row]));
}

/**
 * Turns an open lead into a deal that keeps its person, organization, value, owner, notes,
 * activities and conversation links (value, close date, person, organization and title as the
 * convert dialog confirmed them); the lead becomes `converted` and points at the deal.
 */
export async function convertLead(
  deps: CrmDeps,
  id: string,
  input: TConvertCrmLeadRequest,
  actor: CrmActor,
): Promise<{ lead: TCrmLeadDto; deal: TCrmDealDto }> {
  const { store, clock, events, conversations } = deps;
  const result = await store.transaction(async (tx) => {
    const lead = requireRecord(await tx.leads.findById(id));
    if (lead.status !== 'open') throw new AppError('CRM_LEAD_NOT_OPEN');
    if (input.version !== undefined && input.version !== lead.version)
      throw versionConflict(await readLeadDto(tx, lead));
    const now = clock.now();
    const deal = await insertDeal(
      tx,
      dealFromLead(lead, input),
      { ...actor, source: lead.source },
      now,
      lead.id,
    );
    if (!(await tx.leads.markConverted(lead.id, deal.id, now))) throw new AppError('CRM_LEAD_NOT_OPEN');
    await tx.notes.attachLeadNotesToDeal(lead.id, deal.id, now);
    await tx.activities.attachLeadActivitiesToDeal(lead.id, deal.id, now);
    const conversationIds = await tx.links.conversationIdsFor('lead', [lead.id]);
    for (const conversationId of conversationIds.get(lead.id) ?? [])
      await tx.links.link(conversationId, 'deal', deal.id, now);
    return {
      lead: await readLeadDto(tx, requireRecord(await tx.leads.findById(lead.id))),
      deal: await readDealDto(tx, deal),
    };
  });
  events.emit('deal.created', { deal: result.deal });
  await appendTimelineEvents(conversations, result.deal.conversationIds, {
    type: 'deal_created',
    dealId: result.deal.id,
    title: result.deal.title,
    byName: actor.user?.name ?? null,
  });
  return result;
}

export function createLeadsService(deps: CrmDeps) {
  const { store, clock, events } = deps;
  return {
    async create(input: TCreateCrmLeadRequest, actor: CrmActor): Promise<TCrmLeadDto> {
      const dto = await store.transaction(async (tx) => {
        await assertLeadReferences(tx, input);
        return readLeadDto(tx, await insertLead(tx, input, actor, clock.now()));
      });
      events.emit('lead.created', { lead: dto });
      return dto;
    },
    async get(id: string): Promise<TCrmLeadDto> {
      return readLeadDto(store, requireRecord(await store.leads.findById(id)));
    },
    async update(id: string, patch: TUpdateCrmLeadRequest, actor: CrmActor): Promise<TCrmLeadDto> {
      const now = clock.now();
      return store.transaction(async (tx) => {
        const row = requireRecord(await tx.leads.findById(id));
        if (patch.status !== undefined && row.status === 'converted' && row.version === patch.version)
          throw new AppError('CRM_LEAD_NOT_OPEN', { message: 'A converted lead keeps its status.' });
        await assertLeadReferences(tx, patch);
        const result = await updateVersioned(
          tx,
          {
            entity: 'lead',
            id,
            version: patch.version,
            fields: LEAD_HISTORY_FIELDS,
            read: async () => {
              const current = await tx.leads.findById(id);
              return current ? readLeadDto(tx, current) : null;
            },
            write: (expected) => tx.leads.update(id, leadColumns(row, patch, now), expected),
          },
          actor,
          now,
        );
        return result.dto;
      });
    },
    history: historyOf(store, 'lead', (id) => store.leads.findById(id)),
    async delete(id: string): Promise<void> {
      await store.transaction(async (tx) => {
        requireRecord(await tx.leads.findById(id));
        await tx.links.unlinkEntity('lead', id);
        await tx.changes.deleteFor('lead', id);
        await tx.leads.delete(id);
      });
    },
    async list(query: TListCrmLeadsQuery): Promise<TPage<TCrmLeadDto>> {
      const rows = await store.leads.list({
        q: query.q,
        status: query.status,
        ownerId: query.ownerId,
        personId: query.personId,
        organizationId: query.organizationId,
        afterId: decodeCrmCursor(query.cursor),
        limit: query.limit,
      });
      const page = toCrmPage(rows, query.limit);
      const refs = await loadRefNames(store, 'lead', page.rows);
      return { items: page.rows.map((r) => toLeadDto(r, refs)), nextCursor: page.nextCursor };
    },
    /** Turns an open lead into a deal (convertLead). */
    convert: (id: string, input: TConvertCrmLeadRequest, actor: CrmActor) =>
      convertLead(deps, id, input, actor),
  };
}
export type LeadsService = ReturnType<typeof createLeadsService>;
