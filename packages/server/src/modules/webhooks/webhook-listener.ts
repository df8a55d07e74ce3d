import {
  isPrivateEvent,
  webhookEventNames,
  type TMessageDto,
  type TWebhookEventName,
} from '@charla/protocol';
import type { AnyDomainEvent, DomainEvents } from '../../lib/domain-events';
import type { WebhookOutbox } from './webhook-outbox';

const subscribable = new Set<string>(webhookEventNames);
function isWebhookEvent(name: string): name is TWebhookEventName {
  return subscribable.has(name);
}

/** The webhook `data` of an event: its payload as is, without the internal `previous` state. */
export function webhookDataOf(event: AnyDomainEvent): Record<string, unknown> {
  if (!('previous' in event.payload) && !('changesConversation' in event.payload)) return event.payload;
  const {
    previous: _previous,
    changesConversation: _internal,
    ...data
  } = event.payload as Record<string, unknown>;
  return data;
}

/** The conversation an event is about: the ordering key of its outbox rows (null for none). */
export function orderKeyOf(event: AnyDomainEvent): string | null {
  return 'conversation' in event.payload ? event.payload.conversation.id : null;
}

/**
 * Turns domain events into outbox rows, as a durable listener: a recorded change writes its rows
 * in its own transaction, so they exist exactly when the change does and in the order changes
 * committed. Returns the unsubscribe function.
 */
export function listenForWebhookEvents(
  events: DomainEvents,
  outbox: WebhookOutbox,
  fileUrl?: FileUrl,
): () => void {
  // Writes only for an event some active endpoint subscribes to (the endpoints are cached a second).
  const subscribedTo = async (name: string) => isWebhookEvent(name) && (await outbox.subscribes(name));
  return events.onDurable(async (executor, event) => {
    if (!isWebhookEvent(event.name)) return;
    // Private notes and their mentions stay inside the team (issue 16): no `message.created` for them.
    if (event.name === 'message.created' && isPrivateEvent(event.payload.message.event)) return;
    const data = webhookDataOf(event);
    const sent =
      event.name === 'message.created' && fileUrl
        ? await withFileUrls(data, event.payload.message, fileUrl)
        : data;
    await outbox.enqueue(event.name, sent, orderKeyOf(event), executor);
  }, subscribedTo);
}

/** A signed download URL of a file, valid a day (modules/attachments, issue 17). */
export type FileUrl = (attachmentId: string) => Promise<string>;

/** `message.created`'s data with each attachment's signed download URL beside its metadata. */
async function withFileUrls(data: Record<string, unknown>, message: TMessageDto, fileUrl: FileUrl) {
  if (message.attachments.length === 0) return data;
  const attachments = [];
  for (const file of message.attachments) attachments.push({ ...file, url: await fileUrl(file.id) });
  return { ...data, message: { ...message, attachments } };
}
