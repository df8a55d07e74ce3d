import { useCallback, type MutableRefObject } from 'react';
import { ApiError } from '../../lib/api-client';
import type { AgentSocket } from '../../lib/socket';
import { fetchAllMessages, inboxApi } from './inbox-api';
import { lastSeqOf, type InboxAction, type InboxState } from './inbox-state';

/**
 * Opens a conversation's thread: its DTO and every message over REST, then a live subscription
 * from the last sequence held (the server replays what came meanwhile). Returns the closer.
 */
export function useOpenThread(deps: {
  socket: AgentSocket;
  stateRef: MutableRefObject<InboxState>;
  dispatch: (action: InboxAction) => void;
}) {
  const { socket, stateRef, dispatch } = deps;
  return useCallback(
    (conversationId: string) => {
      let cancelled = false;
      dispatch({ type: 'thread_loading', conversationId });
      Promise.all([inboxApi.get(conversationId), fetchAllMessages(conversationId, 0)]).then(
        ([conversation, messages]) => {
          if (cancelled) return;
          dispatch({ type: 'conversation', conversation });
          dispatch({ type: 'thread_loaded', conversationId, messages });
          socket.subscribe(conversationId, () => lastSeqOf(stateRef.current.threads[conversationId]));
        },
        (error: unknown) => {
          if (cancelled) return;
          const notFound = error instanceof ApiError && (error.status === 404 || error.status === 403);
          dispatch({ type: 'thread_failed', conversationId, notFound });
        },
      );
      return () => {
        cancelled = true;
        socket.unsubscribe(conversationId);
      };
    },
    [socket, stateRef, dispatch],
  );
}
