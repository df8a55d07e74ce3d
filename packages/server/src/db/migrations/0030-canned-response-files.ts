import type { Kysely } from 'kysely';

// Issue 17, files of canned responses (owned by modules/attachments, beside the uploads: every row
// naming a blob lives there, so the blob sweep sees them all). A canned file names a blob by its
// SHA-256 like an upload; inserting the response stages uploads naming the same blob (no byte is
// copied). The files go with their canned response (ON DELETE CASCADE), and their blobs to the
// sweep once no upload names them either. `position` orders them; unique per response, so two
// concurrent additions cannot take the same place.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('canned_response_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('canned_response_id', 'text', (c) =>
      c.notNull().references('canned_responses.id').onDelete('cascade'),
    )
    .addColumn('blob_sha256', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('canned_response_files_position')
    .on('canned_response_files')
    .columns(['canned_response_id', 'position'])
    .unique()
    .execute();
  await db.schema
    .createIndex('canned_response_files_blob')
    .on('canned_response_files')
    .column('blob_sha256')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('canned_response_files').execute();
}
