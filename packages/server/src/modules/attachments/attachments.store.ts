import { sql } from 'kysely';
import type { Db } from '../../db/database';
import type { UploadsTable } from '../../db/schema.attachments';

export type UploadRow = UploadsTable;
export type Uploader = { kind: 'visitor' | 'user'; id: string };

/** The SQL of uploads and blobs (issue 17). */
export function createAttachmentsStore(db: Db) {
  return {
    ...createBlobsStore(db),
    /** The bytes of a conversation's files so far, staged ones included (its quota). */
    async bytesOf(conversationId: string): Promise<number> {
      const row = await db
        .selectFrom('uploads')
        .select(sql<number | string | null>`sum(size)`.as('total'))
        .where('conversation_id', '=', conversationId)
        .executeTakeFirst();
      return Number(row?.total ?? 0);
    },

    /** Records the blob (or refreshes its grace period) and the upload, in one transaction. */
    async insert(upload: UploadRow, now: number): Promise<void> {
      await db.transaction().execute(async (tx) => {
        await tx
          .insertInto('attachment_blobs')
          .values({ sha256: upload.blob_sha256, size: upload.size, touched_at: now })
          .onConflict((oc) => oc.column('sha256').doUpdateSet({ touched_at: now }))
          .execute();
        await tx.insertInto('uploads').values(upload).execute();
      });
    },

    async find(id: string): Promise<UploadRow | null> {
      return (await db.selectFrom('uploads').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
    },

    /** Staged uploads of this uploader in this conversation among `ids`. */
    async staged(conversationId: string, uploader: Uploader, ids: string[]): Promise<UploadRow[]> {
      if (ids.length === 0) return [];
      return db
        .selectFrom('uploads')
        .selectAll()
        .where('id', 'in', ids)
        .where('conversation_id', '=', conversationId)
        .where('uploader_kind', '=', uploader.kind)
        .where('uploader_id', '=', uploader.id)
        .where('message_id', 'is', null)
        .execute();
    },

    /** Claims staged uploads for a message inside its transaction; how many it claimed. */
    async claim(tx: Db, conversationId: string, uploader: Uploader, ids: string[], messageId: string) {
      const result = await tx
        .updateTable('uploads')
        .set({ message_id: messageId })
        .where('id', 'in', ids)
        .where('conversation_id', '=', conversationId)
        .where('uploader_kind', '=', uploader.kind)
        .where('uploader_id', '=', uploader.id)
        .where('message_id', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    /** Staged uploads nobody sent before `cutoff` are dropped (their blobs then go to the sweep). */
    async dropStagedBefore(cutoff: number): Promise<number> {
      const result = await db
        .deleteFrom('uploads')
        .where('message_id', 'is', null)
        .where('created_at', '<', cutoff)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
export type AttachmentsStore = ReturnType<typeof createAttachmentsStore>;

/** The blobs' list, for the sweep that deletes bytes no upload names any more. */
function createBlobsStore(db: Db) {
  return {
    /** Blobs no upload names, untouched since `cutoff`: the sweep deletes them. */
    async orphanBlobs(cutoff: number, limit: number): Promise<string[]> {
      const rows = await db
        .selectFrom('attachment_blobs as b')
        .select('b.sha256')
        .where('b.touched_at', '<', cutoff)
        .where((eb) =>
          eb.not(
            eb.exists(
              eb.selectFrom('uploads as u').select('u.id').whereRef('u.blob_sha256', '=', 'b.sha256'),
            ),
          ),
        )
        .limit(limit)
        .execute();
      return rows.map((r) => r.sha256);
    },

    /** Forgets a blob unless an upload named it meanwhile; true when the row went (delete the bytes). */
    async forgetBlob(sha256: string, cutoff: number): Promise<boolean> {
      const result = await db
        .deleteFrom('attachment_blobs')
        .where('sha256', '=', sha256)
        .where('touched_at', '<', cutoff)
        .where((eb) =>
          eb.not(eb.exists(eb.selectFrom('uploads').select('id').where('blob_sha256', '=', sha256))),
        )
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
