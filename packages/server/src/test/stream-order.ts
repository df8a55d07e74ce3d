import type { TAgentServerFrame, TVisitorServerFrame } from '@charla/protocol';

/**
 * The sequence numbers one socket was sent for a conversation, in arrival order: subscribe
 * answers, live `message` frames and gap fills. R28: strictly increasing, answers included.
 */
export function streamedSeqs(
  frames: (TAgentServerFrame | TVisitorServerFrame)[],
  conversationId: string,
): number[] {
  const seqs: number[] = [];
  for (const f of frames) {
    if (f.type === 'message' && f.message.conversationId === conversationId) seqs.push(f.message.seq);
    if (f.type === 'messages' && f.conversationId === conversationId)
      seqs.push(...f.messages.map((m) => m.seq));
  }
  return seqs;
}

export function isStrictlyIncreasing(seqs: number[]): boolean {
  return seqs.every((seq, i) => i === 0 || seq > (seqs[i - 1] ?? 0));
}
