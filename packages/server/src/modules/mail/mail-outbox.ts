import type { Clock } from '../../lib/clock';
import type { MailOutcome, MailRow, MailStore } from './mail.store';
import { SMTP_NOT_CONFIGURED } from './mail-error-code';
import { nextMailAttemptAt } from './mail-retry';
import type { MailTransport } from './smtp-transport';

export const MAIL_OUTBOX_EVERY_MS = 2_000;
/** A claim outlives the longest attempt (the transport's timeouts add up to < 60 s). */
export const MAIL_CLAIM_LEASE_MS = 120_000;
const BATCH = 10;

export type MailOutboxDeps = {
  store: MailStore;
  clock: Clock;
  /** Null without SMTP_URL: due rows are then marked `skipped`, visibly, never silently dropped. */
  transport: MailTransport | null;
  from: string | null;
};

function errorText(error: unknown): string {
  const e = error as { code?: string; responseCode?: number; message?: string };
  const text = [e.code, e.responseCode, e.message].filter((x) => x !== undefined && x !== '').join(' ');
  return (text || 'Unknown error').slice(0, 500);
}

/**
 * The durable mail outbox: `deliverDue` — run by a background job on every process — claims due
 * rows with a lease and sends them over SMTP; a failure is retried with backoff, a crash mid-send
 * is retried after the lease, and a stale worker's result is dropped (finishAttempt checks the claim).
 */
export function createMailOutbox(deps: MailOutboxDeps) {
  const { store, clock } = deps;

  async function attempt(row: MailRow): Promise<void> {
    const claimedUntil = row.claimed_until ?? 0;
    const attempts = row.attempts + 1;
    let error: string | null = null;
    if (!deps.transport || !deps.from) error = SMTP_NOT_CONFIGURED;
    else {
      try {
        await deps.transport.send({
          from: deps.from,
          to: row.to_address,
          subject: row.subject,
          html: row.html_body,
          text: row.text_body,
          messageId: row.message_id,
          language: row.language,
          replyTo: row.reply_to,
        });
      } catch (cause) {
        error = errorText(cause);
      }
    }
    const now = clock.now();
    const next = error === null || !deps.transport ? null : nextMailAttemptAt(attempts, row.created_at, now);
    const status: MailRow['status'] =
      error === null ? 'sent' : !deps.transport ? 'skipped' : next === null ? 'failed' : 'pending';
    const outcome: MailOutcome = {
      status,
      attempts,
      next_attempt_at: next,
      last_attempt_at: now,
      last_error: error,
      sent_at: error === null ? now : null,
      // A link that signs someone in lives in the database only as long as it may still be sent.
      ...(row.sensitive === 1 && status !== 'pending' ? { html_body: '', text_body: '' } : {}),
    };
    await store.finishAttempt(row.id, claimedUntil, outcome);
  }

  return {
    /** The background job: claims due rows and attempts them; returns how many were attempted. */
    async deliverDue(): Promise<number> {
      const now = clock.now();
      const rows = await store.claimDue(now, now + MAIL_CLAIM_LEASE_MS, BATCH);
      await Promise.all(rows.map(attempt));
      return rows.length;
    },
    close(): void {
      deps.transport?.close();
    },
  };
}
export type MailOutbox = ReturnType<typeof createMailOutbox>;
