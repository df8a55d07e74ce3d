import type { Kysely } from 'kysely';

// Issue 16 item 3, conversation labels (owned by modules/labels): the company's labels, each a
// name (unique case-insensitively) and a palette colour, and which conversations carry which.
// Deleting a label or a conversation removes its rows here (foreign keys, cascade).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('labels')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull().unique()) // lowercased name
    .addColumn('color', 'text', (c) => c.notNull()) // a TLabelColor
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('conversation_labels')
    .addColumn('conversation_id', 'text', (c) =>
      c.notNull().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('label_id', 'text', (c) => c.notNull().references('labels.id').onDelete('cascade'))
    .addColumn('added_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('conversation_labels_pk', ['conversation_id', 'label_id'])
    .execute();
  // The label filter reads "conversations with this label" (folders, search, reports).
  await db.schema
    .createIndex('conversation_labels_label')
    .on('conversation_labels')
    .columns(['label_id', 'conversation_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('conversation_labels').execute();
  await db.schema.dropTable('labels').execute();
}
