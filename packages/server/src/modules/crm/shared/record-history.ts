import type { TCrmChangeDto, TCrmChangeValue } from '@charla/protocol';
import type { CrmEntityType } from '../../../db/schema.crm';
import { newId } from '../../../lib/ids';
import { fromJsonColumn, toJsonColumn } from '../../../lib/json';
import type { CrmActor } from './crm-context';
import type { CrmReferenceTable } from './crm-references.store';
import type { CrmTablesStore } from './crm.store';
import type { ChangeRow } from './record-changes.store';

/** One field of a record that a change moved from one value to another. */
export type FieldChange = { field: string; from: TCrmChangeValue; to: TCrmChangeValue };

/** DTO fields that hold a bare id: the history stores the name beside it, as it was then. */
const ID_FIELDS: Partial<Record<string, CrmReferenceTable>> = {
  ownerId: 'users',
  assigneeId: 'users',
  pipelineId: 'crm_pipelines',
  personId: 'crm_persons',
  organizationId: 'crm_organizations',
  leadId: 'crm_leads',
  dealId: 'crm_deals',
};

const asValue = (value: unknown): TCrmChangeValue =>
  value === undefined ? null : (value as TCrmChangeValue);

/** The tracked fields whose value differs between two versions of a record (pure). */
export function diffRecord<T extends object>(
  before: T,
  after: T,
  fields: readonly (keyof T & string)[],
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const from = asValue(before[field]);
    const to = asValue(after[field]);
    if (JSON.stringify(from) !== JSON.stringify(to)) changes.push({ field, from, to });
  }
  return changes;
}

/** Replaces the bare ids of `ID_FIELDS` by `{ id, name }` so the history reads without lookups. */
async function withNames(tx: CrmTablesStore, changes: FieldChange[]): Promise<FieldChange[]> {
  const named: FieldChange[] = [];
  for (const change of changes) {
    const table = ID_FIELDS[change.field];
    if (!table) {
      named.push(change);
      continue;
    }
    const ids = [change.from, change.to].filter((v): v is string => typeof v === 'string');
    const names = await tx.references.namesOf(table, ids);
    const ref = (v: TCrmChangeValue): TCrmChangeValue =>
      typeof v === 'string' ? { id: v, name: names.get(v) ?? '' } : v;
    named.push({ field: change.field, from: ref(change.from), to: ref(change.to) });
  }
  return named;
}

/** Writes one history row per changed field, inside the transaction of the change. */
export async function recordChanges(
  tx: CrmTablesStore,
  record: { entity: CrmEntityType; id: string; version: number },
  changes: FieldChange[],
  actor: CrmActor,
  now: number,
): Promise<void> {
  const rows: ChangeRow[] = (await withNames(tx, changes)).map((c) => ({
    id: newId(),
    entity_type: record.entity,
    entity_id: record.id,
    field: c.field,
    from_value: toJsonColumn(c.from),
    to_value: toJsonColumn(c.to),
    user_id: actor.user?.id ?? null,
    user_name: actor.user?.name ?? null,
    version: record.version,
    changed_at: now,
  }));
  await tx.changes.insert(rows);
}

export function toChangeDto(row: ChangeRow): TCrmChangeDto {
  return {
    id: row.id,
    field: row.field,
    from: fromJsonColumn<TCrmChangeValue>(row.from_value, null),
    to: fromJsonColumn<TCrmChangeValue>(row.to_value, null),
    by: row.user_id === null ? null : { id: row.user_id, name: row.user_name ?? '' },
    at: Number(row.changed_at),
    version: Number(row.version),
  };
}
