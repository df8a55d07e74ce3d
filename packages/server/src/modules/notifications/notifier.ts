import type { DomainEvents } from '../../lib/domain-events';
import { decideMentionNotifications, decideNotification, isNotifying } from './decide-notification';
import type { NotificationsService } from './notifications.service';

/** Listens to the conversation events of R22 and delivers what `decideNotification` decides. */
export function listenForNotifications(
  events: DomainEvents,
  notifications: NotificationsService,
): () => void {
  return events.onAny(async (event) => {
    if (!isNotifying(event)) return;
    const intent = decideNotification(event);
    if (intent) await notifications.deliver(intent);
    for (const mention of decideMentionNotifications(event)) await notifications.deliver(mention);
  });
}
