import { sql } from 'kysely';
import type { TCloseReason, TFolder } from '@charla/protocol';
import type { Db } from '../../db/database';
import type { ConversationsTable } from '../../db/schema';

export type FolderPageQuery = {
  folder: TFolder;
  viewerId: string;
  q?: string | undefined;
  cursor?: { at: number; id: string } | undefined;
  limit: number;
  /** Unassigned only: chats routed to this team (issue 19). */
  teamId?: string | undefined;
  /** Closed only: conversations that ended this way (issue 16). */
  closeReason?: TCloseReason | undefined;
  /** Any folder: only conversations carrying this label (issue 16). */
  labelId?: string | undefined;
};

/** Escapes LIKE wildcards so user input always matches literally. */
function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The inbox folders (Unassigned, Mine, Closed): their pages and their counts. */
export function createFoldersStore(db: Db) {
  return {
    /** One folder page for a viewer; visibility (R14) is part of the WHERE clause, never the caller's job. */
    async listFolder(query: FolderPageQuery): Promise<ConversationsTable[]> {
      const sortColumn = query.folder === 'closed' ? 'closed_at' : 'last_message_at';
      let q = db.selectFrom('conversations').selectAll();
      if (query.folder === 'unassigned') q = q.where('status', '=', 'waiting');
      if (query.folder === 'unassigned' && query.teamId) q = q.where('team_id', '=', query.teamId);
      if (query.folder === 'mine')
        q = q.where('status', '=', 'assigned').where('assignee_id', '=', query.viewerId);
      if (query.folder === 'closed') q = q.where('status', '=', 'closed');
      if (query.folder === 'closed' && query.closeReason) q = q.where('close_reason', '=', query.closeReason);
      if (query.labelId) {
        const labelId = query.labelId;
        q = q.where('id', 'in', (eb) =>
          eb.selectFrom('conversation_labels').select('conversation_id').where('label_id', '=', labelId),
        );
      }
      if (query.q) {
        const pattern = likePattern(query.q);
        q = q.where((eb) =>
          eb.or([
            eb(sql`search_text`, 'like', sql`${pattern} escape '\\'`),
            eb(sql`lower(last_message_preview)`, 'like', sql`${pattern} escape '\\'`),
          ]),
        );
      }
      if (query.cursor) {
        const { at, id } = query.cursor;
        q = q.where((eb) =>
          eb.or([eb(sortColumn, '<', at), eb.and([eb(sortColumn, '=', at), eb('id', '<', id)])]),
        );
      }
      return q.orderBy(sortColumn, 'desc').orderBy('id', 'desc').limit(query.limit).execute();
    },

    async counts(viewerId: string): Promise<{ unassigned: number; mine: number; closed: number }> {
      const row = await db
        .selectFrom('conversations')
        .select([
          sql<number>`sum(case when status = 'waiting' then 1 else 0 end)`.as('unassigned'),
          sql<number>`sum(case when status = 'assigned' and assignee_id = ${viewerId} then 1 else 0 end)`.as(
            'mine',
          ),
          sql<number>`sum(case when status = 'closed' then 1 else 0 end)`.as('closed'),
        ])
        .executeTakeFirstOrThrow();
      return {
        unassigned: Number(row.unassigned ?? 0),
        mine: Number(row.mine ?? 0),
        closed: Number(row.closed ?? 0),
      };
    },
  };
}
