/**
 * One ordered queue of outgoing messages per client (R28: messages are stored in the order they
 * were typed). Stop-and-wait: the oldest unsent item goes out only once the one before it was
 * acknowledged or refused, over whichever transport is up, never before the server's `ready`. A
 * resend carries the same client message id, which the server stores once, so a retry never
 * duplicates. Pure decisions here; the timers live in `createOrderedSender`.
 */
export type TQueuedItem = {
  clientMsgId: string;
  /** `sending` waits its turn or is in flight; `failed` was refused and waits for the user. */
  state: 'sending' | 'failed';
  /** The refusal's error code (from the catalogue) or a client-side check such as the size limit. */
  error?: string;
};

/** The item to transmit now, oldest first; null while an earlier one waits for its answer. */
export function nextToSend<T extends TQueuedItem>(items: readonly T[], inFlight: string | null): T | null {
  // An in-flight item that left the queue (forgotten conversation) holds nothing back.
  if (inFlight !== null && items.some((item) => item.clientMsgId === inFlight && item.state === 'sending'))
    return null;
  return items.find((item) => item.state === 'sending') ?? null;
}

/** Appends a new item: the queue's order is the order the user typed. */
export function enqueue<T extends TQueuedItem>(items: readonly T[], item: T): T[] {
  return [...items.filter((i) => i.clientMsgId !== item.clientMsgId), item];
}

/** The server stored it (ack, or a stored copy arrived): it leaves the queue. */
export function settle<T extends TQueuedItem>(items: readonly T[], clientMsgIds: Iterable<string>): T[] {
  const done = new Set(clientMsgIds);
  const kept = items.filter((item) => !done.has(item.clientMsgId));
  return kept.length === items.length ? (items as T[]) : kept;
}

/** Refused with a reason: kept, marked failed, and never sent again unless the user retries. */
export function markFailed<T extends TQueuedItem>(
  items: readonly T[],
  clientMsgId: string,
  error: string,
): T[] {
  return items.map((item) => (item.clientMsgId === clientMsgId ? { ...item, state: 'failed', error } : item));
}

/**
 * The user's "Retry": the item joins the end of the queue (it is sent after what was typed since,
 * which is the order the user now asks for), with the same id so an earlier copy cannot double.
 */
export function requeue<T extends TQueuedItem>(items: readonly T[], clientMsgId: string): T[] {
  const item = items.find((i) => i.clientMsgId === clientMsgId);
  if (!item || item.state !== 'failed') return items as T[];
  const rest = items.filter((i) => i.clientMsgId !== clientMsgId);
  return [...rest, { ...item, state: 'sending', error: undefined }];
}

export type TOrderedSenderDeps<T extends TQueuedItem> = {
  /** The queue now, oldest first. */
  items: () => readonly T[];
  /**
   * Hands the item to the transport that is up and ready; false when none is (the sender waits
   * for `pump()` after the next `ready`). The answer comes back through `settled`/`failed`.
   */
  transmit: (item: T) => boolean;
  /** No answer in time: the transport looks dead. Drop it; the reconnect resends the same item. */
  onAckTimeout: (item: T) => void;
  ackTimeoutMs?: number;
};

export const ACK_TIMEOUT_MS = 10_000;

/** Drives the queue: at most one item in flight, sent again (same id) after a lost transport. */
export function createOrderedSender<T extends TQueuedItem>(deps: TOrderedSenderDeps<T>) {
  let inFlight: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const release = (): void => {
    clearTimeout(timer);
    inFlight = null;
  };

  function pump(): void {
    const item = nextToSend(deps.items(), inFlight);
    if (!item) return;
    if (!deps.transmit(item)) return;
    inFlight = item.clientMsgId;
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (inFlight !== item.clientMsgId) return;
      inFlight = null;
      deps.onAckTimeout(item);
    }, deps.ackTimeoutMs ?? ACK_TIMEOUT_MS);
  }

  return {
    pump,
    /** The item in flight, if any (a refusal without a ref belongs to it). */
    inFlight: (): string | null => inFlight,
    /** The item got its answer (stored, or refused and marked failed by the caller): next one. */
    settled(clientMsgId: string): void {
      if (inFlight === clientMsgId) release();
      pump();
    },
    /** The transport closed: the item in flight is sent again (same id) once one is ready. */
    transportLost(): void {
      release();
    },
    stop: release,
  };
}
export type TOrderedSender = ReturnType<typeof createOrderedSender>;
