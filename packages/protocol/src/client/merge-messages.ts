type TMergeable = { seq: number; clientMsgId: string | null };

/**
 * A thread's messages by sequence, each once: a replay after a reconnect overlaps what the client
 * holds, and the same message may arrive as an ack, a broadcast and a replay. Sorted by seq; a
 * client message id seen at a lower seq wins over a later copy (the server stores each id once).
 */
export function mergeMessages<T extends TMergeable>(existing: readonly T[], incoming: readonly T[]): T[] {
  if (incoming.length === 0) return existing as T[];
  const bySeq = new Map<number, T>();
  for (const message of existing) bySeq.set(message.seq, message);
  for (const message of incoming) bySeq.set(message.seq, message);
  const seen = new Set<string>();
  return [...bySeq.values()]
    .sort((a, b) => a.seq - b.seq)
    .filter((m) => m.clientMsgId === null || (!seen.has(m.clientMsgId) && seen.add(m.clientMsgId) !== null));
}
