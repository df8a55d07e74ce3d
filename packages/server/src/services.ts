import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config';
import type { DatabaseHandle } from './db/database';
import type { Clock } from './lib/clock';
import { createDomainEvents } from './lib/domain-events';
import type { Limits } from './lib/shared-limits';
import type { Bus } from './realtime/bus';
import { createAuthService } from './modules/auth/auth.service';
import { createSessionsStore } from './modules/auth/sessions.store';
import { createPresenceService } from './modules/presence/presence.service';
import { createPresenceStore } from './modules/presence/presence.store';
import { createSettingsStore } from './modules/settings/settings.store';
import { companyLanguage } from './modules/settings/company-language';
import { createUsersService } from './modules/users/users.service';
import { createUsersStore } from './modules/users/users.store';
import { createVisitorsService } from './modules/visitors/visitors.service';
import { createVisitorsStore } from './modules/visitors/visitors.store';
import { createPlaybooksService } from './modules/playbooks/playbooks.service';
import { createPlaybooksStore } from './modules/playbooks/playbooks.store';
import {
  createConversationsService,
  createConversationsStore,
  createConversationViews,
  createPlaybookRunner,
} from './modules/conversations/index';
import { relayDomainEventsToBus } from './realtime/domain-event-relay';
import { createNotificationsModule } from './modules/notifications/notifications.module';
import { createWebhooksModule } from './modules/webhooks/webhooks.module';
import { createCrmService, createCrmStore } from './modules/crm/index';
import { createApiTokensService } from './modules/api-tokens/api-tokens.service';
import { createApiTokensStore } from './modules/api-tokens/api-tokens.store';
import { createRatingsModule } from './modules/ratings/index';
import { createMetrics } from './modules/metrics';
import { createReportsModule } from './modules/reports/index';
import { createMailModule } from './modules/mail/index';
import { createAccountsModule } from './modules/accounts/index';
import { createSearchModule, findConversationIdentities } from './modules/search/index';
import { createHistoryModule } from './modules/person-history/index';
import { createConversationMail } from './modules/mail/conversation-mail';
import { createConversationSource } from './modules/mail/conversation-source';
import { createPrivacyModule } from './modules/privacy/index';

export type ServiceDeps = {
  config: Config;
  database: DatabaseHandle;
  bus: Bus;
  clock: Clock;
  log: FastifyBaseLogger;
  limits: Limits;
};

/** Wires every module's store and service once; routes and sockets receive this object. */
export function createServices(deps: ServiceDeps) {
  const { config, database, bus, clock } = deps;
  const db = database.db;
  const rateLimits = createRateLimits(deps.limits, config.rateLimitMultiplier);
  const events = createDomainEvents(db, (err, name) =>
    deps.log.warn({ err, event: name }, 'domain event listener failed'),
  );
  // Realtime is a listener of committed changes like webhooks and notifications (docs/architecture.md).
  relayDomainEventsToBus(events, bus, config.nodeName);
  const usersStore = createUsersStore(db);
  const settings = createSettingsStore(db);
  // Outgoing mail (issue 20): a durable outbox swept by every process.
  const { mail, mailOutbox } = createMailModule({ db, config, settings, clock });
  const auth = createAuthService({
    users: usersStore,
    sessions: createSessionsStore(db),
    settings,
    clock,
    bus,
    loginFailures: rateLimits.loginFailures,
  });
  const presence = createPresenceService({
    store: createPresenceStore(db),
    users: usersStore,
    clock,
    bus,
    node: config.nodeName,
  });
  const users = createUsersService({ users: usersStore, auth, presence, clock });
  const accounts = createAccountsModule({
    db,
    users: usersStore,
    auth,
    mail,
    clock,
    publicUrl: config.publicUrl,
    resetLimits: { perIp: rateLimits.passwordResetPerIp, perEmail: rateLimits.passwordResetPerEmail },
  });
  const apiTokens = createApiTokensService({ store: createApiTokensStore(db), users: usersStore, clock });
  const visitors = createVisitorsService({ store: createVisitorsStore(db), clock });

  const playbooks = createPlaybooksService({
    store: createPlaybooksStore(db),
    settings,
    clock,
    publicUrl: config.publicUrl,
  });
  const conversationsStore = createConversationsStore(db);
  const views = createConversationViews({
    visitors,
    users: usersStore,
    playbookNames: { nameOf: async (id) => (await playbooks.findById(id))?.name ?? null },
    identities: (ids) => findConversationIdentities(db, ids),
  });
  const conversations = createConversationsService({
    store: conversationsStore,
    views,
    visitors,
    users: usersStore,
    bus,
    events,
    clock,
  });
  // The CRM needs only the conversations' front door; the runner's end cards need the CRM.
  const crm = createCrmService({
    store: createCrmStore(db),
    clock,
    events,
    conversations: conversations.access,
    companyLanguage: () => companyLanguage(settings),
  });
  const runner = createPlaybookRunner({
    conversations,
    store: conversationsStore,
    playbooks,
    presence,
    visitors,
    events,
    clock,
    crm,
    onError: (err, context) => deps.log.warn({ err, context }, 'playbook runner'),
  });
  const ratings = createRatingsModule({ db, clock, events, conversations: conversations.access });

  // Side effects of domain events (R22–R24, R27): webhooks outbox and notifications.
  const { webhooks, webhookOutbox, webhookStats, pruneWebhookDeliveries } = createWebhooksModule({
    db,
    settings,
    clock,
    events,
    retentionDays: config.webhookLogRetentionDays,
  });
  const mailStats = async () => (await mail.status()).counts;
  const metrics = createMetrics({ database, bus, events, webhookStats, mailStats });
  const { notifications } = createNotificationsModule({
    db,
    settings,
    users: usersStore,
    bus,
    clock,
    log: deps.log,
    events,
    publicUrl: config.publicUrl,
  });

  // Transcripts, follow-up and notification mail: listeners of the domain events (issue 20).
  const conversationSource = createConversationSource({ store: conversationsStore, views, playbooks });
  const conversationMail = createConversationMail({
    db,
    mail,
    source: conversationSource,
    conversations,
    conversationsStore,
    views,
    settings,
    users: usersStore,
    events,
    bus,
    limits: deps.limits,
    clock,
    node: config.nodeName,
    publicUrl: config.publicUrl,
    replyTo: config.mailReplyTo,
    onError: (err, context) => deps.log.warn({ err, context }, 'conversation mail'),
  });

  return {
    ...deps,
    events,
    settings,
    auth,
    apiTokens,
    presence,
    users,
    usersStore,
    visitors,
    playbooks,
    conversations,
    runner,
    crm,
    widgetSessions: rateLimits.widgetSessions,
    rateLimits,
    webhooks,
    webhookOutbox,
    pruneWebhookDeliveries,
    notifications,
    ratings,
    metrics,
    reports: createReportsModule({ db }),
    search: createSearchModule({ db, views }),
    history: createHistoryModule({ db, conversations: conversations.access }),
    mail,
    mailOutbox,
    accounts,
    conversationSource,
    conversationMail,
    privacy: createPrivacyModule({ db, settings, clock }),
  };
}
export type Services = ReturnType<typeof createServices>;

/**
 * The rate limits every process of an install shares (in Redis with REDIS_URL). The multiplier
 * (benchmarks only) raises the per-address and per-visitor limits, never the login ones.
 */
function createRateLimits(limits: Limits, multiplier: number) {
  const perMinute = (limit: number) => ({ limit: limit * multiplier, windowMs: 60_000 });
  return {
    loginFailures: {
      byAccount: limits.limiter('login-account', { limit: 10, windowMs: 15 * 60_000 }),
      byIp: limits.limiter('login-ip', { limit: 30, windowMs: 15 * 60_000 }),
    },
    /** New visitor sessions (the first step of a conversation start) per address. */
    widgetSessions: limits.limiter('widget-sessions', perMinute(60)),
    /** New WebSocket connections per address (checked before the gateway's own per-process one). */
    wsConnections: limits.limiter('ws-connections', perMinute(60)),
    /** Visitor messages and answers (realtime gateway), per visitor. */
    visitorMessages: limits.limiter('visitor-messages', { limit: 30 * multiplier, windowMs: 10_000 }),
    /** Conversation starts, per visitor and per address (one address hosts many visitors). */
    conversationStartsPerVisitor: limits.limiter('starts-visitor', perMinute(20)),
    conversationStartsPerAddress: limits.limiter('starts-ip', perMinute(60)),
    /** Forgot-password requests: per client address (then 429) and per account (then silence). */
    passwordResetPerIp: limits.limiter('reset-ip', { limit: 10, windowMs: 15 * 60_000 }),
    passwordResetPerEmail: limits.limiter('reset-email', { limit: 3, windowMs: 15 * 60_000 }),
  };
}
export type RateLimits = ReturnType<typeof createRateLimits>;
