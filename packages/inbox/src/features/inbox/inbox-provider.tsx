import { createContext, useCallback, useContext, useMemo, useReducer, useRef, type ReactNode } from 'react';
import type {
  TAttachmentDto,
  TConversationDto,
  TFolder,
  TRichText,
  TUserSummaryDto,
  TNotificationDto,
} from '@charla/protocol';
import { AgentSocket, agentSocketUrl, type SocketStatus } from '../../lib/socket';
import { useMe, useSession } from '../auth/session-context';
import { createFirstReady } from './first-ready';
import { useFolderLoader } from './inbox-folder-loader';
import { inboxReducer, initialInboxState, type InboxAction, type InboxState } from './inbox-state';
import { useConversationActions } from './use-conversation-actions';
import { useCountsRefresh, useInboxListeners, useLiveInbox, useTeam } from './use-live-inbox';
import { useOpenThread } from './use-open-thread';
import { useSendQueue } from './use-send-queue';

/**
 * What the inbox offers besides its state: stable functions, the team and the connection. A
 * component that reads only these (`useInboxActions`) does not render again at every message,
 * as every reader of the state does (issue 25: one arrival in a long thread).
 */
type InboxActions = {
  socketStatus: SocketStatus;
  users: TUserSummaryDto[];
  loadFolder: (folder: TFolder, query: string, append?: boolean, label?: string) => Promise<void>;
  openThread: (conversationId: string) => () => void;
  /** Pages older history into an open thread (issue 25). */
  loadOlder: (conversationId: string) => void;
  send: (conversationId: string, body: TRichText, attachments?: TAttachmentDto[]) => void;
  retry: (conversationId: string, clientMsgId: string) => void;
  assign: (conversationId: string) => Promise<TConversationDto>;
  reassign: (conversationId: string, userId: string | null) => Promise<TConversationDto>;
  close: (conversationId: string) => Promise<TConversationDto>;
  markRead: (conversationId: string, seq: number) => void;
  typing: (conversationId: string, active: boolean) => void;
  refreshUsers: () => void;
  onNotification: (listener: (n: TNotificationDto) => void) => () => void;
  /** Calls `listener` with each conversation whose side-panel CRM records changed (issue 15). */
  onPanelChanged: (listener: (conversationId: string) => void) => () => void;
};
type InboxValue = InboxActions & { state: InboxState };

/** How long the first lists wait for the socket before they are fetched anyway (and again at `ready`). */
const FIRST_READY_WAIT_MS = 3000;

const InboxContext = createContext<InboxValue | null>(null);
const InboxActionsContext = createContext<InboxActions | null>(null);

/**
 * The inbox state with a ref kept current by every dispatch: the reducer is pure, so the ref is
 * brought up to date at once, and the send queue, which reads it synchronously, never sees an
 * acknowledged message as still waiting.
 */
function useInboxStore(meId: string) {
  const [state, dispatchToReact] = useReducer(inboxReducer, meId, initialInboxState);
  const stateRef = useRef(state);
  stateRef.current = state;
  const dispatch = useCallback((action: InboxAction) => {
    stateRef.current = inboxReducer(stateRef.current, action);
    dispatchToReact(action);
  }, []);
  return { state, stateRef, dispatch };
}

/**
 * Holds the inbox's state and its one socket. Lists and counts come from REST, then live frames
 * keep them current; after a reconnect lists and counts are fetched again and open threads are
 * re-subscribed with their last sequence (the server replays what was missed).
 */
export function InboxProvider({ children }: { children: ReactNode }) {
  const me = useMe();
  const { logout } = useSession();
  const { state, stateRef, dispatch } = useInboxStore(me.id);
  const socket = useMemo(() => new AgentSocket(agentSocketUrl(), () => void logout()), [logout]);
  const firstReady = useMemo(() => createFirstReady(FIRST_READY_WAIT_MS), []);
  const { sender, send, retry } = useSendQueue({ socket, stateRef, dispatch });
  const refreshCounts = useCountsRefresh(dispatch);
  const { users, setUsers, refreshUsers } = useTeam();
  const { notify, onNotification, onPanelChanged } = useInboxListeners(socket);
  const loadFolder = useFolderLoader(dispatch, stateRef, firstReady.settled);
  const live = {
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
  };
  const socketStatus = useLiveInbox(live);
  const { openThread, loadOlder } = useOpenThread({ socket, stateRef, dispatch });
  const actions = useConversationActions({ socket, dispatch, refreshCounts, meId: me.id });
  const { assign, reassign, close, markRead, typing } = actions;

  const actionsValue = useMemo<InboxActions>(
    () => ({
      socketStatus,
      users,
      loadFolder,
      openThread,
      loadOlder,
      send,
      retry,
      assign,
      reassign,
      close,
      markRead,
      typing,
      refreshUsers,
      onNotification,
      onPanelChanged,
    }),
    [
      socketStatus,
      users,
      loadFolder,
      openThread,
      loadOlder,
      send,
      retry,
      assign,
      reassign,
      close,
      markRead,
      typing,
      refreshUsers,
      onNotification,
      onPanelChanged,
    ],
  );
  const value = useMemo<InboxValue>(() => ({ ...actionsValue, state }), [actionsValue, state]);
  return (
    <InboxActionsContext.Provider value={actionsValue}>
      <InboxContext.Provider value={value}>{children}</InboxContext.Provider>
    </InboxActionsContext.Provider>
  );
}

export function useInbox(): InboxValue {
  const value = useContext(InboxContext);
  if (!value) throw new Error('useInbox outside InboxProvider');
  return value;
}

/** The inbox's functions, team and connection, without its state: no render at every message. */
export function useInboxActions(): InboxActions {
  const value = useContext(InboxActionsContext);
  if (!value) throw new Error('useInboxActions outside InboxProvider');
  return value;
}
