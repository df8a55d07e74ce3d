import type { TAttachmentDto, TRichText, TVisitorAnswer, TVisitorClientFrame } from '@charla/protocol';

/** A visitor message not yet acknowledged by the server. Persisted, so a reload still sends it. */
export type TOutboxItem = {
  clientMsgId: string;
  conversationId: string;
  createdAt: number;
  payload:
    | { kind: 'send'; body: TRichText; attachments?: TAttachmentDto[] }
    | { kind: 'answer'; answer: TVisitorAnswer };
  /** What the visitor's own bubble shows until the server's copy arrives. */
  text: string;
  /** `sending` waits its turn in the ordered queue; `failed` was refused (error: the code). */
  state: 'sending' | 'failed';
  error?: string;
};

/** The WebSocket frame that sends an outbox item; the server dedupes on clientMsgId, so resending is safe. */
export function toClientFrame(item: TOutboxItem): TVisitorClientFrame {
  const base = { ref: item.clientMsgId, conversationId: item.conversationId, clientMsgId: item.clientMsgId };
  if (item.payload.kind === 'answer') return { type: 'answer', ...base, answer: item.payload.answer };
  const files = item.payload.attachments ?? [];
  // The uploads' ids: a resend names the same ones, which the server claims once (R28).
  return files.length > 0
    ? { type: 'send', ...base, body: item.payload.body, attachments: files.map((file) => file.id) }
    : { type: 'send', ...base, body: item.payload.body };
}

/**
 * This conversation's items in queue order (the order the visitor typed them, a retried item at
 * the end). The ordered sender sends them one at a time.
 */
export function queueOf(outbox: readonly TOutboxItem[], conversationId: string | null): TOutboxItem[] {
  return outbox.filter((item) => item.conversationId === conversationId);
}

/** Keeps only well-formed items from storage (an old or foreign format is dropped, not trusted). */
export function parseStoredOutbox(raw: unknown): TOutboxItem[] {
  if (!Array.isArray(raw)) return [];
  const items = raw.filter(
    (item): item is TOutboxItem =>
      typeof item === 'object' &&
      item !== null &&
      typeof (item as TOutboxItem).clientMsgId === 'string' &&
      typeof (item as TOutboxItem).conversationId === 'string' &&
      typeof (item as TOutboxItem).createdAt === 'number' &&
      typeof (item as TOutboxItem).text === 'string' &&
      typeof (item as TOutboxItem).payload === 'object',
  );
  // An older widget marked an unanswered send failed with "timeout": it was never refused, so it
  // goes on waiting its turn instead of waiting for a "Retry".
  return items.map((item) =>
    item.state === 'failed' && item.error !== 'timeout'
      ? item
      : { ...item, state: 'sending', error: undefined },
  );
}
