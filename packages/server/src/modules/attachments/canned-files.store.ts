import { sql } from 'kysely';
import type { Db } from '../../db/database';
import type { CannedResponseFilesTable } from '../../db/schema.attachments';
import { touchBlob } from './attachments.store';

export type CannedFileRow = CannedResponseFilesTable;

/** The SQL of canned responses' files (issue 17): rows naming blobs, like uploads. */
export function createCannedFilesStore(db: Db) {
  return {
    /** The files of these canned responses, each response's in their order. */
    async listOf(cannedIds: string[]): Promise<CannedFileRow[]> {
      if (cannedIds.length === 0) return [];
      return db
        .selectFrom('canned_response_files')
        .selectAll()
        .where('canned_response_id', 'in', cannedIds)
        .orderBy('canned_response_id')
        .orderBy('position')
        .execute();
    },

    async find(id: string): Promise<CannedFileRow | null> {
      return (
        (await db.selectFrom('canned_response_files').selectAll().where('id', '=', id).executeTakeFirst()) ??
        null
      );
    },

    async count(cannedId: string): Promise<number> {
      const row = await db
        .selectFrom('canned_response_files')
        .select(sql<number | string>`count(*)`.as('n'))
        .where('canned_response_id', '=', cannedId)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    /**
     * Records the blob (or refreshes its grace period) and adds the file after the response's
     * others, unless it already has `max`; false then (the blob row stays for the sweep to judge).
     */
    async add(file: Omit<CannedFileRow, 'position'>, max: number, now: number): Promise<boolean> {
      return db.transaction().execute(async (tx) => {
        await touchBlob(tx, { sha256: file.blob_sha256, size: file.size }, now);
        // Additions racing for the same place: the unique index lets one in, the others take the
        // next. Each lost place is a row another addition committed, so after `max` losses the
        // count says full: `max + 1` attempts always settle.
        for (let attempt = 0; attempt <= max; attempt += 1) {
          const taken = await tx
            .selectFrom('canned_response_files')
            .select([sql<number | string>`count(*)`.as('n'), sql<number | null>`max(position)`.as('last')])
            .where('canned_response_id', '=', file.canned_response_id)
            .executeTakeFirstOrThrow();
          if (Number(taken.n) >= max) return false;
          const position = taken.last === null ? 0 : Number(taken.last) + 1;
          const inserted = await tx
            .insertInto('canned_response_files')
            .values({ ...file, position })
            .onConflict((oc) => oc.columns(['canned_response_id', 'position']).doNothing())
            .executeTakeFirst();
          if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return true;
        }
        throw new Error('canned file: no free place after every attempt');
      });
    },

    /** False when the response has no such file. */
    async remove(cannedId: string, id: string): Promise<boolean> {
      const result = await db
        .deleteFrom('canned_response_files')
        .where('canned_response_id', '=', cannedId)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
export type CannedFilesStore = ReturnType<typeof createCannedFilesStore>;
