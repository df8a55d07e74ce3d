import type { CrmEntityType } from '../../../db/schema.crm';
import { AppError } from '../../../lib/app-error';
import type { CrmActor } from './crm-context';
import type { CrmTablesStore } from './crm.store';
import { diffRecord, recordChanges, type FieldChange } from './record-history';
import { requireRecord } from './require-record';

/** 409 CONFLICT carrying the record as it is now, so the client can show it and offer a reload. */
export function versionConflict(current: unknown): AppError {
  return new AppError('CONFLICT', {
    message: 'Someone else changed this record meanwhile; reload it and try again.',
    details: { current },
  });
}

export type VersionedUpdate<Dto> = {
  entity: CrmEntityType;
  id: string;
  /** The version the client's change was made on. */
  version: number;
  /** The fields of the DTO the history tracks. */
  fields: readonly (keyof Dto & string)[];
  read(): Promise<Dto | null>;
  /** Applies the change when the stored version is still `expectedVersion`; false otherwise. */
  write(expectedVersion: number): Promise<boolean>;
};

/**
 * One PATCH of a CRM record, inside `tx`: 404 when it is gone, 409 with the current record when
 * its version moved on (also when a concurrent change wins between our read and our write), else
 * the change, its history rows (who, when, field, from → to) and the new DTO.
 */
export async function updateVersioned<Dto extends { version: number }>(
  tx: CrmTablesStore,
  update: VersionedUpdate<Dto>,
  actor: CrmActor,
  now: number,
): Promise<{ dto: Dto; changes: FieldChange[] }> {
  const before = requireRecord(await update.read());
  if (before.version !== update.version) throw versionConflict(before);
  if (!(await update.write(update.version))) throw versionConflict(requireRecord(await update.read()));
  const dto = requireRecord(await update.read());
  const changes = diffRecord(before, dto, update.fields);
  await recordChanges(
    tx,
    { entity: update.entity, id: update.id, version: dto.version },
    changes,
    actor,
    now,
  );
  return { dto, changes };
}
