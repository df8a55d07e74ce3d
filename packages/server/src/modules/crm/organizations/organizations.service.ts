import type {
  TCreateCrmOrganizationRequest,
  TCrmOrganizationDto,
  TListCrmOrganizationsQuery,
  TPage,
  TUpdateCrmOrganizationRequest,
} from '@charla/protocol';
import { newId } from '../../../lib/ids';
import type { CrmActor, CrmDeps } from '../shared/crm-context';
import { decodeCrmCursor, toCrmPage } from '../shared/crm-cursor.util';
import { toOrganizationDto } from './organization-dto';
import { loadRefNames } from '../shared/crm-ref-names';
import { toSearchText } from '../shared/crm-search.util';
import type { CrmTablesStore } from '../shared/crm.store';
import type { OrganizationRow } from './organizations.store';
import { requireRecord } from '../shared/require-record';
import { historyOf } from '../shared/record-history.service';
import { updateVersioned } from '../shared/versioned-update';
import { assertReferencesExist } from '../shared/crm-references';

/** Inserts an organization inside `tx`; returns the row. */
export async function insertOrganization(
  tx: CrmTablesStore,
  input: TCreateCrmOrganizationRequest,
  actor: CrmActor,
  now: number,
): Promise<OrganizationRow> {
  const row: OrganizationRow = {
    id: newId(),
    name: input.name,
    name_lc: toSearchText(input.name),
    address: input.address ?? null,
    owner_id: input.ownerId ?? null,
    source: actor.source,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await tx.organizations.insert(row);
  return row;
}

/** An organization DTO with its conversation links. */
export async function readOrganizationDto(
  tx: CrmTablesStore,
  row: OrganizationRow,
): Promise<TCrmOrganizationDto> {
  return toOrganizationDto(row, await loadRefNames(tx, 'organization', [row]));
}

export function createOrganizationsService(deps: CrmDeps) {
  const { store, clock, events } = deps;
  return {
    async create(input: TCreateCrmOrganizationRequest, actor: CrmActor): Promise<TCrmOrganizationDto> {
      const dto = await store.transaction(async (tx) => {
        await assertReferencesExist(tx.references, [{ path: 'ownerId', table: 'users', id: input.ownerId }]);
        return readOrganizationDto(tx, await insertOrganization(tx, input, actor, clock.now()));
      });
      events.emit('organization.created', { organization: dto });
      return dto;
    },
    async get(id: string): Promise<TCrmOrganizationDto> {
      return readOrganizationDto(store, requireRecord(await store.organizations.findById(id)));
    },
    async update(
      id: string,
      patch: TUpdateCrmOrganizationRequest,
      actor: CrmActor,
    ): Promise<TCrmOrganizationDto> {
      const now = clock.now();
      return store.transaction(async (tx) => {
        await assertReferencesExist(tx.references, [{ path: 'ownerId', table: 'users', id: patch.ownerId }]);
        const columns = {
          ...(patch.name !== undefined ? { name: patch.name, name_lc: toSearchText(patch.name) } : {}),
          ...(patch.address !== undefined ? { address: patch.address || null } : {}),
          ...(patch.ownerId !== undefined ? { owner_id: patch.ownerId } : {}),
          updated_at: now,
        };
        const result = await updateVersioned(
          tx,
          {
            entity: 'organization',
            id,
            version: patch.version,
            fields: ['name', 'address', 'ownerId'],
            read: async () => {
              const current = await tx.organizations.findById(id);
              return current ? readOrganizationDto(tx, current) : null;
            },
            write: (expected) => tx.organizations.update(id, columns, expected),
          },
          actor,
          now,
        );
        return result.dto;
      });
    },
    history: historyOf(store, 'organization', (id) => store.organizations.findById(id)),
    async delete(id: string): Promise<void> {
      await store.transaction(async (tx) => {
        requireRecord(await tx.organizations.findById(id));
        await tx.links.unlinkEntity('organization', id);
        await tx.changes.deleteFor('organization', id);
        await tx.organizations.delete(id);
      });
    },
    async list(query: TListCrmOrganizationsQuery): Promise<TPage<TCrmOrganizationDto>> {
      const rows = await store.organizations.list({
        q: query.q,
        afterId: decodeCrmCursor(query.cursor),
        limit: query.limit,
      });
      const page = toCrmPage(rows, query.limit);
      const refs = await loadRefNames(store, 'organization', page.rows);
      return { items: page.rows.map((r) => toOrganizationDto(r, refs)), nextCursor: page.nextCursor };
    },
  };
}
export type OrganizationsService = ReturnType<typeof createOrganizationsService>;
