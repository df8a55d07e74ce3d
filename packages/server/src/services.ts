import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config';
import type { DatabaseHandle } from './db/database';
import type { Clock } from './lib/clock';
import { createDomainEvents, type DomainEvents } from './lib/domain-events';
import { createSharedCaches, type SharedCaches } from './lib/shared-caches';
import type { Limits } from './lib/shared-limits';
import { createRateLimits, type RateLimits } from './rate-limits';
import type { Bus } from './realtime/bus';
import { createAuthService, createSessionsStore } from './modules/auth/index';
import { createPresenceService, createPresenceStore } from './modules/presence/index';
import { companyLanguage, createSettingsStore } from './modules/settings/index';
import { createUsersService, createUsersStore } from './modules/users/index';
import { createVisitorsService, createVisitorsStore } from './modules/visitors/index';
import { createPlaybooksService, createPlaybooksStore } from './modules/playbooks/index';
import {
  createConversationsService,
  createConversationsStore,
  createConversationLookups,
  createConversationViews,
  createPlaybookRunner,
  createHttpCardCaller,
} from './modules/conversations/index';
import { relayDomainEventsToBus } from './realtime/domain-event-relay';
import { createNotificationsModule } from './modules/notifications/index';
import { createAvailabilityModule, createAvailabilityStore } from './modules/availability/index';
import { createWebhooksModule, readWebhookSettings } from './modules/webhooks/index';
import { createCrmService, createCrmStore } from './modules/crm/index';
import { createCannedResponsesModule } from './modules/canned-responses/index';
import { createApiTokensService, createApiTokensStore } from './modules/api-tokens/index';
import { createRatingsModule } from './modules/ratings/index';
import { createMetrics } from './modules/metrics';
import { createReportsModule } from './modules/reports/index';
import { createMailModule } from './modules/mail/index';
import { createAccountsModule } from './modules/accounts/index';
import { createSearchModule, findConversationIdentities } from './modules/search/index';
import { createHistoryModule } from './modules/person-history/index';
import { createConversationMail, createConversationSource } from './modules/mail/index';
import { createPrivacyModule } from './modules/privacy/index';
import { createIdentityModule } from './modules/identity/index';
import { createLabelsModule } from './modules/labels/index';
import { createAttachmentsModule } from './modules/attachments/index';

export type ServiceDeps = {
  config: Config;
  database: DatabaseHandle;
  bus: Bus;
  clock: Clock;
  log: FastifyBaseLogger;
  limits: Limits;
};

/** What the wiring below passes around: the process's parts and its shared caches. */
type WiringDeps = ServiceDeps & { caches: SharedCaches };

/** Wires every module's store and service once; routes and sockets receive this object. */
export function createServices(deps: ServiceDeps) {
  const { config, database, bus } = deps;
  const db = database.db;
  const rateLimits = createRateLimits(deps.limits, config.rateLimitMultiplier);
  const events = createDomainEvents(db, (err, name) =>
    deps.log.warn({ err, event: name }, 'domain event listener failed'),
  );
  // Realtime is a listener of committed changes like webhooks and notifications (docs/architecture.md).
  relayDomainEventsToBus(events, bus, config.nodeName);
  // Rows every message reads, kept in memory and forgotten on every process when they change.
  const caches = createSharedCaches(config.nodeName);
  caches.connect(bus);
  const wiring = { ...deps, caches };
  const people = createPeople(wiring, rateLimits);
  const chats = createChats(wiring, events, people);
  const sideEffects = createSideEffects(wiring, events, people, chats);
  // The conversations' store and views stay inside the wiring: routes use the services.
  const {
    conversationsStore: _store,
    views: _views,
    conversationLookups: _lookups,
    teamMemberIds: _members,
    assertLabel: _assertLabel,
    attachmentParts,
    ...chatServices
  } = chats;
  const cannedResponses = createCannedResponsesModule({
    db,
    clock: deps.clock,
    conversations: chats.conversations.access,
    files: attachmentParts.cannedFileLists,
  });
  return {
    ...deps,
    events,
    ...people,
    ...chatServices,
    ...sideEffects,
    widgetSessions: rateLimits.widgetSessions,
    rateLimits,
    reports: createReportsModule({ db }),
    search: createSearchModule({ db, views: chats.views, assertLabel: chats.assertLabel }),
    history: createHistoryModule({ db, conversations: chats.conversations.access }),
    cannedResponses,
    // Files of canned responses (issue 17): the responses say who may use or change them.
    cannedFiles: attachmentParts.createCannedFilesService({
      canned: cannedResponses,
      conversations: chats.conversations,
      clock: deps.clock,
      signingKey: chats.attachments.signingKey,
    }),
    privacy: createPrivacyModule({ db, settings: people.settings, clock: deps.clock }),
    // Signed visitor identity (issue 24): verified users, the secret and its rotation.
    ...createIdentityModule({
      db,
      settings: people.settings,
      visitors: people.visitors,
      conversations: chats.conversations,
      events,
      clock: deps.clock,
    }),
  };
}

/** Users, sign-in, presence, accounts, API tokens, visitors, settings and outgoing mail. */
function createPeople(deps: WiringDeps, rateLimits: RateLimits) {
  const { config, bus, clock, caches } = deps;
  const db = deps.database.db;
  const usersStore = createUsersStore(db, caches);
  const settings = createSettingsStore(db, caches);
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
  return { usersStore, settings, mail, mailOutbox, auth, presence, users, accounts, apiTokens, visitors };
}
type People = ReturnType<typeof createPeople>;

/** How conversations read as DTOs: names of the visitor, users, playbook, team, readers and labels. */
function createViews(
  db: ServiceDeps['database']['db'],
  people: People,
  playbooks: ReturnType<typeof createPlaybooksService>,
  parts: {
    availabilityStore: ReturnType<typeof createAvailabilityStore>;
    conversationsStore: ReturnType<typeof createConversationsStore>;
    chips: ReturnType<typeof createLabelsModule>['chips'];
    caches: SharedCaches;
  },
) {
  const { visitors, usersStore } = people;
  const { availabilityStore, conversationsStore, chips, caches } = parts;
  return createConversationViews({
    caches,
    visitors,
    users: usersStore,
    playbookNames: { nameOf: async (id) => (await playbooks.findById(id))?.name ?? null },
    identities: (ids) => findConversationIdentities(db, ids),
    teamNames: { nameOf: async (id) => (await availabilityStore.findTeam(id))?.name ?? null },
    readers: (ids) => conversationsStore.readersOf(ids),
    labels: chips,
  });
}

/** Playbooks, conversations, the CRM, the playbook runner and ratings. */
function createChats(deps: WiringDeps, events: DomainEvents, people: People) {
  const { config, bus, clock, caches } = deps;
  const db = deps.database.db;
  const { usersStore, settings, visitors, presence } = people;
  // Read-only questions about conversations, answered by the module that owns the table.
  const conversationLookups = createConversationLookups(db);
  const playbooks = createPlaybooksService({
    store: createPlaybooksStore(db),
    conversations: conversationLookups,
    users: usersStore,
    settings,
    clock,
    publicUrl: config.publicUrl,
  });
  const conversationsStore = createConversationsStore(db);
  const availabilityStore = createAvailabilityStore(db);
  const { chips, assertLabel, createService: createLabels } = createLabelsModule(db);
  const views = createViews(db, people, playbooks, { availabilityStore, conversationsStore, chips, caches });
  const attachmentParts = createAttachmentsModule(db, config.files);
  const conversations = createConversationsService({
    ...{ store: conversationsStore, views, visitors, users: usersStore, bus, events, clock, assertLabel },
    files: attachmentParts.messageFiles,
  });
  // Files in live chat (issue 17): sends claim uploads; uploads and links use the conversations' reads.
  const attachments = attachmentParts.createService({
    conversations,
    settings,
    clock,
    publicUrl: config.publicUrl,
  });
  // Conversation labels (issue 16 item 3): visibility and live updates through the front door.
  const labels = createLabels(conversations.access, clock, (err) => deps.log.warn({ err }, 'labels'));
  // The CRM needs only the conversations' front door; the runner's end cards need the CRM.
  const crm = createCrmService({
    store: createCrmStore(db),
    clock,
    events,
    conversations: conversations.access,
    companyLanguage: () => companyLanguage(settings),
  });
  // Business hours, teams, capacity, automatic assignment, the ownership watchdog (issue 19).
  const availability = createAvailabilityModule({
    ...{ db, store: availabilityStore, settings, users: usersStore, presence, conversations, clock },
    conversationsStore,
    playbookExists: async (id) => (await playbooks.findById(id)) !== null,
    onError: (err, context) => deps.log.warn({ err, context }, 'availability'),
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
    availability: {
      closedUntil: (...args) => availability.hours.closedUntil(...args),
      autoAssign: (row) => availability.router.autoAssign(row),
    },
    // HTTP request cards (issue 18) go through the webhooks' SSRF guard and private-targets setting.
    callHttp: createHttpCardCaller({
      allowPrivateTargets: async () => (await readWebhookSettings(settings)).allowPrivateWebhookTargets,
      onFailed: (reason, host) => deps.log.info({ reason, host }, 'HTTP request card failed'),
    }),
    onError: (err, context) => deps.log.warn({ err, context }, 'playbook runner'),
  });
  const ratings = createRatingsModule({ db, clock, events, conversations: conversations.access });
  return {
    conversationLookups,
    playbooks,
    conversationsStore,
    views,
    conversations,
    crm,
    runner,
    ratings,
    availability,
    labels,
    attachments,
    attachmentParts,
    assertLabel,
    teamMemberIds: async (teamId: string) => (await availabilityStore.findTeam(teamId))?.memberIds ?? [],
  };
}
type Chats = ReturnType<typeof createChats>;

/** Listeners of the domain events (R22–R24, R27): webhooks, metrics, notifications and mail. */
function createSideEffects(deps: WiringDeps, events: DomainEvents, people: People, chats: Chats) {
  const { config, bus, clock, database, caches } = deps;
  const db = database.db;
  const { settings, mail, usersStore } = people;
  const { webhooks, webhookOutbox, webhookStats, pruneWebhookDeliveries } = createWebhooksModule({
    ...{ db, caches, settings },
    clock,
    events,
    retentionDays: config.webhookLogRetentionDays,
    fileUrl: (id) => chats.attachments.webhookUrl(id),
  });
  const mailStats = async () => (await mail.status()).counts;
  const metrics = createMetrics({ database, bus, events, webhookStats, mailStats });
  const { notifications } = createNotificationsModule({
    db,
    caches,
    settings,
    users: usersStore,
    conversations: chats.conversationLookups,
    teamMemberIds: chats.teamMemberIds,
    bus,
    clock,
    log: deps.log,
    events,
    publicUrl: config.publicUrl,
  });
  // Transcripts, follow-up and notification mail: listeners of the domain events (issue 20).
  const { conversationsStore, views, playbooks, conversations } = chats;
  const conversationSource = createConversationSource({ store: conversationsStore, views, playbooks });
  const conversationMail = createConversationMail({
    ...{ db, mail, conversations, conversationsStore, views, settings, events, bus, clock },
    source: conversationSource,
    users: usersStore,
    limits: deps.limits,
    node: config.nodeName,
    publicUrl: config.publicUrl,
    replyTo: config.mailReplyTo,
    onError: (err, context) => deps.log.warn({ err, context }, 'conversation mail'),
  });
  return {
    webhooks,
    webhookOutbox,
    pruneWebhookDeliveries,
    metrics,
    notifications,
    conversationSource,
    conversationMail,
  };
}
export type Services = ReturnType<typeof createServices>;
