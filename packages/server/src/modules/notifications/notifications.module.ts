import type { Db } from '../../db/database';
import type { Clock } from '../../lib/clock';
import type { ConversationLookups } from '../conversations/index';
import type { DomainEvents } from '../../lib/domain-events';
import type { SharedCaches } from '../../lib/shared-caches';
import type { Bus } from '../../realtime/bus';
import type { FastifyBaseLogger } from 'fastify';
import type { SettingsStore } from '../settings/index';
import type { UsersStore } from '../users/index';
import { readWebhookSettings } from '../webhooks/index';
import { listenForNotifications } from './notifier';
import { createNotificationsService } from './notifications.service';
import { createNotificationsStore } from './notifications.store';
import { createVapidKeySource } from './vapid-keys';

/** Wires the notifications module: store, VAPID keys, service and the domain-event listener. */
export function createNotificationsModule(deps: {
  db: Db;
  caches: SharedCaches;
  settings: SettingsStore;
  users: UsersStore;
  conversations: Pick<ConversationLookups, 'stateOf'>;
  teamMemberIds: (teamId: string) => Promise<string[]>;
  bus: Bus;
  clock: Clock;
  log: FastifyBaseLogger;
  events: DomainEvents;
  publicUrl: string;
}) {
  const notifications = createNotificationsService({
    store: createNotificationsStore(deps.db, deps.caches),
    users: deps.users,
    conversations: deps.conversations,
    teamMemberIds: deps.teamMemberIds,
    settings: deps.settings,
    bus: deps.bus,
    clock: deps.clock,
    log: deps.log,
    publicUrl: deps.publicUrl,
    vapidKeys: createVapidKeySource(deps.settings, deps.clock),
    allowPrivateTargets: async () => (await readWebhookSettings(deps.settings)).allowPrivateWebhookTargets,
    events: deps.events,
  });
  listenForNotifications(deps.events, notifications);
  return { notifications };
}
