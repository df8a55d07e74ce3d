import {
  wsCloseCodes,
  type TAgentServerFrame,
  type TMessageDto,
  type TVisitorServerFrame,
} from '@charla/protocol';
import type { App } from '../http/app-type';
import { isAppError } from '../lib/app-error';
import type { Services } from '../services';
import type { BusEvent } from './bus-events';
import type { AgentConnection, Connection, VisitorConnection } from './connections';
import type { createConnectionRegistry } from './connection-registry';
import { fanOut, inboxesThatMaySee, visibilityOf, type FanOutEvent } from './fan-out';
import { messageFrameJson } from './message-json';
import { sendRaw } from './send-frame';

type Registries = {
  agents: ReturnType<typeof createConnectionRegistry<AgentConnection>>;
  visitors: ReturnType<typeof createConnectionRegistry<VisitorConnection>>;
};

/** Sockets the server ended (logout, revocation, a missed heartbeat): presence ends at once, no grace. */
export const endedByServer = new WeakSet<Connection>();

/**
 * Many sockets get the same frame: each is serialized once, keyed by an object the equal frames
 * share (the message, for instance) or else by the frame itself.
 */
function frameTexts() {
  const serialized = new Map<object, string>();
  return (frame: object, key: object = frame, make = () => JSON.stringify(frame)): string => {
    let text = serialized.get(key);
    if (text === undefined) serialized.set(key, (text = make()));
    return text;
  };
}

/**
 * A widget's conversation state follows the messages before it ("ended" after the bot's closing
 * message): the state was read from the database, and its bus event may be ahead of theirs.
 */
function stateAfterMessages(
  app: App,
  connection: Connection,
  conversation: { id: string; lastSeq: number },
  text: string,
): Promise<void> {
  return connection.stream
    .after(conversation.id, conversation.lastSeq, text)
    .catch((error: unknown) => app.log.warn({ err: error }, 'conversation state after its messages failed'));
}

/** Keys of the texts every inbox shares (a widget's is keyed by the message itself). */
const AGENT_MESSAGE = {};
const AGENT_ACTIVITY = {};

/**
 * One message's texts for one socket: its `message` frame (inboxes with the conversation's
 * activity, widgets without: one text each) and, for an inbox, the `activity` frame that goes
 * instead when it did not subscribe to the conversation (R28).
 */
function messageTexts(
  raw: ReturnType<typeof frameTexts>,
  connection: Connection,
  frame: Extract<TAgentServerFrame | TVisitorServerFrame, { type: 'message' }>,
): { message: string; unfollowed: (() => string) | null } {
  const { message } = frame;
  if (connection.kind !== 'agent')
    return { message: raw(frame, message, () => messageFrameJson(message)), unfollowed: null };
  const activity = 'activity' in frame ? frame.activity : undefined;
  return {
    message: raw(frame, AGENT_MESSAGE, () => messageFrameJson(message, activity)),
    // Serialized for the first socket that did not subscribe, if any.
    unfollowed: activity
      ? () => raw({ type: 'activity', conversationId: message.conversationId, activity }, AGENT_ACTIVITY)
      : null,
  };
}

/** A message into one socket's ordered stream (`unfollowed`: what goes when it did not subscribe). */
function liveOn(
  app: App,
  connection: Connection,
  message: TMessageDto,
  frame: string | null,
  unfollowed: (() => string) | null = null,
): Promise<void> {
  return connection.stream.live(message, frame, unfollowed).catch((error: unknown) => {
    // The socket may no longer see the conversation (R14): its stream starts afresh later.
    if (isAppError(error) && error.status === 404) connection.stream.forget(message.conversationId);
    else app.log.warn({ err: error }, 'message stream failed');
  });
}

/**
 * Turns bus events into frames on this process's sockets: does the I/O an event needs (the
 * visitor's fresh state, presence), lets the pure fan-out decide, and sends `message` frames
 * through each socket's ordered stream.
 */
export function createBusDelivery(app: App, services: Services, registries: Registries) {
  const { agents, visitors } = registries;
  const { conversations, presence } = services;

  /** The I/O part: null when nothing on this process needs the event. */
  async function resolve(
    event: BusEvent,
  ): Promise<{ event: FanOutEvent; targets: readonly Connection[] } | null> {
    switch (event.type) {
      case 'conversation.changed':
        return {
          event: { type: 'conversation.changed', conversation: event.conversation, previous: event.previous },
          targets: agents.all(),
        };
      case 'visitor.conversation': {
        const targets = [...visitors.of(event.visitorId)];
        if (targets.length === 0) return null;
        const conversation = await conversations.getForVisitor(event.visitorId, event.conversationId);
        return { event: { type: 'visitor.state', visitorId: event.visitorId, conversation }, targets };
      }
      case 'message.created': {
        const { conversation } = event;
        const inboxes = inboxesThatMaySee(agents, visibilityOf(conversation));
        return { event, targets: [...inboxes, ...visitors.of(conversation.visitor.id)] };
      }
      case 'typing': // names no note readers: under an assignee, only they hear it (fan-out.ts)
      case 'read':
        return { event, targets: [...inboxesThatMaySee(agents, event), ...visitors.of(event.visitorId)] };
      case 'panel.changed':
        return agents.size === 0 ? null : { event, targets: agents.all() };
      case 'presence.changed': {
        if (agents.size === 0) return null;
        const online = (await presence.onlineUserIds()).has(event.userId);
        return { event: { type: 'presence', userId: event.userId, online }, targets: agents.all() };
      }
      case 'notify': {
        const { notification, userIds } = event;
        const targets = userIds.flatMap((id) => [...agents.of(id)]);
        return { event: { type: 'notification', userIds, notification }, targets };
      }
      case 'sessions.revoked':
        await endSessions(event.userId, event.sessionIds);
        return null;
      case 'cache.forget':
        return null; // the services' shared caches listen to it themselves
    }
  }

  /** Logout, revocation, deactivation: the sockets close and presence ends now (R10). */
  async function endSessions(userId: string, sessionIds: string[] | 'all'): Promise<void> {
    let remaining = 0;
    for (const c of agents.of(userId)) {
      if (sessionIds === 'all' || sessionIds.includes(c.user.sessionId)) {
        endedByServer.add(c);
        c.socket.close(wsCloseCodes.sessionEnded, 'session ended');
      } else remaining += 1;
    }
    if (remaining === 0) await presence.end(userId);
  }

  function deliver(resolved: { event: FanOutEvent; targets: readonly Connection[] }): void {
    const raw = frameTexts();
    const gotMessage = new Set<Connection>();
    for (const { connection, frame } of fanOut(resolved.event, resolved.targets)) {
      if (frame.type === 'message') {
        gotMessage.add(connection);
        const texts = messageTexts(raw, connection, frame);
        void liveOn(app, connection, frame.message, texts.message, texts.unfollowed);
        continue;
      }
      if (frame.type === 'conversation_removed') connection.stream.forget(frame.conversationId);
      if (connection.kind === 'visitor' && frame.type === 'conversation')
        void stateAfterMessages(app, connection, frame.conversation, raw(frame));
      else sendRaw(connection.socket, raw(frame));
    }
    // A visitor's socket skips internal events: their seqs still count, so no gap is pulled for them.
    const { event } = resolved;
    if (event.type === 'message.created')
      for (const c of resolved.targets)
        if (c.kind === 'visitor' && !gotMessage.has(c)) void liveOn(app, c, event.message, null);
  }

  return async function onBusEvent(event: BusEvent): Promise<void> {
    const resolved = await resolve(event);
    if (resolved) deliver(resolved);
  };
}
