import type { Db } from '../../db/database';
import type { VisitorRow } from './visitors.store';

/**
 * A visitor's links beyond its first token: the verified userId ↔ visitor binding (issue 24) and
 * the extra tokens of the same visitor (a verified user's other devices, a follow-up mail's link).
 */
export function createVisitorLinksStore(db: Db) {
  return {
    async findByUserId(userId: string): Promise<VisitorRow | null> {
      return (
        (await db
          .selectFrom('visitors')
          .selectAll()
          .where('verified_user_id', '=', userId)
          .executeTakeFirst()) ?? null
      );
    },
    /**
     * Binds a visitor that is bound to nobody; false when it already is, or when another visitor
     * took the userId first (the unique index decides between two devices' first calls).
     */
    async bind(visitorId: string, userId: string): Promise<boolean> {
      try {
        const result = await db
          .updateTable('visitors')
          .set({ verified_user_id: userId })
          .where('id', '=', visitorId)
          .where('verified_user_id', 'is', null)
          .executeTakeFirst();
        return Number(result.numUpdatedRows) === 1;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },
    /**
     * Verified visitors met in the conversations linked to a CRM person, with the person's emails:
     * the service keeps those whose verified email is one of them.
     */
    async verifiedVisitorsOfPerson(personId: string): Promise<{ visitors: VisitorRow[]; emails: string[] }> {
      const visitors = await db
        .selectFrom('crm_conversation_links')
        .innerJoin('conversations', 'conversations.id', 'crm_conversation_links.conversation_id')
        .innerJoin('visitors', 'visitors.id', 'conversations.visitor_id')
        .selectAll('visitors')
        .distinct()
        .where('crm_conversation_links.entity_type', '=', 'person')
        .where('crm_conversation_links.entity_id', '=', personId)
        .where('visitors.verified_user_id', 'is not', null)
        .execute();
      const emails = await db
        .selectFrom('crm_person_identities')
        .select('value')
        .where('person_id', '=', personId)
        .where('kind', '=', 'email')
        .execute();
      return { visitors, emails: emails.map((e) => e.value) };
    },
    /** Another token of the same visitor, for a verified user's new browser or device (SHA-256 only). */
    async addVisitorToken(tokenHash: string, visitorId: string, now: number): Promise<void> {
      await db
        .insertInto('visitor_link_tokens')
        .values({ token_hash: tokenHash, visitor_id: visitorId, created_at: now })
        .execute();
    },
    /** `Charla.reset()`: this browser's extra token stops working (the visitor's own token is untouched). */
    async deleteVisitorToken(tokenHash: string): Promise<void> {
      await db.deleteFrom('visitor_link_tokens').where('token_hash', '=', tokenHash).execute();
    },
  };
}
export type VisitorLinksStore = ReturnType<typeof createVisitorLinksStore>;

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown };
  return (
    e.code === '23505' || e.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint/.test(String(e.message))
  );
}
