import { webhookEventNames, type TWebhookEventName } from '@charla/protocol';
import type { DomainEvents } from '../../lib/domain-events';
import type { WebhookOutbox } from './webhook-outbox';

const subscribable = new Set<string>(webhookEventNames);

/**
 * Turns committed domain events into outbox rows. The payload (public DTOs) becomes `data` as is.
 * Rows are written one event at a time, in the order the events were emitted, so the outbox
 * order of a conversation's rows is the order things happened. Returns the unsubscribe function.
 */
export function listenForWebhookEvents(events: DomainEvents, outbox: WebhookOutbox): () => void {
  let tail: Promise<unknown> = Promise.resolve();
  return events.onAny((name, payload) => {
    if (!subscribable.has(name)) return;
    const written = tail.then(() => outbox.enqueue(name as TWebhookEventName, payload));
    tail = written.catch(() => undefined);
    return written.then(() => undefined);
  });
}
