import type { TMessageDto } from '@charla/protocol';
import type { MessagesPage } from '../modules/conversations/index';

/** Reads a conversation's messages after a sequence number, page by page, as this socket's viewer. */
export type MessageSource = (conversationId: string, afterSeq: number) => AsyncIterable<MessagesPage>;

type MessagesFrame = { type: 'messages'; conversationId: string; messages: TMessageDto[]; lastSeq: number };

/** Sends in flight on one socket whose echo is held back; far more than a client has in flight. */
const MAX_EXPECTED_ACKS = 256;

/** Per conversation: the highest seq accounted for on this socket, and the work queued behind it. */
type Track = { last: number; tail: Promise<void>; pending: number };

/**
 * Sends every message after `after` as `messages` frames and moves the track's position (at least
 * one frame when `always`: a subscribe answer); without `always`, only what the track has not had.
 */
function puller(
  send: (frame: MessagesFrame) => void,
  source: MessageSource,
  current: (conversationId: string, track: Track) => boolean,
) {
  return async function pull(conversationId: string, track: Track, after: number, always: boolean) {
    let sentAny = false;
    for await (const page of source(conversationId, after)) {
      // Unsubscribed meanwhile: what was read belongs to no stream now.
      if (!current(conversationId, track)) return;
      const messages = always ? page.items : page.items.filter((m) => m.seq > track.last);
      if (messages.length > 0 || (always && !sentAny))
        send({ type: 'messages', conversationId, messages, lastSeq: page.lastSeq });
      sentAny = true;
      track.last = Math.max(track.last, page.lastSeq);
    }
  };
}

/** A live message in its place: dropped when sent already, sent when next; false when it would skip seqs. */
function inSequence(track: Track, seq: number, frame: string | null, send: (frame: string) => void): boolean {
  if (seq <= track.last) return true;
  if (seq !== track.last + 1) return false;
  track.last = seq;
  if (frame !== null) send(frame);
  return true;
}

/**
 * R28: one socket's message stream, per conversation strictly increasing and without repeats,
 * also when the bus loses or reorders events (Redis outage, several processes). A conversation's
 * stream starts with the answer to the socket's subscribe (everything after the seq it asked
 * from) and live messages follow it; before that, and after an unsubscribe, the socket gets no
 * message of it (an inbox gets the conversation's activity instead), so nothing sent live can
 * come again in an answer. A live message that would skip a sequence number first pulls the
 * missing ones from the database; one already sent is dropped. Subscribe answers, catch-ups and
 * gap fills run in one queue per conversation, so a live message never overtakes them.
 */
export function createMessageStream(send: (frame: MessagesFrame | string) => void, source: MessageSource) {
  const tracks = new Map<string, Track>();
  /** Client ids of messages this socket sent: the ack is its copy, so the live one is not echoed (issue 25). */
  const acked = new Set<string>();

  /** Runs `task` after everything queued for this conversation; the caller sees its outcome. */
  function enqueue(track: Track, task: () => Promise<void>): Promise<void> {
    track.pending += 1;
    const run = track.tail.then(task).finally(() => {
      track.pending -= 1;
    });
    track.tail = run.catch(() => undefined);
    return run;
  }

  const pull = puller(send, source, (conversationId, track) => tracks.get(conversationId) === track);

  return {
    /**
     * A message from the bus; `frame` is its serialized `message` frame (shared by many sockets),
     * or null for one this viewer does not see (an internal event): its seq is accounted for.
     * `unfollowed` gives what goes instead when the socket did not subscribe to the conversation
     * (the inbox's list activity: serialized only then), unless the message is this socket's own:
     * its ack said it all.
     */
    live(
      message: Pick<TMessageDto, 'conversationId' | 'seq'> & { clientMsgId?: string | null },
      sharedFrame: string | null,
      unfollowed: (() => string) | null = null,
    ): Promise<void> {
      const { conversationId, seq } = message;
      const echo = message.clientMsgId != null && acked.delete(message.clientMsgId);
      const track = tracks.get(conversationId);
      if (!track) {
        if (!echo && unfollowed !== null) send(unfollowed());
        return Promise.resolve();
      }
      const frame = echo ? null : sharedFrame;
      if (track.pending === 0 && inSequence(track, seq, frame, send)) return Promise.resolve();
      return enqueue(track, async () => {
        if (!inSequence(track, seq, frame, send)) await pull(conversationId, track, track.last, false);
      });
    },

    /**
     * This socket is sending the message with this client id and gets it back in its ack: its live
     * copy only moves the stream's position. Bounded: ids of sends that never came back (refused,
     * retried duplicates) are forgotten oldest first.
     */
    expectAck(clientMsgId: string): void {
      acked.add(clientMsgId);
      if (acked.size > MAX_EXPECTED_ACKS) acked.delete(acked.values().next().value as string);
    },

    /**
     * Answers a subscribe: everything after `afterSeq`, then live goes on after it. Subscribed
     * already (a retried start, a second subscribe): the answer starts after what was sent.
     */
    subscribe(conversationId: string, afterSeq: number): Promise<void> {
      const known = tracks.get(conversationId);
      const track = known ?? { last: afterSeq, tail: Promise.resolve(), pending: 0 };
      tracks.set(conversationId, track);
      const answered = enqueue(track, () =>
        pull(conversationId, track, known ? Math.max(afterSeq, track.last) : afterSeq, true),
      );
      // Refused (not visible to this socket): no subscription is left behind.
      return answered.catch((error: unknown) => {
        if (tracks.get(conversationId) === track) tracks.delete(conversationId);
        throw error;
      });
    },

    /**
     * A frame that must follow the messages up to `lastSeq` on this socket (a visitor's conversation
     * state: "ended" after the bot's closing message, never before it). When the socket was sent
     * less, the rest is pulled first; a conversation the socket never followed gets it at once.
     */
    after(conversationId: string, lastSeq: number, frame: string): Promise<void> {
      const track = tracks.get(conversationId);
      if (!track || (track.pending === 0 && track.last >= lastSeq)) {
        send(frame);
        return Promise.resolve();
      }
      return enqueue(track, async () => {
        if (track.last < lastSeq) await pull(conversationId, track, track.last, false);
        send(frame);
      });
    },

    /** After a bus outage: whatever this socket missed since the last message it was sent. */
    catchUp(conversationId: string): Promise<void> {
      const track = tracks.get(conversationId);
      if (!track) return Promise.resolve();
      return enqueue(track, () => pull(conversationId, track, track.last, false));
    },

    /** Unsubscribed, or the socket may no longer see it: a later subscribe starts afresh. */
    forget(conversationId: string): void {
      tracks.delete(conversationId);
    },

    conversations(): string[] {
      return [...tracks.keys()];
    },
  };
}
export type MessageStream = ReturnType<typeof createMessageStream>;
