import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createOrderedSender,
  enqueue,
  markFailed,
  nextToSend,
  requeue,
  settle,
  type TQueuedItem,
} from './send-queue';

type Item = TQueuedItem & { text: string };
const item = (id: string): Item => ({ clientMsgId: id, state: 'sending', text: id });

describe('queue decisions', () => {
  it('sends the oldest waiting item, and nothing while an earlier one is in flight', () => {
    const items = [item('a'), item('b')];
    expect(nextToSend(items, null)?.clientMsgId).toBe('a');
    expect(nextToSend(items, 'a')).toBeNull();
    expect(nextToSend(settle(items, ['a']), 'a')?.clientMsgId).toBe('b');
  });

  it('skips a refused item and never picks it again on its own', () => {
    const items = markFailed([item('a'), item('b')], 'a', 'FRAME_TOO_LARGE');
    expect(items[0]).toMatchObject({ state: 'failed', error: 'FRAME_TOO_LARGE' });
    expect(nextToSend(items, null)?.clientMsgId).toBe('b');
    expect(nextToSend(settle(items, ['b']), null)).toBeNull();
  });

  it('a retried item keeps its id and goes to the end of the queue', () => {
    const items = requeue(markFailed([item('a'), item('b')], 'a', 'X'), 'a');
    expect(items.map((i) => [i.clientMsgId, i.state, i.error])).toEqual([
      ['b', 'sending', undefined],
      ['a', 'sending', undefined],
    ]);
    // Only a failed item can be retried: one still sending is not moved (it could double its turn).
    const sending = [item('a'), item('b')];
    expect(requeue(sending, 'a')).toBe(sending);
  });

  it('enqueue appends and replaces a same-id item instead of doubling it', () => {
    expect(enqueue([item('a'), item('b')], item('a')).map((i) => i.clientMsgId)).toEqual(['b', 'a']);
  });

  it('an in-flight item that left the queue does not block the next one', () => {
    expect(nextToSend([item('b')], 'a')?.clientMsgId).toBe('b');
  });
});

/**
 * A fake server that stores each client message id once, and a transport that can drop. The
 * sender must make the stored order equal the typed order whatever the drops.
 */
function harness() {
  let queue: Item[] = [];
  const stored: string[] = [];
  const wire: Item[] = [];
  let up = false;
  const sender = createOrderedSender<Item>({
    items: () => queue,
    transmit: (i) => {
      if (!up) return false;
      wire.push(i);
      return true;
    },
    onAckTimeout: () => {
      up = false;
      sender.transportLost();
    },
    ackTimeoutMs: 1000,
  });
  const deliver = (ack: boolean) => {
    const frame = wire.shift();
    if (!frame) return;
    if (!stored.includes(frame.clientMsgId)) stored.push(frame.clientMsgId);
    if (ack) {
      queue = settle(queue, [frame.clientMsgId]);
      sender.settled(frame.clientMsgId);
    }
  };
  return {
    sender,
    stored,
    wire,
    type(id: string) {
      queue = enqueue(queue, item(id));
      sender.pump();
    },
    ready() {
      up = true;
      sender.pump();
    },
    drop() {
      up = false;
      wire.length = 0;
      sender.transportLost();
    },
    deliver,
    queue: () => queue,
    refuse(code: string) {
      const frame = wire.shift();
      if (!frame) return;
      queue = markFailed(queue, frame.clientMsgId, code);
      sender.settled(frame.clientMsgId);
    },
  };
}

describe('ordered sender', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends nothing before ready, then everything in typed order, one at a time', () => {
    const h = harness();
    h.type('1');
    h.type('2');
    expect(h.wire).toEqual([]);
    h.ready();
    expect(h.wire.map((i) => i.clientMsgId)).toEqual(['1']);
    h.deliver(true);
    h.type('3');
    h.deliver(true);
    h.deliver(true);
    expect(h.stored).toEqual(['1', '2', '3']);
    expect(h.queue()).toEqual([]);
  });

  it('a message typed after a reconnect waits for older ones lost with the old transport', () => {
    const h = harness();
    h.ready();
    h.type('1');
    h.type('2');
    h.drop(); // '1' was in flight and never reached the server
    h.type('3');
    h.ready();
    expect(h.wire.map((i) => i.clientMsgId)).toEqual(['1']);
    for (let i = 0; i < 3; i += 1) h.deliver(true);
    expect(h.stored).toEqual(['1', '2', '3']);
  });

  it('stored but unacknowledged, then resent: the same id, stored once', () => {
    const h = harness();
    h.ready();
    h.type('1');
    h.type('2');
    h.deliver(false); // the server stored '1', the ack was lost with the connection
    h.drop();
    h.ready();
    expect(h.wire.map((i) => i.clientMsgId)).toEqual(['1']);
    h.deliver(true);
    h.deliver(true);
    expect(h.stored).toEqual(['1', '2']);
  });

  it('no answer in time drops the transport; the next ready resends the same item first', () => {
    const h = harness();
    h.ready();
    h.type('1');
    h.type('2');
    h.wire.length = 0; // swallowed by a silent network
    vi.advanceTimersByTime(1000);
    expect(h.sender.inFlight()).toBeNull();
    h.ready();
    expect(h.wire.map((i) => i.clientMsgId)).toEqual(['1']);
  });

  it('a refused item is marked failed with its code and the queue moves on without resending it', () => {
    const h = harness();
    h.ready();
    h.type('big');
    h.type('next');
    h.refuse('FRAME_TOO_LARGE');
    h.deliver(true);
    h.drop();
    h.ready();
    expect(h.wire).toEqual([]);
    expect(h.stored).toEqual(['next']);
    expect(h.queue()).toEqual([expect.objectContaining({ clientMsgId: 'big', error: 'FRAME_TOO_LARGE' })]);
  });

  it('random drops, refusals of acks and typing at any time: typed order, none lost, none doubled', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const h = harness();
    const typed: string[] = [];
    for (let step = 0; step < 2000; step += 1) {
      const r = random();
      if (r < 0.3) {
        const id = `m${typed.length}`;
        typed.push(id);
        h.type(id);
      } else if (r < 0.75) h.deliver(random() < 0.8);
      else if (r < 0.85) h.drop();
      else if (r < 0.95) h.ready();
      else vi.advanceTimersByTime(1000);
    }
    for (let i = 0; i < typed.length * 3 && h.queue().length > 0; i += 1) {
      h.ready();
      // A lost ack on a live transport ends with the ack timeout, as it would in a browser.
      if (h.wire.length > 0) h.deliver(true);
      else vi.advanceTimersByTime(1000);
    }
    expect(h.queue()).toEqual([]);
    expect(h.stored).toEqual(typed);
  });
});
