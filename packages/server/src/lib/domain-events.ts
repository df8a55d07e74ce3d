import { EventEmitter } from 'node:events';

/**
 * Domain events inside one process, emitted after the change is committed. Side effects
 * (webhooks, notifications) are listeners here, never inline in the services that decide.
 * Payloads are the public DTOs, so a webhook can send them as they are.
 */
export type DomainEventMap = {
  'conversation.created': { conversation: unknown };
  'conversation.assigned': { conversation: unknown; assigneeId: string; byUserId: string | null };
  'conversation.unassigned': { conversation: unknown };
  'conversation.closed': { conversation: unknown };
  'conversation.live_chat_requested': { conversation: unknown };
  'conversation.rated': { rating: unknown };
  'message.created': { conversation: unknown; message: unknown };
  'person.created': { person: unknown };
  'organization.created': { organization: unknown };
  'lead.created': { lead: unknown };
  'deal.created': { deal: unknown };
  'deal.updated': { deal: unknown };
  'activity.created': { activity: unknown };
  /** After a notification went out (R22–R24): who could get it, and whose devices took the push. */
  'notification.delivered': {
    kind: string;
    conversationId: string;
    /** Users it was for (visible to them, the event not disabled by the company). */
    recipients: string[];
    /** Those of them with at least one device that accepted the Web Push. */
    pushed: string[];
  };
};
export type DomainEventName = keyof DomainEventMap;

export type DomainEvents = {
  emit<K extends DomainEventName>(name: K, payload: DomainEventMap[K]): void;
  on<K extends DomainEventName>(
    name: K,
    listener: (payload: DomainEventMap[K]) => void | Promise<void>,
  ): () => void;
  onAny(listener: (name: DomainEventName, payload: unknown) => void | Promise<void>): () => void;
};

export function createDomainEvents(onListenerError: (error: unknown, name: string) => void): DomainEvents {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  const wrap =
    (name: string, fn: (...args: unknown[]) => void | Promise<void>) =>
    (...args: unknown[]) => {
      try {
        const result = fn(...args);
        if (result instanceof Promise) result.catch((error: unknown) => onListenerError(error, name));
      } catch (error) {
        onListenerError(error, name);
      }
    };
  return {
    emit(name, payload) {
      emitter.emit(name, payload);
      emitter.emit('*', name, payload);
    },
    on(name, listener) {
      const wrapped = wrap(name, listener as (...args: unknown[]) => void | Promise<void>);
      emitter.on(name, wrapped);
      return () => emitter.off(name, wrapped);
    },
    onAny(listener) {
      const wrapped = wrap('*', listener as (...args: unknown[]) => void | Promise<void>);
      emitter.on('*', wrapped);
      return () => emitter.off('*', wrapped);
    },
  };
}
