import { sql, type Kysely } from 'kysely';

// Issue 25, the cost of each message: the unique index that makes a resent message a no-op (R28)
// was led by the conversation, so the messages of one commit group, spread over many chats, each
// dirtied their own page of it. Clients now make ids that sort by the time they were sent
// (`newClientMsgId`); led by the id, the index grows at its end and a group shares one page.
// On a copy of a bench database, 16 messages a commit over 500 chats wrote 6.05 WAL pages a
// message before and 4.75 after. Uniqueness is the same pair of columns.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index messages_client_id`.execute(db);
  await sql`create unique index messages_client_id on messages (client_msg_id, conversation_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index messages_client_id`.execute(db);
  await sql`create unique index messages_client_id on messages (conversation_id, client_msg_id)`.execute(db);
}
