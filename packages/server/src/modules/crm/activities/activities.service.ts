import type {
  TCreateCrmActivityRequest,
  TCrmActivityDto,
  TListCrmActivitiesQuery,
  TPage,
  TUpdateCrmActivityRequest,
} from '@charla/protocol';
import { newId } from '../../../lib/ids';
import type { ActivityListFilter, ActivityRow } from './activities.store';
import type { CrmActor, CrmDeps } from '../shared/crm-context';
import { decodeCrmCursor, toCrmPage } from '../shared/crm-cursor.util';
import { toActivityDto } from './activity-dto';
import { assertReferencesExist } from '../shared/crm-references';
import { toSearchText } from '../shared/crm-search.util';
import type { CrmTablesStore } from '../shared/crm.store';
import { requireRecord } from '../shared/require-record';
import { historyOf } from '../shared/record-history.service';
import { updateVersioned } from '../shared/versioned-update';

const ACTIVITY_HISTORY_FIELDS = [
  'subject',
  'type',
  'dueAt',
  'done',
  'assigneeId',
  'personId',
  'organizationId',
  'leadId',
  'dealId',
  'note',
] as const;

async function assertActivityReferences(
  tx: CrmTablesStore,
  input: Partial<TCreateCrmActivityRequest>,
): Promise<void> {
  await assertReferencesExist(tx.references, [
    { path: 'assigneeId', table: 'users', id: input.assigneeId },
    { path: 'personId', table: 'crm_persons', id: input.personId },
    { path: 'organizationId', table: 'crm_organizations', id: input.organizationId },
    { path: 'leadId', table: 'crm_leads', id: input.leadId },
    { path: 'dealId', table: 'crm_deals', id: input.dealId },
  ]);
}

/** Checks references and inserts an activity inside `tx`; returns the row. */
export async function insertActivity(
  tx: CrmTablesStore,
  input: TCreateCrmActivityRequest,
  actor: CrmActor,
  now: number,
): Promise<ActivityRow> {
  await assertActivityReferences(tx, input);
  const row: ActivityRow = {
    id: newId(),
    type: input.type,
    subject: input.subject,
    search_text: toSearchText(input.subject),
    due_at: input.dueAt ?? null,
    done: input.done ? 1 : 0,
    assignee_id: input.assigneeId ?? null,
    person_id: input.personId ?? null,
    organization_id: input.organizationId ?? null,
    lead_id: input.leadId ?? null,
    deal_id: input.dealId ?? null,
    note: input.note ?? null,
    source: actor.source,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await tx.activities.insert(row);
  return row;
}

export function createActivitiesService(deps: CrmDeps) {
  const { store, clock, events } = deps;
  return {
    async create(input: TCreateCrmActivityRequest, actor: CrmActor): Promise<TCrmActivityDto> {
      const dto = toActivityDto(
        await store.transaction((tx) => insertActivity(tx, input, actor, clock.now())),
      );
      events.emit('activity.created', { activity: dto });
      return dto;
    },
    async get(id: string): Promise<TCrmActivityDto> {
      return toActivityDto(requireRecord(await store.activities.findById(id)));
    },
    async update(id: string, patch: TUpdateCrmActivityRequest, actor: CrmActor): Promise<TCrmActivityDto> {
      const now = clock.now();
      return store.transaction(async (tx) => {
        await assertActivityReferences(tx, patch);
        const columns = {
          ...(patch.type !== undefined ? { type: patch.type } : {}),
          ...(patch.subject !== undefined
            ? { subject: patch.subject, search_text: toSearchText(patch.subject) }
            : {}),
          ...(patch.dueAt !== undefined ? { due_at: patch.dueAt } : {}),
          ...(patch.done !== undefined ? { done: patch.done ? 1 : 0 } : {}),
          ...(patch.assigneeId !== undefined ? { assignee_id: patch.assigneeId } : {}),
          ...(patch.personId !== undefined ? { person_id: patch.personId } : {}),
          ...(patch.organizationId !== undefined ? { organization_id: patch.organizationId } : {}),
          ...(patch.leadId !== undefined ? { lead_id: patch.leadId } : {}),
          ...(patch.dealId !== undefined ? { deal_id: patch.dealId } : {}),
          ...(patch.note !== undefined ? { note: patch.note || null } : {}),
          updated_at: now,
        };
        const result = await updateVersioned(
          tx,
          {
            entity: 'activity',
            id,
            version: patch.version,
            fields: ACTIVITY_HISTORY_FIELDS,
            read: async () => {
              const current = await tx.activities.findById(id);
              return current ? toActivityDto(current) : null;
            },
            write: (expected) => tx.activities.update(id, columns, expected),
          },
          actor,
          now,
        );
        return result.dto;
      });
    },
    history: historyOf(store, 'activity', (id) => store.activities.findById(id)),
    async delete(id: string): Promise<void> {
      await store.transaction(async (tx) => {
        requireRecord(await tx.activities.findById(id));
        await tx.links.unlinkEntity('activity', id);
        await tx.changes.deleteFor('activity', id);
        await tx.activities.delete(id);
      });
    },
    async list(query: TListCrmActivitiesQuery): Promise<TPage<TCrmActivityDto>> {
      const rows = await store.activities.list(listFilterOf(query));
      const page = toCrmPage(rows, query.limit);
      return { items: page.rows.map(toActivityDto), nextCursor: page.nextCursor };
    },
  };
}
export type ActivitiesService = ReturnType<typeof createActivitiesService>;

/** The list query's text values as the store's filter. */
function listFilterOf(query: TListCrmActivitiesQuery): ActivityListFilter {
  return {
    q: query.q,
    type: query.type,
    done: query.done === undefined ? undefined : query.done === 'true',
    assigneeId: query.assigneeId,
    personId: query.personId,
    organizationId: query.organizationId,
    leadId: query.leadId,
    dealId: query.dealId,
    dueFrom: query.dueFrom,
    dueBefore: query.dueBefore,
    undated: query.undated === 'true',
    afterId: decodeCrmCursor(query.cursor),
    limit: query.limit,
  };
}
