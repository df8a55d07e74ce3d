import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config';
import type { DatabaseHandle } from './db/database';
import type { Clock } from './lib/clock';
import { createDomainEvents } from './lib/domain-events';
import { createRateLimiter } from './lib/rate-limiter';
import type { Bus } from './realtime/bus';
import { createAuthService } from './modules/auth/auth.service';
import { createSessionsStore } from './modules/auth/sessions.store';
import { createPresenceService } from './modules/presence/presence.service';
import { createPresenceStore } from './modules/presence/presence.store';
import { createSettingsStore } from './modules/settings/settings.store';
import { createUsersService } from './modules/users/users.service';
import { createUsersStore } from './modules/users/users.store';
import { createVisitorsService } from './modules/visitors/visitors.service';
import { createVisitorsStore } from './modules/visitors/visitors.store';
import { createPlaybooksService } from './modules/playbooks/playbooks.service';
import { createPlaybooksStore } from './modules/playbooks/playbooks.store';
import { createConversationsService } from './modules/conversations/conversations.service';
import { createConversationsStore } from './modules/conversations/conversations.store';
import { createConversationViews } from './modules/conversations/conversation-views';
import { createPlaybookRunner, type BotCrm } from './modules/conversations/playbook-runner';
import { createNotificationsModule } from './modules/notifications/notifications.module';
import { createWebhooksModule } from './modules/webhooks/webhooks.module';
import { createCrmService } from './modules/crm/crm.service';
import { createCrmStore } from './modules/crm/crm.store';
import { createApiTokensService } from './modules/api-tokens/api-tokens.service';
import { createApiTokensStore } from './modules/api-tokens/api-tokens.store';
import { createMailModule } from './modules/mail/index';
import { createAccountsModule } from './modules/accounts/index';

export type ServiceDeps = {
  config: Config;
  database: DatabaseHandle;
  bus: Bus;
  clock: Clock;
  log: FastifyBaseLogger;
};

/** Wires every module's store and service once; routes and sockets receive this object. */
export function createServices(deps: ServiceDeps) {
  const { config, database, bus, clock } = deps;
  const db = database.db;
  const events = createDomainEvents((err, name) =>
    deps.log.warn({ err, event: name }, 'domain event listener failed'),
  );
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
  });
  const conversations = createConversationsService({
    store: conversationsStore,
    views,
    visitors,
    users: usersStore,
    bus,
    events,
    clock,
    node: config.nodeName,
  });
  // The CRM module is created after conversations (it needs their access rules); the runner reads it late.
  const botCrm: { current: BotCrm | null } = { current: null };
  const runner = createPlaybookRunner({
    conversations,
    store: conversationsStore,
    playbooks,
    presence,
    visitors,
    events,
    clock,
    crm: () => botCrm.current,
    onError: (err, context) => deps.log.warn({ err, context }, 'playbook runner'),
  });

  const crm = createCrmService({
    store: createCrmStore(db),
    clock,
    events,
    conversations: conversations.access,
  });
  botCrm.current = crm;

  // Conversation-start floods: new visitor sessions per address.
  const widgetSessions = createRateLimiter({
    limit: 60 * config.rateLimitMultiplier,
    windowMs: 60_000,
    clock,
  });

  // Side effects of domain events (R22–R24, R27): webhooks outbox and notifications.
  const { webhooks, webhookOutbox } = createWebhooksModule({ db, settings, clock, events });
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
    botCrm,
    crm,
    widgetSessions,
    webhooks,
    webhookOutbox,
    notifications,
    mail,
    mailOutbox,
    accounts,
  };
}
export type Services = ReturnType<typeof createServices>;
