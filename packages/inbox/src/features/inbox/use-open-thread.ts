import { useCallback, useMemo, type MutableRefObject } from 'react';
import { ApiError } from '../../lib/api-client';
import type { AgentSocket } from '../../lib/socket';
import { inboxApi } from './inbox-api';
import { lastSeqOf, type InboxAction, type InboxState } from './inbox-state';

/** Messages fetched when a conversation opens: a couple of screens, so the latest paint fast. */
export const OPEN_PAGE = 100;
/** Messages fetched each time the user nears the top of what the thread holds. */
export const OLDER_PAGE = 200;

/**
 * Opens a conversation's thread: its DTO and its latest page of messages over REST, then a live
 * subscription from the last sequence held (the server replays what came meanwhile). Older
 * history comes in pages with `loadOlder` as the user scrolls up (issue 25).
 */
export function useOpenThread(deps: {
  socket: AgentSocket;
  stateRef: MutableRefObject<InboxState>;
  dispatch: (action: InboxAction) => void;
}) {
  const { socket, stateRef, dispatch } = deps;
  const openThread = useCallback(
    (conversationId: string) => {
      let cancelled = false;
      dispatch({ type: 'thread_loading', conversationId });
      Promise.all([
        inboxApi.get(conversationId),
        inboxApi.messagesBefore(conversationId, 'end', OPEN_PAGE),
      ]).then(
        ([conversation, page]) => {
          if (cancelled) return;
          dispatch({ type: 'conversation', conversation });
          dispatch({ type: 'thread_loaded', conversationId, messages: page.items, hasOlder: page.hasMore });
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
        dispatch({ type: 'thread_closed', conversationId, keep: OPEN_PAGE });
      };
    },
    [socket, stateRef, dispatch],
  );

  /** The page before the oldest message held; one request at a time per thread. */
  const loadOlder = useCallback(
    (conversationId: string) => {
      const thread = stateRef.current.threads[conversationId];
      const first = thread?.messages[0];
      if (!thread || !first || thread.older === 'loading' || thread.older === 'none') return;
      dispatch({ type: 'older_loading', conversationId });
      inboxApi.messagesBefore(conversationId, first.seq, OLDER_PAGE).then(
        (page) =>
          dispatch({
            type: 'older_loaded',
            conversationId,
            beforeSeq: first.seq,
            messages: page.items,
            hasOlder: page.hasMore,
          }),
        () => dispatch({ type: 'older_failed', conversationId }),
      );
    },
    [stateRef, dispatch],
  );

  return useMemo(() => ({ openThread, loadOlder }), [openThread, loadOlder]);
}
