import type { Db } from '../../db/database';
import type { MailFollowUpsTable } from '../../db/schema.mail';

export type FollowUpRow = MailFollowUpsTable;

/** The follow-up tables: pending checks, visitor link tokens, conversation links, inbound mails taken. */
export function createFollowUpStore(db: Db) {
  return { ...followUpChecks(db), ...conversationLinks(db) };
}
export type FollowUpStore = ReturnType<typeof createFollowUpStore>;

function followUpChecks(db: Db) {
  return {
    /** Schedules a check unless one is already pending (the earliest reply sets the time). */
    async schedule(conversationId: string, dueAt: number, now: number): Promise<void> {
      await db
        .insertInto('mail_follow_ups')
        .values({ conversation_id: conversationId, due_at: dueAt, claimed_until: null, created_at: now })
        .onConflict((oc) => oc.column('conversation_id').doNothing())
        .execute();
    },
    async pending(conversationId: string): Promise<FollowUpRow | null> {
      return (
        (await db
          .selectFrom('mail_follow_ups')
          .selectAll()
          .where('conversation_id', '=', conversationId)
          .executeTakeFirst()) ?? null
      );
    },
    /** Claims due checks until `leaseUntil` (one conditional UPDATE: two processes never share one). */
    async claimDue(now: number, leaseUntil: number, limit: number): Promise<FollowUpRow[]> {
      return db
        .updateTable('mail_follow_ups')
        .set({ claimed_until: leaseUntil })
        .where(
          'conversation_id',
          'in',
          db
            .selectFrom('mail_follow_ups')
            .select('conversation_id')
            .where('due_at', '<=', now)
            .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
            .orderBy('due_at')
            .limit(limit),
        )
        .where('due_at', '<=', now)
        .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
        .returningAll()
        .execute();
    },
    async finish(conversationId: string, claimedUntil: number): Promise<void> {
      await db
        .deleteFrom('mail_follow_ups')
        .where('conversation_id', '=', conversationId)
        .where('claimed_until', '=', claimedUntil)
        .execute();
    },
  };
}

function conversationLinks(db: Db) {
  return {
    async link(conversationId: string, linkedTo: string, now: number): Promise<void> {
      await db
        .insertInto('conversation_links')
        .values({ conversation_id: conversationId, linked_to: linkedTo, created_at: now })
        .execute();
    },
    async linkedTo(conversationId: string): Promise<string | null> {
      const row = await db
        .selectFrom('conversation_links')
        .select('linked_to')
        .where('conversation_id', '=', conversationId)
        .executeTakeFirst();
      return row?.linked_to ?? null;
    },
    /** The newest conversation continuing `linkedTo`, if a reply already started one. */
    async latestContinuation(linkedTo: string): Promise<string | null> {
      const row = await db
        .selectFrom('conversation_links')
        .select('conversation_id')
        .where('linked_to', '=', linkedTo)
        .orderBy('created_at', 'desc')
        .executeTakeFirst();
      return row?.conversation_id ?? null;
    },
    async inboundSeen(id: string): Promise<string | null> {
      const row = await db
        .selectFrom('mail_inbound')
        .select('conversation_id')
        .where('id', '=', id)
        .executeTakeFirst();
      return row?.conversation_id ?? null;
    },
    async recordInbound(id: string, conversationId: string, now: number): Promise<void> {
      await db
        .insertInto('mail_inbound')
        .values({ id, conversation_id: conversationId, created_at: now })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    },
  };
}
