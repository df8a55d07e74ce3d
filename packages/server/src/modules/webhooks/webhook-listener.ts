import { webhookEventNames, type TWebhookEventName } from '@charla/protocol';
import type { DomainEvents } from '../../lib/domain-events';
import type { WebhookOutbox } from './webhook-outbox';

const subscribable = new Set<string>(webhookEventNames);

/**
 * Turns committed domain events into outbox rows. The payload (public DTOs) becomes `data` as is.
 * Returns the unsubscribe function.
 */
export function listenForWebhookEvents(events: DomainEvents, outbox: WebhookOutbox): () => void {
  return events.onAny(async (name, payload) => {
    if (subscribable.has(name)) await outbox.enqueue(name as TWebhookEventName, payload);
  });
}
