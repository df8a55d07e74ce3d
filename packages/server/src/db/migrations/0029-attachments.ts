import type { Kysely } from 'kysely';

// Issue 17, files in live chat (owned by modules/attachments). An upload is staged bound to its
// conversation and uploader, then claimed by the message that sends it (message_id). Its bytes are
// a content-addressed blob (SHA-256), stored once however often they are sent; `attachment_blobs`
// lists the blobs so a sweep can delete those no upload names. Uploads go with their conversation
// (ON DELETE CASCADE): deleting a conversation frees its blobs for the sweep.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('uploads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('conversation_id', 'text', (c) =>
      c.notNull().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('uploader_kind', 'text', (c) => c.notNull())
    .addColumn('uploader_id', 'text', (c) => c.notNull())
    .addColumn('blob_sha256', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('message_id', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('uploads_conversation').on('uploads').column('conversation_id').execute();
  await db.schema.createIndex('uploads_blob').on('uploads').column('blob_sha256').execute();
  await db.schema.createIndex('uploads_staged').on('uploads').columns(['message_id', 'created_at']).execute();
  await db.schema
    .createTable('attachment_blobs')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('touched_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('attachment_blobs').execute();
  await db.schema.dropTable('uploads').execute();
}
