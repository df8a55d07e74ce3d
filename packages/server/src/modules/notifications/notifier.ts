import type { DomainEvents } from '../../lib/domain-events';
import { decideNotification, notifyingEvents } from './decide-notification';
import type { NotificationsService } from './notifications.service';

/** Listens to the conversation events of R22 and delivers what `decideNotification` decides. */
export function listenForNotifications(
  events: DomainEvents,
  notifications: NotificationsService,
): () => void {
  const offs = notifyingEvents.map((name) =>
    events.on(name, async (payload) => {
      const intent = decideNotification(name, payload);
      if (intent) await notifications.deliver(intent);
    }),
  );
  return () => offs.forEach((off) => off());
}
