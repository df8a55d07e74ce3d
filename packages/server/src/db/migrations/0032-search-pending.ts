import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Issue 25, the cost of each message on SQLite: an FTS5 insert costs its transaction a new index
// segment (four of them, with the prefix indexes), about 40 µs of each message when chat messages
// commit a few at a time. New messages are now queued here by a trigger (a rowid, no text) and a
// background job indexes them 200 at a time (modules/search/message-indexer.store.ts); a search
// indexes what is queued before it reads. PostgreSQL keeps indexing in the message's transaction.
export async function up(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  await sql`create table search_pending (message_rowid integer primary key)`.execute(db);
  // `or ignore`: a rowid SQLite reuses (the newest message erased before it was indexed) is
  // already queued, and the indexer reads whichever message holds it then.
  await sql`create trigger search_pending_message after insert on messages begin
      insert or ignore into search_pending (message_rowid) values (new.rowid);
    end`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  await sql`drop trigger search_pending_message`.execute(db);
  await sql`drop table search_pending`.execute(db);
}
