import type {
  TCreateCrmPersonRequest,
  TCrmPersonDto,
  TListCrmPersonsQuery,
  TPage,
  TUpdateCrmPersonRequest,
} from '@charla/protocol';
import { newId } from '../../../lib/ids';
import { fromJsonColumn, toJsonColumn } from '../../../lib/json';
import type { CrmActor, CrmDeps } from '../shared/crm-context';
import { decodeCrmCursor, toCrmPage } from '../shared/crm-cursor.util';
import { toPersonDto } from './person-dto';
import { loadRefNames } from '../shared/crm-ref-names';
import { assertReferencesExist } from '../shared/crm-references';
import { toSearchText } from '../shared/crm-search.util';
import type { CrmTablesStore } from '../shared/crm.store';
import type { PersonIdentity, PersonRow } from './persons.store';
import { requireRecord } from '../shared/require-record';
import { historyOf } from '../shared/record-history.service';
import { updateVersioned } from '../shared/versioned-update';

/** The email and phone rows a person is matched by. */
export function identitiesOf(emails: string[], phones: string[]): PersonIdentity[] {
  return [
    ...emails.map((value) => ({ kind: 'email' as const, value })),
    ...phones.map((value) => ({ kind: 'phone' as const, value })),
  ];
}

const PERSON_HISTORY_FIELDS = ['name', 'emails', 'phones', 'organization', 'ownerId', 'notes'] as const;

const unique = (values: string[] | undefined): string[] => [...new Set(values ?? [])];

/** Inserts a person inside `tx` (references already checked); returns the row. */
export async function insertPerson(
  tx: CrmTablesStore,
  input: TCreateCrmPersonRequest,
  actor: CrmActor,
  now: number,
): Promise<PersonRow> {
  const emails = unique(input.emails);
  const phones = unique(input.phones);
  const row: PersonRow = {
    id: newId(),
    name: input.name,
    search_text: toSearchText(input.name, ...emails, ...phones),
    emails: toJsonColumn(emails),
    phones: toJsonColumn(phones),
    organization_id: input.organizationId ?? null,
    owner_id: input.ownerId ?? null,
    notes: input.notes ?? null,
    source: actor.source,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await tx.persons.insert(row, identitiesOf(emails, phones));
  return row;
}

/** Loads a person DTO with its organization name and conversation links. */
export async function readPersonDto(tx: CrmTablesStore, row: PersonRow): Promise<TCrmPersonDto> {
  return toPersonDto(row, await loadRefNames(tx, 'person', [row]));
}

/** The columns a patch changes, and the person's identities when its emails or phones changed. */
function personChange(row: PersonRow, patch: TUpdateCrmPersonRequest, now: number) {
  const name = patch.name ?? row.name;
  const emails = patch.emails ? unique(patch.emails) : fromJsonColumn<string[]>(row.emails, []);
  const phones = patch.phones ? unique(patch.phones) : fromJsonColumn<string[]>(row.phones, []);
  const identitiesChanged = patch.emails !== undefined || patch.phones !== undefined;
  const columns = {
    name,
    emails: toJsonColumn(emails),
    phones: toJsonColumn(phones),
    search_text: toSearchText(name, ...emails, ...phones),
    ...(patch.organizationId !== undefined ? { organization_id: patch.organizationId } : {}),
    ...(patch.ownerId !== undefined ? { owner_id: patch.ownerId } : {}),
    ...(patch.notes !== undefined ? { notes: patch.notes || null } : {}),
    updated_at: now,
  };
  return { columns, identities: identitiesChanged ? identitiesOf(emails, phones) : undefined };
}

export function createPersonsService(deps: CrmDeps) {
  const { store, clock, events } = deps;

  return {
    async create(input: TCreateCrmPersonRequest, actor: CrmActor): Promise<TCrmPersonDto> {
      const dto = await store.transaction(async (tx) => {
        await assertReferencesExist(tx.references, [
          { path: 'organizationId', table: 'crm_organizations', id: input.organizationId },
          { path: 'ownerId', table: 'users', id: input.ownerId },
        ]);
        return readPersonDto(tx, await insertPerson(tx, input, actor, clock.now()));
      });
      events.emit('person.created', { person: dto });
      return dto;
    },
    async get(id: string): Promise<TCrmPersonDto> {
      return readPersonDto(store, requireRecord(await store.persons.findById(id)));
    },
    async update(id: string, patch: TUpdateCrmPersonRequest, actor: CrmActor): Promise<TCrmPersonDto> {
      const now = clock.now();
      return store.transaction(async (tx) => {
        const row = requireRecord(await tx.persons.findById(id));
        await assertReferencesExist(tx.references, [
          { path: 'organizationId', table: 'crm_organizations', id: patch.organizationId },
          { path: 'ownerId', table: 'users', id: patch.ownerId },
        ]);
        const { columns, identities } = personChange(row, patch, now);
        const result = await updateVersioned(
          tx,
          {
            entity: 'person',
            id,
            version: patch.version,
            fields: PERSON_HISTORY_FIELDS,
            read: async () => {
              const current = await tx.persons.findById(id);
              return current ? readPersonDto(tx, current) : null;
            },
            write: (expected) => tx.persons.update(id, columns, identities, expected),
          },
          actor,
          now,
        );
        return result.dto;
      });
    },
    history: historyOf(store, 'person', (id) => store.persons.findById(id)),
    async delete(id: string): Promise<void> {
      await store.transaction(async (tx) => {
        requireRecord(await tx.persons.findById(id));
        await tx.links.unlinkEntity('person', id);
        await tx.changes.deleteFor('person', id);
        await tx.persons.delete(id);
      });
    },
    async list(query: TListCrmPersonsQuery): Promise<TPage<TCrmPersonDto>> {
      const rows = await store.persons.list({
        q: query.q,
        organizationId: query.organizationId,
        ownerId: query.ownerId,
        afterId: decodeCrmCursor(query.cursor),
        limit: query.limit,
      });
      const page = toCrmPage(rows, query.limit);
      const refs = await loadRefNames(store, 'person', page.rows);
      return { items: page.rows.map((r) => toPersonDto(r, refs)), nextCursor: page.nextCursor };
    },
  };
}
export type PersonsService = ReturnType<typeof createPersonsService>;
