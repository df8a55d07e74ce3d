import type { TMessageDto } from '@charla/protocol';
import { describe, expect, it, vi } from 'vitest';
import type { MessagesPage } from '../modules/conversations/conversations.service';
import { createMessageStream } from './message-stream';

const C = 'conv-1';
const msg = (seq: number) => ({ conversationId: C, seq }) as TMessageDto;

/** A stream over an in-memory conversation; records the seqs it sends, in order. */
function harness(stored: number) {
  const db = { last: stored };
  const sent: number[] = [];
  const stream = createMessageStream(
    (frame) => {
      if (typeof frame === 'string') sent.push((JSON.parse(frame) as { message: TMessageDto }).message.seq);
      else sent.push(...frame.messages.map((m) => m.seq));
    },
    async function* (_id, after): AsyncGenerator<MessagesPage> {
      await new Promise((r) => setTimeout(r, 5)); // the database answers later than the bus
      const items: TMessageDto[] = [];
      for (let seq = after + 1; seq <= db.last; seq += 1) items.push(msg(seq));
      yield { items, lastSeq: Math.max(after, db.last), hasMore: false };
    },
  );
  const live = (seq: number) => stream.live(msg(seq), JSON.stringify({ type: 'message', message: msg(seq) }));
  return { db, sent, stream, live };
}

describe('one socket’s message stream (R28)', () => {
  it('sends live messages in order once, and drops repeats', async () => {
    const { sent, stream, live } = harness(3);
    await stream.subscribe(C, 0);
    await Promise.all([live(4), live(4), live(5), live(3)]);
    expect(sent).toEqual([1, 2, 3, 4, 5]);
  });

  it('pulls a gap from the database before a message that would skip seqs, then drops the late ones', async () => {
    const h = harness(2);
    await h.stream.subscribe(C, 0);
    h.db.last = 6; // 3, 4, 5 were lost on the bus
    await h.live(6);
    await Promise.all([h.live(3), h.live(5), h.live(7)]);
    expect(h.sent).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('keeps live messages behind a subscribe answer still being read', async () => {
    const h = harness(4);
    const answered = h.stream.subscribe(C, 0);
    h.db.last = 5;
    const late = h.live(5);
    await Promise.all([answered, late]);
    expect(h.sent).toEqual([1, 2, 3, 4, 5]);
  });

  it('catches up after an outage from the last seq sent, never repeating one', async () => {
    const h = harness(2);
    await h.stream.subscribe(C, 0);
    await h.live(3);
    h.db.last = 8;
    await h.stream.catchUp(C);
    await h.stream.catchUp(C);
    await h.live(8);
    expect(h.sent).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('counts messages the viewer does not see, so they open no gap', async () => {
    const h = harness(2);
    await h.stream.subscribe(C, 0);
    await h.stream.live(msg(3), null);
    await h.live(4);
    expect(h.sent).toEqual([1, 2, 4]);
  });
});

describe('a frame after the messages before it', () => {
  const state = JSON.stringify({ type: 'conversation', conversation: { status: 'closed' } });

  /** Records seqs as numbers and the state frame as 'state'. */
  function withState(stored: number) {
    const h = harness(stored);
    const order: (number | 'state')[] = [];
    const stream = createMessageStream(
      (frame) => {
        if (frame === state) order.push('state');
        else if (typeof frame === 'string')
          order.push((JSON.parse(frame) as { message: TMessageDto }).message.seq);
        else order.push(...frame.messages.map((m) => m.seq));
      },
      async function* (_id, after): AsyncGenerator<MessagesPage> {
        await new Promise((r) => setTimeout(r, 5));
        const items: TMessageDto[] = [];
        for (let seq = after + 1; seq <= h.db.last; seq += 1) items.push(msg(seq));
        yield { items, lastSeq: Math.max(after, h.db.last), hasMore: false };
      },
    );
    const live = (seq: number) =>
      stream.live(msg(seq), JSON.stringify({ type: 'message', message: msg(seq) }));
    return { db: h.db, order, stream, live };
  }

  it('pulls the messages up to its lastSeq first: the closing message before "ended"', async () => {
    const h = withState(2);
    await h.stream.subscribe(C, 0);
    h.db.last = 3; // the bot's closing message, committed; its bus event not here yet
    await h.stream.after(C, 3, state);
    await h.live(3);
    expect(h.order).toEqual([1, 2, 3, 'state']);
  });

  it('goes at once when the socket already has those messages', async () => {
    const h = withState(3);
    await h.stream.subscribe(C, 0);
    await h.stream.after(C, 3, state);
    expect(h.order).toEqual([1, 2, 3, 'state']);
  });

  it('goes at once for a conversation the socket never followed', async () => {
    const h = withState(3);
    await h.stream.after(C, 3, state);
    expect(h.order).toEqual(['state']);
  });
});

describe('no echo of a socket’s own message (issue 25)', () => {
  /** The live copy of message `seq`, sent with client id `clientMsgId`. */
  const liveSent = (h: ReturnType<typeof harness>, seq: number, clientMsgId: string) =>
    h.stream.live({ ...msg(seq), clientMsgId }, JSON.stringify({ type: 'message', message: msg(seq) }));

  it('counts the live copy of a message this socket sent without sending it: its ack is its copy', async () => {
    const h = harness(2);
    await h.stream.subscribe(C, 0);
    h.stream.expectAck('mine');
    await liveSent(h, 3, 'mine');
    await h.live(4);
    expect(h.sent).toEqual([1, 2, 4]);
  });

  it('holds back one copy per expected ack: a later message with the same client id is sent', async () => {
    const h = harness(2);
    await h.stream.subscribe(C, 0);
    h.stream.expectAck('mine');
    await liveSent(h, 3, 'mine');
    await liveSent(h, 4, 'mine');
    expect(h.sent).toEqual([1, 2, 4]);
  });

  it('forgets the oldest expected acks past its bound', async () => {
    const h = harness(0);
    await h.stream.subscribe(C, 0);
    for (let i = 0; i <= 256; i += 1) h.stream.expectAck(`id-${i}`);
    await liveSent(h, 1, 'id-0');
    expect(h.sent).toEqual([1]);
  });
});

describe('a stream starts with its subscribe (R28: never a seq twice, never one going back)', () => {
  /** Frames as text: `message N`, `activity N` (sent instead when not subscribed), `answer N,M`. */
  function textHarness() {
    const db = { last: 0 };
    const sent: string[] = [];
    const stream = createMessageStream(
      (frame) =>
        sent.push(typeof frame === 'string' ? frame : `answer ${frame.messages.map((m) => m.seq).join(',')}`),
      async function* (_id, after): AsyncGenerator<MessagesPage> {
        const items: TMessageDto[] = [];
        for (let seq = after + 1; seq <= db.last; seq += 1) items.push(msg(seq));
        yield { items, lastSeq: Math.max(after, db.last), hasMore: false };
      },
    );
    const live = (seq: number, clientMsgId?: string) => {
      db.last = Math.max(db.last, seq);
      return stream.live({ ...msg(seq), clientMsgId }, `message ${seq}`, () => `activity ${seq}`);
    };
    return { sent, stream, live };
  }

  it('sends a conversation’s messages only after the subscribe’s answer, whatever came live before', async () => {
    const h = textHarness();
    await h.live(4);
    await h.live(5);
    await h.stream.subscribe(C, 2);
    await h.live(6);
    expect(h.sent).toEqual(['activity 4', 'activity 5', 'answer 3,4,5', 'message 6']);
  });

  it('serializes the list activity only for a socket that did not subscribe', async () => {
    const h = textHarness();
    await h.stream.subscribe(C, 0);
    const activity = vi.fn(() => 'activity 1');
    await h.stream.live(msg(1), 'message 1', activity);
    expect(h.sent.at(-1)).toBe('message 1');
    expect(activity).not.toHaveBeenCalled();
  });

  it('sends nothing instead of this socket’s own message: its ack said it all', async () => {
    const h = textHarness();
    h.stream.expectAck('mine');
    await h.live(1, 'mine');
    await h.live(2, 'theirs');
    expect(h.sent).toEqual(['activity 2']);
  });

  it('answers a second subscribe with only what the stream has not sent', async () => {
    const h = harness(3);
    await h.stream.subscribe(C, 0);
    h.db.last = 5;
    await h.stream.subscribe(C, 0);
    await h.live(5);
    expect(h.sent).toEqual([1, 2, 3, 4, 5]);
  });

  it('ends with an unsubscribe: nothing more, and a later subscribe starts afresh', async () => {
    const h = harness(2);
    await h.stream.subscribe(C, 0);
    h.stream.forget(C);
    await h.live(3);
    expect(h.sent).toEqual([1, 2]);
    h.db.last = 3;
    await h.stream.subscribe(C, 2);
    expect(h.sent).toEqual([1, 2, 3]);
  });

  it('drops an answer still being read when the socket unsubscribes meanwhile', async () => {
    const h = harness(3);
    const answered = h.stream.subscribe(C, 0);
    h.stream.forget(C);
    await answered;
    expect(h.sent).toEqual([]);
  });
});
