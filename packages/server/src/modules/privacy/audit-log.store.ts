import type { Db } from '../../db/database';
import type { AuditLogTable } from '../../db/schema.privacy';

/** The audit log (issue 22): append and read, newest first. */
export function createAuditLogStore(db: Db) {
  return {
    async insert(row: AuditLogTable): Promise<void> {
      await db.insertInto('audit_log').values(row).execute();
    },
    async list(limit: number, before?: { at: number; id: string }): Promise<AuditLogTable[]> {
      let q = db.selectFrom('audit_log').selectAll();
      if (before)
        q = q.where((eb) =>
          eb.or([eb('at', '<', before.at), eb.and([eb('at', '=', before.at), eb('id', '<', before.id)])]),
        );
      return q.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
    },
  };
}
export type AuditLogStore = ReturnType<typeof createAuditLogStore>;
