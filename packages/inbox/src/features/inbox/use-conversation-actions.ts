import { useCallback, useRef } from 'react';
import type { TConversationDto } from '@charla/protocol';
import type { AgentSocket } from '../../lib/socket';
import { inboxApi } from './inbox-api';
import type { InboxAction } from './inbox-state';

/** Taking, handing over and closing a conversation, read positions and typing, for the inbox context. */
export function useConversationActions(deps: {
  socket: AgentSocket;
  dispatch: (action: InboxAction) => void;
  refreshCounts: () => void;
  meId: string;
}) {
  const { socket, dispatch, refreshCounts, meId } = deps;

  const afterAction = useCallback(
    (conversation: TConversationDto) => {
      dispatch({ type: 'conversation', conversation });
      refreshCounts();
      return conversation;
    },
    [dispatch, refreshCounts],
  );

  const assign = useCallback((id: string) => inboxApi.assign(id).then(afterAction), [afterAction]);
  const reassign = useCallback(
    (id: string, userId: string | null) =>
      inboxApi.reassign(id, userId).then((conversation) => {
        // Handing it to someone else takes it out of my sight (R14).
        if (userId !== null && userId !== meId) {
          dispatch({ type: 'conversation_removed', conversationId: id });
          refreshCounts();
          return conversation;
        }
        return afterAction(conversation);
      }),
    [afterAction, dispatch, meId, refreshCounts],
  );
  const close = useCallback((id: string) => inboxApi.close(id).then(afterAction), [afterAction]);

  const lastRead = useRef(new Map<string, number>());
  const markRead = useCallback(
    (conversationId: string, seq: number) => {
      if ((lastRead.current.get(conversationId) ?? 0) >= seq) return;
      lastRead.current.set(conversationId, seq);
      // The server does not echo a read to the socket that reported it (issue 25): the unread dot
      // clears here; the other tabs and the visitor hear of it from the server.
      dispatch({ type: 'read', conversationId, side: 'user', seq });
      if (!socket.send({ type: 'read', conversationId, seq }))
        inboxApi.read(conversationId, seq).catch(() => undefined);
    },
    [socket, dispatch],
  );

  const typing = useCallback(
    (conversationId: string, active: boolean) => void socket.send({ type: 'typing', conversationId, active }),
    [socket],
  );

  return { assign, reassign, close, markRead, typing };
}
