import { useCallback, useEffect, useRef, useState, type MutableRefObject } from 'react';
import type { TAgentServerFrame, TFolder, TNotificationDto, TUserSummaryDto } from '@charla/protocol';
import type { AgentSocket, SocketStatus } from '../../lib/socket';
import type { FirstReady } from './first-ready';
import { inboxApi } from './inbox-api';
import { applyAgentFrame, type FrameContext } from './inbox-frames';
import type { TInboxSender } from './inbox-sender';
import { folders, type InboxAction, type InboxState } from './inbox-state';

/** Folder counts, fetched again a moment after the last change asked for them (changes come in bursts). */
export function useCountsRefresh(dispatch: (action: InboxAction) => void) {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  return useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      inboxApi.counts().then(
        (counts) => dispatch({ type: 'counts', counts }),
        () => undefined,
      );
    }, 150);
  }, [dispatch]);
}

/**
 * Runs the inbox's socket: its frames update the state; each time the server says `ready` the
 * send queue goes on, and, unless it is the `ready` the page's first fetches waited for
 * (`firstReady`), every loaded list, the counts and the team are fetched again.
 */
export function useLiveInbox(deps: {
  socket: AgentSocket;
  sender: TInboxSender;
  stateRef: MutableRefObject<InboxState>;
  dispatch: (action: InboxAction) => void;
  loadFolder: (folder: TFolder, query: string, append?: boolean, label?: string) => Promise<void>;
  refreshCounts: () => void;
  refreshUsers: () => void;
  setUsers: FrameContext['setUsers'];
  notify: (notification: TNotificationDto) => void;
  firstReady: FirstReady;
}): SocketStatus {
  const { socket, sender, stateRef, dispatch, loadFolder, refreshCounts, refreshUsers, setUsers, notify } =
    deps;
  const { firstReady } = deps;
  const [socketStatus, setSocketStatus] = useState<SocketStatus>('connecting');
  const placements = useRef(new Map<string, string>());
  useEffect(() => {
    const loading = new Set<string>();
    const context: FrameContext = {
      dispatch,
      placements: placements.current,
      refreshCounts,
      sender,
      setUsers,
      notify,
      holds: (conversationId) => conversationId in stateRef.current.conversations,
      load: (conversationId) => {
        if (loading.has(conversationId)) return;
        loading.add(conversationId);
        inboxApi
          .get(conversationId)
          .then((conversation) => applyAgentFrame({ type: 'conversation', conversation }, context))
          .catch(() => undefined)
          .finally(() => loading.delete(conversationId));
      },
    };
    const offFrame = socket.onFrame((frame: TAgentServerFrame) => applyAgentFrame(frame, context));
    const offStatus = socket.onStatus((status) => {
      setSocketStatus(status);
      const catchUp = firstReady.onStatus(status);
      if (status !== 'open') return;
      sender.pump();
      // The server sends changes only from its `ready` on: whatever was fetched before it (before
      // a reconnect, or first fetches that could not wait for the socket) may have missed one, so
      // it is fetched again (R28). The first fetches of a page load wait for the first `ready`
      // and miss nothing (`first-ready.ts`). The open chats are subscribed again, and the server
      // answers a subscribe with the chat as it is now, then its messages.
      if (!catchUp) return;
      for (const folder of folders) {
        const current = stateRef.current.folders[folder];
        if (current.status !== 'idle') void loadFolder(folder, current.query, false, current.label ?? '');
      }
      refreshCounts();
      refreshUsers();
    });
    socket.start();
    let stopped = false;
    // The page's first counts and team; its first lists wait in `loadFolder` the same way.
    void firstReady.settled.then(() => {
      if (stopped) return;
      refreshCounts();
      refreshUsers();
    });
    return () => {
      stopped = true;
      offFrame();
      offStatus();
      socket.stop();
    };
  }, [
    socket,
    sender,
    stateRef,
    dispatch,
    loadFolder,
    refreshCounts,
    refreshUsers,
    setUsers,
    notify,
    firstReady,
  ]);
  return socketStatus;
}

/** Listeners of notifications and of side-panel changes (issue 15), fed by the socket. */
export function useInboxListeners(socket: AgentSocket) {
  const listeners = useRef(new Set<(n: TNotificationDto) => void>());
  const notify = useCallback((notification: TNotificationDto) => {
    for (const listener of listeners.current) listener(notification);
  }, []);
  const onNotification = useCallback((listener: (n: TNotificationDto) => void) => {
    listeners.current.add(listener);
    return () => listeners.current.delete(listener);
  }, []);
  const onPanelChanged = useCallback(
    (listener: (conversationId: string) => void) =>
      socket.onFrame((frame) => {
        if (frame.type === 'panel_changed') listener(frame.conversationId);
      }),
    [socket],
  );
  return { notify, onNotification, onPanelChanged };
}

/** The team with who is online, fetched on demand (presence frames keep it current between). */
export function useTeam() {
  const [users, setUsers] = useState<TUserSummaryDto[]>([]);
  const refreshUsers = useCallback(() => {
    inboxApi.users().then(setUsers, () => undefined);
  }, []);
  return { users, setUsers, refreshUsers };
}
