import { sql, type Kysely } from 'kysely';

// Issue 25, the cost of each message: a conversation's DTO shows its readers (R29) and labels,
// rows of other tables that almost never change while people chat. Each counts its changes on the
// conversation row, so whoever holds a row knows whether what it remembers of them is current
// (0: there are none) and a message reads them only after a change (modules/conversations/
// conversation-revisions.ts). Conversations that already have readers or labels start at 1.
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of ['readers_rev', 'labels_rev'])
    await db.schema
      .alterTable('conversations')
      .addColumn(column, 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  await sql`update conversations set readers_rev = 1
    where id in (select conversation_id from conversation_readers)`.execute(db);
  await sql`update conversations set labels_rev = 1
    where id in (select conversation_id from conversation_labels)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of ['readers_rev', 'labels_rev'])
    await db.schema.alterTable('conversations').dropColumn(column).execute();
}
