import { wsCloseCodes, type TAgentClientFrame, type TMessageDto } from '@charla/protocol';
import { backoffDelay, createOrderedSender, frameFits } from '@charla/protocol/client';
import { ApiError } from '../../lib/api-client';
import type { AgentSocket } from '../../lib/socket';
import type { PendingMessage } from './inbox-state';

export type TInboxSendItem = PendingMessage & { conversationId: string };

export type TInboxSenderDeps = {
  socket: AgentSocket;
  /** The one queue of this inbox, oldest first (`sendQueue` of the current state). */
  items: () => TInboxSendItem[];
  sendOverRest: (
    conversationId: string,
    clientMsgId: string,
    body: PendingMessage['body'],
    attachments: string[],
  ) => Promise<TMessageDto>;
  stored: (message: TMessageDto) => void;
  refused: (conversationId: string, clientMsgId: string, code: string) => void;
};

/** The upload ids a queued message sends: the same on every resend, so the server claims them once (R28). */
export const attachmentIdsOf = (item: PendingMessage): string[] => (item.attachments ?? []).map((a) => a.id);

/** The `send` frame of a queued message (its files by upload id, issue 17). */
export function sendFrameOf(item: TInboxSendItem): TAgentClientFrame {
  const attachments = attachmentIdsOf(item);
  return {
    type: 'send',
    ref: item.clientMsgId,
    conversationId: item.conversationId,
    clientMsgId: item.clientMsgId,
    body: item.body,
    ...(attachments.length > 0 ? { attachments } : {}),
  };
}

/**
 * The inbox's ordered sends (R28): one message at a time, in typed order, over the socket once the
 * server said `ready`, or over REST while the socket is down. A message typed after the server came
 * back therefore never overtakes one still waiting. A refusal (an error frame or a 4xx with a code)
 * marks the message failed with that code and is never retried on its own; an unreachable server
 * only delays the queue (REST is tried again after a backoff, the socket after `ready`).
 */
export function createInboxSender(deps: TInboxSenderDeps) {
  let restAttempt = 0;
  let restBlockedUntil = 0;
  let restTimer: ReturnType<typeof setTimeout> | undefined;
  let restInFlight: string | null = null;

  const refuse = (item: TInboxSendItem, code: string): void => {
    deps.refused(item.conversationId, item.clientMsgId, code);
    sender.settled(item.clientMsgId);
  };

  const retryLater = (): void => {
    const delay = backoffDelay(restAttempt);
    restAttempt += 1;
    restBlockedUntil = Date.now() + delay;
    clearTimeout(restTimer);
    restTimer = setTimeout(() => sender.pump(), delay);
  };

  async function overRest(item: TInboxSendItem): Promise<void> {
    restInFlight = item.clientMsgId;
    try {
      const { conversationId, clientMsgId, body } = item;
      const message = await deps.sendOverRest(conversationId, clientMsgId, body, attachmentIdsOf(item));
      restAttempt = 0;
      deps.stored(message);
      sender.settled(item.clientMsgId);
    } catch (error) {
      const refusal = error instanceof ApiError && error.status >= 400 && error.status < 500;
      if (refusal) return refuse(item, error.code);
      // Unreachable or failing server: the message keeps its place (same id when sent again).
      if (sender.inFlight() === item.clientMsgId) sender.transportLost();
      retryLater();
    } finally {
      if (restInFlight === item.clientMsgId) restInFlight = null;
    }
  }

  const sender = createOrderedSender<TInboxSendItem>({
    items: deps.items,
    transmit(item) {
      const frame = sendFrameOf(item);
      if (!frameFits(frame)) {
        // The composer blocks this; a frame this large would only make the server drop the socket.
        queueMicrotask(() => refuse(item, 'FRAME_TOO_LARGE'));
        return false;
      }
      if (deps.socket.isReady()) return deps.socket.send(frame);
      if (deps.socket.status === 'open' || Date.now() < restBlockedUntil) return false;
      void overRest(item);
      return true;
    },
    onAckTimeout: () => {
      deps.socket.reconnect();
      retryLater();
    },
  });

  const offClose = deps.socket.onClose((code) => {
    const inFlight = sender.inFlight();
    // A REST request in flight does not depend on the socket; a frame on it is lost with it.
    const item = inFlight === restInFlight ? undefined : deps.items().find((i) => i.clientMsgId === inFlight);
    if (item && code === wsCloseCodes.frameTooLarge) return refuse(item, 'FRAME_TOO_LARGE');
    if (item) sender.transportLost();
    // The socket is gone: REST takes over at once.
    restBlockedUntil = 0;
    queueMicrotask(() => sender.pump());
  });

  return {
    pump: sender.pump,
    inFlight: sender.inFlight,
    /** An ack, or a stored copy carrying the id, answered the item in flight. */
    stored(clientMsgIds: Iterable<string | null>): void {
      for (const id of clientMsgIds) if (id !== null && id === sender.inFlight()) sender.settled(id);
    },
    /** An error frame: its ref names the message, or (frame too large) it is the one in flight. */
    errorFrame(ref: string | undefined, code: string): void {
      const id = ref ?? (code === 'FRAME_TOO_LARGE' ? sender.inFlight() : null);
      const item = deps.items().find((i) => i.clientMsgId === id);
      if (item) refuse(item, code);
    },
    stop(): void {
      offClose();
      clearTimeout(restTimer);
      sender.stop();
    },
  };
}
export type TInboxSender = ReturnType<typeof createInboxSender>;
