import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config';
import type { Db } from '../../db/database';
import type { Clock } from '../../lib/clock';
import type { SettingsStore } from '../settings/index';
import { createMailOutbox } from './mail-outbox';
import { createMailService } from './mail.service';
import { createMailStore } from './mail.store';
import { createSmtpTransport, describeSmtpUrl } from './smtp-transport';

// The mail module's front door (issue 20): other modules queue mail through `mail.enqueue` only.
export { MAIL_OUTBOX_EVERY_MS, MAIL_CLAIM_LEASE_MS } from './mail-outbox';
export { registerMailRoutes } from './mail.routes';
export type { MailService, QueuedMail } from './mail.service';
export type { MailBlock } from './render-mail';
export { oneLine } from './one-line';

export type MailModuleDeps = {
  db: Db;
  config: Pick<Config, 'smtp' | 'publicUrl'>;
  settings: SettingsStore;
  clock: Clock;
};

/** Wires the mail store, the service that queues and renders, and the outbox every process sweeps. */
export function createMailModule(deps: MailModuleDeps) {
  const { smtp, publicUrl } = deps.config;
  const store = createMailStore(deps.db);
  const transport = smtp ? createSmtpTransport(smtp.url) : null;
  const mail = createMailService({ store, settings: deps.settings, clock: deps.clock, smtp, publicUrl });
  const mailOutbox = createMailOutbox({ store, clock: deps.clock, transport, from: smtp?.from ?? null });
  return { mail, mailOutbox };
}

/** The one console line at boot: where mail goes, or that it is off and what that means. */
export function logMailConfiguration(config: Pick<Config, 'smtp'>, log: FastifyBaseLogger): void {
  if (config.smtp)
    log.info(
      { smtp: describeSmtpUrl(config.smtp.url), from: config.smtp.from },
      'email: sending through SMTP',
    );
  else
    log.warn(
      'email: SMTP not configured (set SMTP_URL and MAIL_FROM). No mail is sent: invitation and reset links are shown to copy instead.',
    );
}
export { createConversationMail } from './conversation-mail';
export { createConversationSource } from './conversation-source';
export { registerDigestRoutes } from './digest.routes';
export { registerFollowUpRoutes } from './follow-up.routes';
export { createMailPrivacyStore } from './mail.privacy.store';
export { registerTranscriptRoutes } from './transcript.routes';
