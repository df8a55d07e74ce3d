import type { Db } from '../../db/database';

export type HistorySubject = {
  conversationId: string;
  visitorId: string;
  email: string | null;
  personIds: string[];
};

export function createHistoryStore(db: Db) {
  return {
    ...subjectQueries(db),
    ...recordQueries(db),
  };
}

/** Who the history is about, and their conversations. */
function subjectQueries(db: Db) {
  return {
    /** Whom a conversation is with: its visitor, known email and linked CRM persons. */
    async subject(conversationId: string, visitorId: string): Promise<HistorySubject> {
      const profile = await db
        .selectFrom('conversation_profiles')
        .select('display_email')
        .where('conversation_id', '=', conversationId)
        .executeTakeFirst();
      const links = await db
        .selectFrom('crm_conversation_links')
        .select('entity_id')
        .where('conversation_id', '=', conversationId)
        .where('entity_type', '=', 'person')
        .execute();
      return {
        conversationId,
        visitorId,
        email: profile?.display_email ?? null,
        personIds: links.map((l) => l.entity_id),
      };
    },

    /**
     * The subject's other conversations (same visitor, a linked person, or the same email) that
     * `viewerId` may see (R14: waiting, closed, or assigned to them), newest first.
     */
    async conversations(subject: HistorySubject, viewerId: string, limit: number) {
      return db
        .selectFrom('conversations as c')
        .innerJoin('visitors as v', 'v.id', 'c.visitor_id')
        .leftJoin('conversation_profiles as p', 'p.conversation_id', 'c.id')
        .select([
          'c.id',
          'c.status',
          'c.created_at',
          'c.closed_at',
          'c.last_message_preview',
          'p.display_name',
          'p.display_email',
          'v.number',
        ])
        .where('c.id', '<>', subject.conversationId)
        .where((eb) =>
          eb.or([
            eb('c.status', 'in', ['waiting', 'closed']),
            eb.and([eb('c.status', '=', 'assigned'), eb('c.assignee_id', '=', viewerId)]),
          ]),
        )
        .where((eb) => {
          const same = [eb('c.visitor_id', '=', subject.visitorId)];
          if (subject.email) same.push(eb('p.display_email', '=', subject.email));
          if (subject.personIds.length > 0)
            same.push(
              eb(
                'c.id',
                'in',
                eb
                  .selectFrom('crm_conversation_links')
                  .select('conversation_id')
                  .where('entity_type', '=', 'person')
                  .where('entity_id', 'in', subject.personIds),
              ),
            );
          return eb.or(same);
        })
        .orderBy('c.created_at', 'desc')
        .limit(limit)
        .execute();
    },
  };
}

/** Their leads, deals and open activities. */
function recordQueries(db: Db) {
  return {
    async leads(personIds: string[], limit: number) {
      if (personIds.length === 0) return [];
      return db
        .selectFrom('crm_leads')
        .select(['id', 'title', 'status'])
        .where('person_id', 'in', personIds)
        .orderBy('created_at', 'desc')
        .limit(limit)
        .execute();
    },

    async deals(personIds: string[], limit: number) {
      if (personIds.length === 0) return [];
      return db
        .selectFrom('crm_deals')
        .select(['id', 'title', 'status'])
        .where('person_id', 'in', personIds)
        .orderBy('created_at', 'desc')
        .limit(limit)
        .execute();
    },

    async openActivities(personIds: string[], limit: number) {
      if (personIds.length === 0) return [];
      return db
        .selectFrom('crm_activities')
        .select(['id', 'subject', 'type', 'due_at'])
        .where('person_id', 'in', personIds)
        .where('done', '=', 0)
        .orderBy('due_at')
        .orderBy('id')
        .limit(limit)
        .execute();
    },
  };
}
export type HistoryStore = ReturnType<typeof createHistoryStore>;
