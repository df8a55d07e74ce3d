import { useEffect } from 'react';
import type { TConversationDto } from '@charla/protocol';

/**
 * Reading is telling the server what the assignee has seen, while the tab is visible (again when
 * it becomes visible).
 */
export function useMarkRead(deps: {
  conversation: TConversationDto | undefined;
  lastSeq: number;
  meId: string;
  markRead: (conversationId: string, seq: number) => void;
}) {
  const { conversation, lastSeq, meId, markRead } = deps;
  useEffect(() => {
    if (!conversation || lastSeq === 0 || lastSeq <= conversation.userReadSeq) return;
    if (conversation.assignee?.id !== meId) return;
    const mark = () => {
      if (document.visibilityState === 'visible') markRead(conversation.id, lastSeq);
    };
    mark();
    document.addEventListener('visibilitychange', mark);
    return () => document.removeEventListener('visibilitychange', mark);
  }, [conversation, lastSeq, markRead, meId]);
}
