import { EventEmitter } from 'node:events';
import type {
  TConversationDto,
  TCrmActivityDto,
  TCrmDealDto,
  TCrmLeadDto,
  TCrmOrganizationDto,
  TCrmPersonDto,
  TMessageDto,
  TRatingDto,
  TVerifiedIdentityDto,
} from '@charla/protocol';
import type { Db } from '../db/database';

/** Who could see a conversation before a change: only they are told it is gone (R14). */
export type PreviousState = { status: TConversationDto['status']; assigneeId: string | null };

/** Why the ownership watchdog took a chat from its assignee (issue 19). */
export type OwnershipLapse = { cause: 'no_reply' | 'assignee_offline'; fromUserId: string | null };

/** What every conversation change carries: the conversation after it, and the state before it. */
type ConversationChange = { conversation: TConversationDto; previous: PreviousState };

/**
 * The typed map of domain events: name → payload. Payloads are the public DTOs (the webhook
 * `data` is the payload without `previous`, see webhookDataOf). Add fields, don't rename: the
 * mail, CRM, reports and webhooks listeners read them.
 */
export type DomainEventMap = {
  /** A visitor started a conversation (recorded with the insert). */
  'conversation.created': ConversationChange;
  /** R7/R13: the bot handed off; the conversation is in Unassigned, waiting for a person. */
  'conversation.live_chat_requested': ConversationChange;
  /** `reason` (issue 19): a person chose (`user`), automatic assignment (`auto`), the watchdog. */
  'conversation.assigned': ConversationChange & {
    assigneeId: string;
    byUserId: string | null;
    reason?: 'user' | 'auto' | 'watchdog';
    watchdog?: OwnershipLapse;
  };
  /** `reason` `watchdog`: the ownership watchdog took it back from `watchdog.fromUserId`. */
  'conversation.unassigned': ConversationChange & { reason?: 'user' | 'watchdog'; watchdog?: OwnershipLapse };
  'conversation.closed': ConversationChange;
  /** Anything else a list shows changed (the visitor's name, labels, the bot's end card). */
  'conversation.updated': ConversationChange;
  /** Only the visitor's widget state changed (the bot moved on): no inbox needs to hear of it. */
  'conversation.visitor_state': { conversationId: string; visitorId: string };
  /**
   * A read position moved forward: the other side's receipts, the reader's other devices and the
   * unread dots of the inboxes that may see the conversation (`visibility`, R14, R29).
   */
  'conversation.read': {
    conversationId: string;
    visitorId: string;
    visibility: PreviousState & { readerIds: string[] };
    side: 'visitor' | 'user';
    seq: number;
    /** The socket that reported the read: it knows already, so it gets no echo (issue 25). */
    origin?: string;
  };
  'conversation.rated': { rating: TRatingDto };
  /**
   * `changesConversation: false`: the message changed only the conversation's activity (last
   * message, sequence number, reply clock), so the inboxes need no new copy of it (issue 25).
   * Internal: not part of the webhook payload.
   */
  'message.created': { conversation: TConversationDto; message: TMessageDto; changesConversation?: boolean };
  'person.created': { person: TCrmPersonDto };
  'organization.created': { organization: TCrmOrganizationDto };
  'lead.created': { lead: TCrmLeadDto };
  'deal.created': { deal: TCrmDealDto };
  'deal.updated': { deal: TCrmDealDto };
  'activity.created': { activity: TCrmActivityDto };
  /**
   * A CRM record (or a note on one) changed or was deleted: the side panels of the conversations
   * linked to it show it again (issue 15). Each conversation with who may see it (R14). Not a webhook.
   */
  'crm.record_changed': {
    entity: 'person' | 'organization' | 'lead' | 'deal' | 'note';
    id: string;
    conversations: (PreviousState & { id: string })[];
  };
  /** A signed `Charla.identify()` bound a visitor to a userId, or changed that user's name, email or attributes. */
  'visitor.identified': { identity: TVerifiedIdentityDto };
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
/** `DomainEvents['conversation.assigned']` is that event's payload. */
export type DomainEventPayload<K extends DomainEventName> = DomainEventMap[K];
/** One event with its name, as a discriminated union (for listeners of every event). */
export type AnyDomainEvent = {
  [K in DomainEventName]: { name: K; payload: DomainEventMap[K] };
}[DomainEventName];

/**
 * A listener that writes durable rows (the webhook outbox) with the executor it is given: inside
 * the transaction of the change it reports when the change is recorded with `record`, so the row
 * exists exactly when the change does (a crash after the commit loses nothing). It must read and
 * write only through `executor` (on SQLite another query would wait for the transaction that
 * waits for it) and do no other I/O; throwing rolls the change back.
 */
export type DurableListener = (executor: Db, event: AnyDomainEvent) => Promise<void>;

/**
 * Whether a durable listener would write a row for an event named so, as things are now (the
 * webhook outbox: whether an active endpoint subscribes to it). A listener registered without one
 * is taken to write for every event.
 */
export type DurableInterest = (name: DomainEventName) => Promise<boolean>;

export type DomainEvents = {
  /**
   * Inside the transaction of a change: durable listeners write their rows with `tx`. Call
   * `publish` with the same events after the commit.
   */
  record(tx: Db, events: AnyDomainEvent[]): Promise<void>;
  /**
   * Whether recording events with these names would write anything now. A change whose only
   * write is one statement asks first: on PostgreSQL it then needs no transaction (issue 25).
   */
  writesWhenRecording(names: DomainEventName[]): Promise<boolean>;
  /** After the commit of recorded events: the in-process listeners (realtime, notifications…). */
  publish(events: AnyDomainEvent[]): void;
  /**
   * For a change committed without `record` (the CRM's own transactions): durable listeners
   * write with the database (in emit order), then the in-process listeners run.
   */
  emit<K extends DomainEventName>(name: K, payload: DomainEventMap[K]): void;
  on<K extends DomainEventName>(
    name: K,
    listener: (payload: DomainEventMap[K]) => void | Promise<void>,
  ): () => void;
  onAny(listener: (event: AnyDomainEvent) => void | Promise<void>): () => void;
  onDurable(listener: DurableListener, interest?: DurableInterest): () => void;
};

/** One typed event (name and payload checked together). */
export function domainEvent<K extends DomainEventName>(name: K, payload: DomainEventMap[K]): AnyDomainEvent {
  // A mapped union cannot be narrowed by a generic key; this is the one place it is assembled.
  return { name, payload } as AnyDomainEvent;
}

export function createDomainEvents(
  db: Db,
  onListenerError: (error: unknown, name: string) => void,
): DomainEvents {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  const durable = new Map<DurableListener, DurableInterest>();
  // Emitted (not recorded) events reach durable listeners one at a time, in emit order.
  let tail: Promise<unknown> = Promise.resolve();

  const guard = (name: string, run: () => void | Promise<void>) => {
    try {
      const result = run();
      if (result instanceof Promise) result.catch((error: unknown) => onListenerError(error, name));
    } catch (error) {
      onListenerError(error, name);
    }
  };
  const publishEvent = (event: AnyDomainEvent) => {
    emitter.emit(event.name, event.payload);
    emitter.emit('*', event);
  };
  const runDurable = async (executor: Db, event: AnyDomainEvent) => {
    for (const listener of durable.keys()) await listener(executor, event);
  };

  return {
    async record(tx, list) {
      for (const event of list) await runDurable(tx, event);
    },
    async writesWhenRecording(names) {
      for (const interest of durable.values())
        for (const name of names) if (await interest(name)) return true;
      return false;
    },
    publish(list) {
      for (const event of list) publishEvent(event);
    },
    emit(name, payload) {
      const event = domainEvent(name, payload);
      const written = tail.then(() => runDurable(db, event));
      tail = written.catch((error: unknown) => onListenerError(error, name));
      publishEvent(event);
    },
    on(name, listener) {
      const wrapped = (payload: DomainEventMap[typeof name]) => guard(name, () => listener(payload));
      emitter.on(name, wrapped);
      return () => emitter.off(name, wrapped);
    },
    onAny(listener) {
      const wrapped = (event: AnyDomainEvent) => guard(event.name, () => listener(event));
      emitter.on('*', wrapped);
      return () => emitter.off('*', wrapped);
    },
    onDurable(listener, interest = async () => true) {
      durable.set(listener, interest);
      return () => durable.delete(listener);
    },
  };
}
