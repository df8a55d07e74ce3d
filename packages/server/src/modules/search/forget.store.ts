import { sql } from 'kysely';
import type { Db } from '../../db/database';
import { isPostgres } from './message-index.store';

/**
 * Removes conversations from every search index before they are deleted (privacy erase and
 * retention, issue 22). PostgreSQL would cascade; SQLite's FTS5 tables cannot reference rows, so
 * their entries are deleted here explicitly: nothing the visitor said stays searchable.
 */
export async function forgetConversations(db: Db, conversationIds: string[]): Promise<void> {
  if (conversationIds.length === 0) return;
  const ids = sql.join(conversationIds);
  if (!isPostgres(db))
    await sql`delete from conversation_profiles_fts where rowid in
      (select rowid from conversation_profiles where conversation_id in (${ids}))`.execute(db);
  await db.deleteFrom('conversation_profiles').where('conversation_id', 'in', conversationIds).execute();
  await sql`delete from search_messages where conversation_id in (${ids})`.execute(db);
}
