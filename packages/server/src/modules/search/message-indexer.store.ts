import { sql } from 'kysely';
import type { Db } from '../../db/database';
import { indexMessage, isPostgres } from './message-index.store';

/** How often the background job indexes the queue (a search indexes it first in any case). */
export const MESSAGE_INDEX_EVERY_MS = 500;
/**
 * Messages indexed per transaction: FTS5 writes one index segment per transaction (about 5 µs a
 * message at 100 or more, 55 µs alone); chat messages wait for the connection meanwhile, so a
 * batch stays short and the next one waits its turn behind them.
 */
const BATCH = 200;

type QueuedRow = {
  message_rowid: number;
  id: string | null;
  conversation_id: string | null;
  seq: number | null;
  body: string | null;
};

/**
 * SQLite (issue 25): indexes the messages migration 0032's trigger queued, oldest first, a batch
 * per transaction, until the queue is empty; a queued message erased since is dropped from the
 * queue. Returns how many queue entries it took. PostgreSQL indexes in each message's own
 * transaction and queues nothing.
 */
export async function indexQueuedMessages(db: Db): Promise<number> {
  if (isPostgres(db)) return 0;
  let taken = 0;
  for (;;) {
    const batch = await db.transaction().execute(async (tx) => {
      const { rows } = await sql<QueuedRow>`select p.message_rowid, m.id, m.conversation_id, m.seq, m.body
        from search_pending p left join messages m on m.rowid = p.message_rowid
        order by p.message_rowid limit ${BATCH}`.execute(tx);
      const last = rows.at(-1);
      if (!last) return 0;
      for (const row of rows)
        if (row.id !== null && row.conversation_id !== null && row.seq !== null && row.body !== null)
          await indexMessage(tx, {
            id: row.id,
            conversation_id: row.conversation_id,
            seq: row.seq,
            body: row.body,
          });
      await sql`delete from search_pending where message_rowid <= ${last.message_rowid}`.execute(tx);
      return rows.length;
    });
    taken += batch;
    if (batch < BATCH) return taken;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
