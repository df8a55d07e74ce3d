import { sql } from 'kysely';
import type { Db } from '../../db/database';
import type { UploadsTable } from '../../db/schema.attachments';

export type UploadRow = UploadsTable;
export type Uploader = { kind: 'visitor' | 'user'; id: string };

/** Records a blob, or refreshes its grace period: the sweep leaves it alone for an hour from `now`. */
export async function touchBlob(tx: Db, blob: { sha256: string; size: number }, now: number): Promise<void> {
  await tx
    .insertInto('attachment_blobs')
    .values({ sha256: blob.sha256, size: blob.size, touched_at: now })
    .onConflict((oc) => oc.column('sha256').doUpdateSet({ touched_at: now }))
    .execute();
}

/** The SQL of uploads and blobs (issue 17). */
export function createAttachmentsStore(db: Db) {
  /** Uploads and their blobs in one transaction (a canned response's files staged at once). */
  async function insertMany(uploads: UploadRow[], now: number): Promise<void> {
    if (uploads.length === 0) return;
    await db.transaction().execute(async (tx) => {
      for (const upload of uploads)
        await touchBlob(tx, { sha256: upload.blob_sha256, size: upload.size }, now);
      await tx.insertInto('uploads').values(uploads).execute();
    });
  }

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
    insert: (upload: UploadRow, now: number) => insertMany([upload], now),
    insertMany,

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

/**
 * The blobs' list, for the sweep that deletes bytes nothing names any more: neither an upload
 * (staged or sent) nor a canned response's file.
 */
function createBlobsStore(db: Db) {
  return {
    /** Blobs no upload and no canned file names, untouched since `cutoff`: the sweep deletes them. */
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
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('canned_response_files as c')
                .select('c.id')
                .whereRef('c.blob_sha256', '=', 'b.sha256'),
            ),
          ),
        )
        .limit(limit)
        .execute();
      return rows.map((r) => r.sha256);
    },

    /**
     * Forgets a blob unless an upload or a canned file named it meanwhile; true when the row went
     * (delete the bytes).
     */
    async forgetBlob(sha256: string, cutoff: number): Promise<boolean> {
      const result = await db
        .deleteFrom('attachment_blobs')
        .where('sha256', '=', sha256)
        .where('touched_at', '<', cutoff)
        .where((eb) =>
          eb.not(eb.exists(eb.selectFrom('uploads').select('id').where('blob_sha256', '=', sha256))),
        )
        .where((eb) =>
          eb.not(
            eb.exists(eb.selectFrom('canned_response_files').select('id').where('blob_sha256', '=', sha256)),
          ),
        )
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
