import type { Db } from '../../db/database';
import type { ConversationRatingsTable } from '../../db/schema.ratings';

export type RatingRow = ConversationRatingsTable;
export type RatingListRow = RatingRow & { assignee_name: string | null };

/** What rating needs to know about a conversation (read-only: the table belongs to conversations). */
export type RatedConversationRow = {
  id: string;
  visitor_id: string;
  status: 'bot' | 'waiting' | 'assigned' | 'closed';
  closed_at: number | null;
  playbook_id: string | null;
  playbook_revision: number | null;
  assignee_id: string | null;
};

/**
 * Owns `conversation_ratings`. Cross-module reads, read-only: `conversations` (state and close
 * time), `playbook_revisions` (the survey setting of the revision the conversation ran),
 * `crm_conversation_links` (ratings of a CRM person) and `users` (assignee names).
 */
export function createRatingsStore(db: Db) {
  const listQuery = () =>
    db
      .selectFrom('conversation_ratings as r')
      .leftJoin('users as u', 'u.id', 'r.assignee_id')
      .selectAll('r')
      .select('u.name as assignee_name');
  async function find(conversationId: string): Promise<RatingRow | null> {
    return (
      (await db
        .selectFrom('conversation_ratings')
        .selectAll()
        .where('conversation_id', '=', conversationId)
        .executeTakeFirst()) ?? null
    );
  }

  return {
    async findConversation(id: string): Promise<RatedConversationRow | null> {
      return (
        (await db
          .selectFrom('conversations')
          .select([
            'id',
            'visitor_id',
            'status',
            'closed_at',
            'playbook_id',
            'playbook_revision',
            'assignee_id',
          ])
          .where('id', '=', id)
          .executeTakeFirst()) ?? null
      );
    },
    /** The stored JSON of one playbook revision (null when it is gone). */
    async playbookRevisionDocument(playbookId: string, revision: number): Promise<string | null> {
      const row = await db
        .selectFrom('playbook_revisions')
        .select('document')
        .where('playbook_id', '=', playbookId)
        .where('revision', '=', revision)
        .executeTakeFirst();
      return row?.document ?? null;
    },
    find,
    /** One row per conversation: a second rating replaces score and comment, keeps created_at. */
    async upsert(row: RatingRow): Promise<RatingRow> {
      await db
        .insertInto('conversation_ratings')
        .values(row)
        .onConflict((oc) =>
          oc.column('conversation_id').doUpdateSet({
            score: row.score,
            comment: row.comment,
            scale: row.scale,
            updated_at: row.updated_at,
          }),
        )
        .execute();
      const stored = await find(row.conversation_id);
      if (!stored) throw new Error('rating vanished after upsert');
      return stored;
    },
    /** Ratings of the conversations linked to a CRM person, newest first. */
    async listForPerson(personId: string, limit: number): Promise<RatingListRow[]> {
      return listQuery()
        .innerJoin('crm_conversation_links as l', 'l.conversation_id', 'r.conversation_id')
        .where('l.entity_type', '=', 'person')
        .where('l.entity_id', '=', personId)
        .orderBy('r.updated_at', 'desc')
        .limit(limit)
        .execute();
    },
  };
}
export type RatingsStore = ReturnType<typeof createRatingsStore>;
