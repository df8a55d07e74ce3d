import type { Db } from '../../db/database';
import type { Clock } from '../../lib/clock';
import type { DomainEvents } from '../../lib/domain-events';
import type { SharedCaches } from '../../lib/shared-caches';
import type { SettingsStore } from '../settings/index';
import { listenForWebhookEvents, type FileUrl } from './webhook-listener';
import { createWebhookOutbox } from './webhook-outbox';
import { readWebhookSettings } from './webhook-settings';
import { createWebhooksService } from './webhooks.service';
import { createWebhooksStore } from './webhooks.store';

/** Wires the webhooks module: store, outbox, admin service and the domain-event listener. */
export function createWebhooksModule(deps: {
  db: Db;
  caches: SharedCaches;
  settings: SettingsStore;
  clock: Clock;
  events: DomainEvents;
  /** Delivered and failed deliveries are deleted this many days after they were created. */
  retentionDays: number;
  /** Signs the download URL of a file a message carries (issue 17). */
  fileUrl?: FileUrl;
}) {
  const store = createWebhooksStore(deps.db, deps.caches);
  const allowPrivateTargets = async () =>
    (await readWebhookSettings(deps.settings)).allowPrivateWebhookTargets;
  const outbox = createWebhookOutbox({ store, clock: deps.clock, allowPrivateTargets });
  const webhooks = createWebhooksService({ store, outbox, settings: deps.settings, clock: deps.clock });
  listenForWebhookEvents(deps.events, outbox, deps.fileUrl);
  /** Deletes expired delivery rows in batches (a background job); returns how many went. */
  async function pruneDeliveries(batch = 1000): Promise<number> {
    const cutoff = deps.clock.now() - deps.retentionDays * 86_400_000;
    let total = 0;
    for (;;) {
      const deleted = await store.deleteFinishedBefore(cutoff, batch);
      total += deleted;
      if (deleted < batch) return total;
    }
  }
  return {
    webhooks,
    webhookOutbox: outbox,
    webhookStats: () => store.outboxStats(),
    pruneWebhookDeliveries: pruneDeliveries,
  };
}
