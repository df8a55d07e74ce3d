import type { TRichText, TVisitorAnswer, TVisitorClientFrame } from '@charla/protocol';

/** A visitor message not yet acknowledged by the server. Persisted, so a reload still sends it. */
export type TOutboxItem = {
  clientMsgId: string;
  conversationId: string;
  createdAt: number;
  payload: { kind: 'send'; body: TRichText } | { kind: 'answer'; answer: TVisitorAnswer };
  /** What the visitor's own bubble shows until the server's copy arrives. */
  text: string;
  state: 'sending' | 'failed';
  error?: string;
};

/** The WebSocket frame that sends an outbox item; the server dedupes on clientMsgId, so resending is safe. */
export function toClientFrame(item: TOutboxItem): TVisitorClientFrame {
  const base = { ref: item.clientMsgId, conversationId: item.conversationId, clientMsgId: item.clientMsgId };
  return item.payload.kind === 'send'
    ? { type: 'send', ...base, body: item.payload.body }
    : { type: 'answer', ...base, answer: item.payload.answer };
}

/** Error code of an item that waited too long for its ack: resent by itself once connected again. */
export const ACK_TIMEOUT_ERROR = 'timeout';

/**
 * Items to (re)send on a fresh connection, oldest first: those still sending and those that only
 * timed out. Items the server refused wait for the visitor's "Retry".
 */
export function itemsToFlush(outbox: readonly TOutboxItem[], conversationId: string | null): TOutboxItem[] {
  return outbox
    .filter(
      (item) =>
        item.conversationId === conversationId &&
        (item.state === 'sending' || item.error === ACK_TIMEOUT_ERROR),
    )
    .sort((a, b) => a.createdAt - b.createdAt);
}

/** Keeps only well-formed items from storage (an old or foreign format is dropped, not trusted). */
export function parseStoredOutbox(raw: unknown): TOutboxItem[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (item): item is TOutboxItem =>
      typeof item === 'object' &&
      item !== null &&
      typeof (item as TOutboxItem).clientMsgId === 'string' &&
      typeof (item as TOutboxItem).conversationId === 'string' &&
      typeof (item as TOutboxItem).createdAt === 'number' &&
      typeof (item as TOutboxItem).text === 'string' &&
      typeof (item as TOutboxItem).payload === 'object',
  );
}

/** 128 random bits as hex (crypto.getRandomValues works outside secure contexts, randomUUID does not). */
export function randomHex(bytes = 16): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
}

/** A fresh client message id: the server's dedupe key for this message. */
export function newClientMsgId(): string {
  return `w_${randomHex()}`;
}
