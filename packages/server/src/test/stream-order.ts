import type { TAgentServerFrame, TVisitorServerFrame } from '@charla/protocol';

/**
 * The sequence numbers one socket was streamed for a conversation, in arrival order: live
 * `message` frames and unrequested `messages` frames (gap fills, replays). `skipFirst` leaves out
 * that many `messages` frames: the answers to the client's own subscribe/start.
 */
export function streamedSeqs(
  frames: (TAgentServerFrame | TVisitorServerFrame)[],
  conversationId: string,
  skipFirst = 1,
): number[] {
  const seqs: number[] = [];
  let answers = skipFirst;
  for (const f of frames) {
    if (f.type === 'message' && f.message.conversationId === conversationId) seqs.push(f.message.seq);
    if (f.type === 'messages' && f.conversationId === conversationId) {
      if (answers > 0) answers -= 1;
      else seqs.push(...f.messages.map((m) => m.seq));
    }
  }
  return seqs;
}

export function isStrictlyIncreasing(seqs: number[]): boolean {
  return seqs.every((seq, i) => i === 0 || seq > (seqs[i - 1] ?? 0));
}
