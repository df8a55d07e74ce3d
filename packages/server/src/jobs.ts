import type { Services } from './services';
import { PRESENCE_BEAT_MS } from './modules/presence/index';
import { WEBHOOK_OUTBOX_EVERY_MS } from './modules/webhooks/index';
import { MAIL_OUTBOX_EVERY_MS } from './modules/mail/index';
import { REPORT_FACTS_EVERY_MS } from './modules/reports/index';
import { ROUTING_SWEEP_MS } from './modules/availability/index';
import { MESSAGE_INDEX_EVERY_MS } from './modules/search/index';

/** How often each process looks for passed waiting-time deadlines. */
export const WAITING_SWEEP_MS = 500;

export type BackgroundJob = { name: string; everyMs: number; run: () => Promise<void> };

/** Runs periodic jobs (presence heartbeats, deadline sweeps, webhook outbox); never overlaps a job with itself. */
export function startBackgroundJobs(services: Services, jobs: BackgroundJob[]): () => Promise<void> {
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<void>>();
  let stopped = false;
  for (const job of jobs) {
    let busy = false;
    const timer = setInterval(() => {
      if (busy || stopped) return;
      busy = true;
      const started = performance.now();
      const p = job
        .run()
        .then(
          () => services.metrics.jobRan(job.name, (performance.now() - started) / 1000, true),
          (error: unknown) => {
            services.metrics.jobRan(job.name, (performance.now() - started) / 1000, false);
            services.log.warn({ err: error, job: job.name }, 'background job failed');
          },
        )
        .finally(() => {
          busy = false;
          running.delete(p);
        });
      running.add(p);
    }, job.everyMs);
    timer.unref();
    timers.push(timer);
  }
  return async () => {
    stopped = true;
    for (const t of timers) clearInterval(t);
    await Promise.allSettled([...running]);
  };
}

/** The jobs every process runs. Modules append theirs here. */
export function coreJobs(services: Services): BackgroundJob[] {
  return [
    { name: 'presence-beat', everyMs: PRESENCE_BEAT_MS, run: () => services.presence.beat() },
    // Waiting-time deadlines (R13): every process sweeps; the conditional UPDATE fires each once.
    {
      name: 'waiting-sweep',
      everyMs: WAITING_SWEEP_MS,
      run: async () => void (await services.runner.sweepWaiting()),
    },
    // Ownership watchdog (issue 19): reply deadlines and offline assignees; the transition's
    // conditional update makes each lapse happen once across processes.
    {
      name: 'ownership-watchdog',
      everyMs: ROUTING_SWEEP_MS,
      run: async () => void (await services.availability.router.sweepWatchdog()),
    },
    // Automatic assignment (issue 19): waiting chats of automatic cards, as room frees up.
    {
      name: 'auto-assign',
      everyMs: ROUTING_SWEEP_MS,
      run: async () => void (await services.availability.router.sweepWaiting()),
    },
    // Webhook outbox (R27): every process claims due deliveries atomically; the database is the queue.
    {
      name: 'webhook-outbox',
      everyMs: WEBHOOK_OUTBOX_EVERY_MS,
      run: async () => void (await services.webhookOutbox.deliverDue()),
    },
    // Mail outbox (issue 20): same pattern; a lease keeps two processes from sending one mail.
    {
      name: 'mail-outbox',
      everyMs: MAIL_OUTBOX_EVERY_MS,
      run: async () => void (await services.mailOutbox.deliverDue()),
    },
    // Follow-up by email (issue 20): due "visitor has not read the reply" checks, claimed with a lease.
    {
      name: 'mail-follow-ups',
      everyMs: MAIL_OUTBOX_EVERY_MS,
      run: async () => void (await services.conversationMail.followUps.sweepDue()),
    },
    // Email notifications (issue 20): due digests of unanswered chats, one per user.
    {
      name: 'mail-digests',
      everyMs: 30_000,
      run: async () => void (await services.conversationMail.digests.sweepDue()),
    },
    // Search (issue 25): SQLite indexes new messages in batches; a search indexes the queue first.
    {
      name: 'message-index',
      everyMs: MESSAGE_INDEX_EVERY_MS,
      run: async () => void (await services.search.indexQueuedMessages()),
    },
    // Retention: the webhook delivery log expires (WEBHOOK_LOG_RETENTION_DAYS), in batches.
    {
      name: 'webhook-retention',
      everyMs: 10 * 60_000,
      run: async () => void (await services.pruneWebhookDeliveries()),
    },
    // Reports (issue 21): the precomputed per-conversation rows follow the conversations.
    {
      name: 'report-facts',
      everyMs: REPORT_FACTS_EVERY_MS,
      run: async () => void (await services.reports.facts.catchUp(true)),
    },
    // Retention (issue 22): closed conversations and delivery logs past the admin's settings, in batches.
    {
      name: 'privacy-retention',
      everyMs: 10 * 60_000,
      run: async () => void (await services.privacy.runRetention()),
    },
    // Files (issue 17): uploads never sent, then blobs no upload names (deleted conversations' files).
    {
      name: 'attachments-sweep',
      everyMs: 10 * 60_000,
      run: async () => void (await services.attachments.sweep()),
    },
  ];
}
