import type { Db } from '../../db/database';
import { likeAny } from '../../db/like';

/** Privacy and retention SQL on the mail outbox (issue 22; orchestrated by modules/privacy). */
export function createMailPrivacyStore(db: Db) {
  return {
    async deleteMentioning(emails: string[], needles: string[]): Promise<number> {
      if (emails.length === 0 && needles.length === 0) return 0;
      const result = await db
        .deleteFrom('mail_outbox')
        .where((eb) =>
          eb.or([
            ...(emails.length > 0 ? [eb(eb.fn('lower', ['to_address']), 'in', emails)] : []),
            ...(needles.length > 0
              ? [likeAny(eb, 'text_body', needles), likeAny(eb, 'html_body', needles)]
              : []),
          ]),
        )
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    /** Sent, failed or skipped mails created before `cutoff`, at most `limit` (a batch). */
    async deleteFinishedBefore(cutoff: number, limit: number): Promise<number> {
      const ids = await db
        .selectFrom('mail_outbox')
        .select('id')
        .where('status', 'in', ['sent', 'failed', 'skipped'])
        .where('created_at', '<', cutoff)
        .limit(limit)
        .execute();
      if (ids.length === 0) return 0;
      const result = await db
        .deleteFrom('mail_outbox')
        .where(
          'id',
          'in',
          ids.map((r) => r.id),
        )
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
