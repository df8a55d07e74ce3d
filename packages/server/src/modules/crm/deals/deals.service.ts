import type {
  TCreateCrmDealRequest,
  TCrmDealDto,
  TListCrmDealsQuery,
  TPage,
  TUpdateCrmDealRequest,
} from '@charla/protocol';
import { newId } from '../../../lib/ids';
import type { CrmActor, CrmDeps } from '../shared/crm-context';
import { decodeCrmCursor, toCrmPage } from '../shared/crm-cursor.util';
import { toDealDto } from './deal-dto';
import { loadRefNames } from '../shared/crm-ref-names';
import { assertReferencesExist } from '../shared/crm-references';
import { toSearchText } from '../shared/crm-search.util';
import type { CrmTablesStore } from '../shared/crm.store';
import { resolveDealStage } from './deal-stage';
import type { DealRow } from './deals.store';
import { requireRecord } from '../shared/require-record';
import { historyOf } from '../shared/record-history.service';
import { updateVersioned } from '../shared/versioned-update';

/** Checks the ids a deal refers to (pipeline and stage are checked by `resolveDealStage`). */
async function assertDealReferences(
  tx: CrmTablesStore,
  input: Partial<TCreateCrmDealRequest>,
): Promise<void> {
  await assertReferencesExist(tx.references, [
    { path: 'personId', table: 'crm_persons', id: input.personId },
    { path: 'organizationId', table: 'crm_organizations', id: input.organizationId },
    { path: 'ownerId', table: 'users', id: input.ownerId },
  ]);
}

/** Checks references, places the deal in its stage and inserts it inside `tx`; returns the row. */
export async function insertDeal(
  tx: CrmTablesStore,
  input: TCreateCrmDealRequest,
  actor: CrmActor,
  now: number,
  leadId: string | null = null,
): Promise<DealRow> {
  await assertDealReferences(tx, input);
  const { pipelineId, stageId } = await resolveDealStage(tx, input);
  const row: DealRow = {
    id: newId(),
    title: input.title,
    search_text: toSearchText(input.title),
    value_minor: input.value?.amountMinor ?? null,
    currency: input.value?.currency ?? null,
    expected_close_date: input.expectedCloseDate ?? null,
    pipeline_id: pipelineId,
    stage_id: stageId,
    status: input.status ?? 'open',
    lost_reason: input.status === 'lost' ? (input.lostReason ?? null) : null,
    person_id: input.personId ?? null,
    organization_id: input.organizationId ?? null,
    owner_id: input.ownerId ?? null,
    source: actor.source,
    lead_id: leadId,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await tx.deals.insert(row);
  return row;
}

export const DEAL_HISTORY_FIELDS = [
  'title',
  'value',
  'expectedCloseDate',
  'pipelineId',
  'stage',
  'status',
  'lostReason',
  'person',
  'organization',
  'ownerId',
] as const;

/** The columns a PATCH sets; a lost reason is kept only while the deal is lost. */
function dealColumns(
  row: DealRow,
  patch: TUpdateCrmDealRequest,
  placement: { pipelineId: string; stageId: string },
  now: number,
): Partial<DealRow> {
  const title = patch.title ?? row.title;
  const status = patch.status ?? row.status;
  return {
    title,
    search_text: toSearchText(title),
    pipeline_id: placement.pipelineId,
    stage_id: placement.stageId,
    ...(patch.value !== undefined
      ? { value_minor: patch.value?.amountMinor ?? null, currency: patch.value?.currency ?? null }
      : {}),
    ...(patch.expectedCloseDate !== undefined ? { expected_close_date: patch.expectedCloseDate } : {}),
    status,
    lost_reason:
      status === 'lost' ? (patch.lostReason !== undefined ? patch.lostReason : row.lost_reason) : null,
    ...(patch.personId !== undefined ? { person_id: patch.personId } : {}),
    ...(patch.organizationId !== undefined ? { organization_id: patch.organizationId } : {}),
    ...(patch.ownerId !== undefined ? { owner_id: patch.ownerId } : {}),
    updated_at: now,
  };
}

/** A deal DTO with names and conversation links. */
export async function readDealDto(tx: CrmTablesStore, row: DealRow): Promise<TCrmDealDto> {
  return toDealDto(row, await loadRefNames(tx, 'deal', [row]));
}

export function createDealsService(deps: CrmDeps) {
  const { store, clock, events } = deps;
  return {
    async create(input: TCreateCrmDealRequest, actor: CrmActor): Promise<TCrmDealDto> {
      const dto = await store.transaction(async (tx) =>
        readDealDto(tx, await insertDeal(tx, input, actor, clock.now())),
      );
      events.emit('deal.created', { deal: dto });
      return dto;
    },
    async get(id: string): Promise<TCrmDealDto> {
      return readDealDto(store, requireRecord(await store.deals.findById(id)));
    },
    async update(id: string, patch: TUpdateCrmDealRequest, actor: CrmActor): Promise<TCrmDealDto> {
      const now = clock.now();
      const { dto, changes } = await store.transaction(async (tx) => {
        const row = requireRecord(await tx.deals.findById(id));
        await assertDealReferences(tx, patch);
        const moves = patch.pipelineId !== undefined || patch.stageId !== undefined;
        const placement = moves
          ? await resolveDealStage(tx, patch)
          : { pipelineId: row.pipeline_id, stageId: row.stage_id };
        return updateVersioned(
          tx,
          {
            entity: 'deal',
            id,
            version: patch.version,
            fields: DEAL_HISTORY_FIELDS,
            read: async () => {
              const current = await tx.deals.findById(id);
              return current ? readDealDto(tx, current) : null;
            },
            write: (expected) => tx.deals.update(id, dealColumns(row, patch, placement, now), expected),
          },
          actor,
          now,
        );
      });
      if (changes.length > 0) events.emit('deal.updated', { deal: dto });
      return dto;
    },
    history: historyOf(store, 'deal', (id) => store.deals.findById(id)),
    async delete(id: string): Promise<void> {
      await store.transaction(async (tx) => {
        requireRecord(await tx.deals.findById(id));
        await tx.links.unlinkEntity('deal', id);
        await tx.changes.deleteFor('deal', id);
        await tx.deals.delete(id);
      });
    },
    async list(query: TListCrmDealsQuery): Promise<TPage<TCrmDealDto>> {
      const rows = await store.deals.list({
        q: query.q,
        status: query.status,
        ownerId: query.ownerId,
        pipelineId: query.pipelineId,
        stageId: query.stageId,
        personId: query.personId,
        organizationId: query.organizationId,
        afterId: decodeCrmCursor(query.cursor),
        limit: query.limit,
      });
      const page = toCrmPage(rows, query.limit);
      const refs = await loadRefNames(store, 'deal', page.rows);
      return { items: page.rows.map((r) => toDealDto(r, refs)), nextCursor: page.nextCursor };
    },
  };
}
export type DealsService = ReturnType<typeof createDealsService>;
