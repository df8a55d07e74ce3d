import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type {
  TAgentServerFrame,
  TConversationDto,
  TFolder,
  TNotificationDto,
  TRichText,
  TUserSummaryDto,
} from '@charla/protocol';
import { newClientMsgId } from '@charla/protocol/client';
import { ApiError } from '../../lib/api-client';
import { AgentSocket, agentSocketUrl, type SocketStatus } from '../../lib/socket';
import { useMe, useSession } from '../auth/session-context';
import { fetchAllMessages, inboxApi } from './inbox-api';
import {
  folders,
  inboxReducer,
  initialInboxState,
  lastSeqOf,
  sendQueue,
  type InboxAction,
  type InboxState,
} from './inbox-state';
import { createInboxSender } from './inbox-sender';

type InboxValue = {
  state: InboxState;
  socketStatus: SocketStatus;
  users: TUserSummaryDto[];
  loadFolder: (folder: TFolder, query: string, append?: boolean, label?: string) => Promise<void>;
  openThread: (conversationId: string) => () => void;
  send: (conversationId: string, body: TRichText) => void;
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

const InboxContext = createContext<InboxValue | null>(null);

/**
 * Holds the inbox's state and its one socket. Lists and counts come from REST, then live frames
 * keep them current; after a reconnect lists and counts are fetched again and open threads are
 * re-subscribed with their last sequence (the server replays what was missed).
 */
export function InboxProvider({ children }: { children: ReactNode }) {
  const me = useMe();
  const { logout } = useSession();
  const [state, dispatchToReact] = useReducer(inboxReducer, me.id, initialInboxState);
  const stateRef = useRef(state);
  stateRef.current = state;
  // The reducer is pure, so the ref is brought up to date at once: the send queue reads it
  // synchronously and must not see an acknowledged message as still waiting.
  const dispatch = useCallback((action: InboxAction) => {
    stateRef.current = inboxReducer(stateRef.current, action);
    dispatchToReact(action);
  }, []);
  const [socketStatus, setSocketStatus] = useState<SocketStatus>('connecting');
  const [users, setUsers] = useState<TUserSummaryDto[]>([]);
  const notificationListeners = useRef(new Set<(n: TNotificationDto) => void>());
  const countsTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const placements = useRef(new Map<string, string>());
  const socket = useMemo(() => new AgentSocket(agentSocketUrl(), () => void logout()), [logout]);
  const sender = useMemo(
    () =>
      createInboxSender({
        socket,
        items: () => sendQueue(stateRef.current),
        sendOverRest: inboxApi.send,
        stored: (message) =>
          dispatch({ type: 'messages', conversationId: message.conversationId, messages: [message] }),
        refused: (conversationId, clientMsgId, error) =>
          dispatch({ type: 'pending_failed', conversationId, clientMsgId, error }),
      }),
    [socket, dispatch],
  );
  useEffect(() => () => sender.stop(), [sender]);
  const queuePlace = useRef(0);
  const refreshCounts = useCallback(() => {
    if (countsTimer.current) clearTimeout(countsTimer.current);
    countsTimer.current = setTimeout(() => {
      inboxApi.counts().then(
        (counts) => dispatch({ type: 'counts', counts }),
        () => undefined,
      );
    }, 150);
  }, []);

  const refreshUsers = useCallback(() => {
    inboxApi.users().then(setUsers, () => undefined);
  }, []);

  const loadFolder = useCallback(async (folder: TFolder, query: string, append = false, label = '') => {
    const current = stateRef.current.folders[folder];
    const cursor = append ? (current.nextCursor ?? undefined) : undefined;
    if (append && !cursor) return;
    dispatch({ type: 'folder_loading', folder, query, label });
    try {
      if (query !== '') {
        const found = await inboxApi.search(folder, query, label);
        dispatch({
          type: 'folder_loaded',
          folder,
          query,
          label,
          items: found.items.map((hit) => hit.conversation),
          nextCursor: null,
          append: false,
          snippets: Object.fromEntries(found.items.map((hit) => [hit.conversation.id, hit.match.snippet])),
        });
        return;
      }
      const page = await inboxApi.list(folder, query, cursor, label);
      dispatch({
        type: 'folder_loaded',
        folder,
        query,
        label,
        items: page.items,
        nextCursor: page.nextCursor,
        append,
      });
    } catch {
      dispatch({ type: 'folder_error', folder });
    }
  }, []);

  // Frames → state.
  useEffect(() => {
    const onFrame = (frame: TAgentServerFrame) => {
      switch (frame.type) {
        case 'conversation': {
          dispatch({ type: 'conversation', conversation: frame.conversation });
          // Counts change only when a conversation changes folder, not on every message.
          const placement = `${frame.conversation.status}:${frame.conversation.assignee?.id ?? ''}`;
          if (placements.current.get(frame.conversation.id) !== placement) {
            placements.current.set(frame.conversation.id, placement);
            refreshCounts();
          }
          break;
        }
        case 'conversation_removed':
          dispatch({ type: 'conversation_removed', conversationId: frame.conversationId });
          refreshCounts();
          break;
        case 'messages':
          dispatch({ type: 'messages', conversationId: frame.conversationId, messages: frame.messages });
          sender.stored(frame.messages.map((m) => m.clientMsgId));
          break;
        case 'message':
        case 'ack':
          dispatch({
            type: 'messages',
            conversationId: frame.message.conversationId,
            messages: [frame.message],
          });
          sender.stored([frame.message.clientMsgId]);
          break;
        case 'typing':
          if (frame.from === 'visitor')
            dispatch({
              type: 'typing',
              conversationId: frame.conversationId,
              name: frame.name,
              active: frame.active,
              preview: frame.preview ?? null,
              now: Date.now(),
            });
          break;
        case 'presence':
          setUsers((list) => list.map((u) => (u.id === frame.userId ? { ...u, online: frame.online } : u)));
          break;
        case 'notification':
          for (const listener of notificationListeners.current) listener(frame.notification);
          break;
        case 'error':
          // A refused send: failed with the server's code on its bubble, never resent on its own.
          sender.errorFrame(frame.ref, frame.code);
          break;
        default:
          break;
      }
    };
    const offFrame = socket.onFrame(onFrame);
    const offStatus = socket.onStatus((status, reconnected) => {
      setSocketStatus(status);
      if (status === 'open') sender.pump();
      if (status === 'open' && reconnected) {
        for (const folder of folders) {
          const current = stateRef.current.folders[folder];
          if (current.status !== 'idle') void loadFolder(folder, current.query, false, current.label ?? '');
        }
        refreshCounts();
        refreshUsers();
      }
    });
    socket.start();
    return () => {
      offFrame();
      offStatus();
      socket.stop();
    };
  }, [socket, sender, dispatch, loadFolder, refreshCounts, refreshUsers]);

  useEffect(() => {
    refreshCounts();
    refreshUsers();
  }, [refreshCounts, refreshUsers]);

  const openThread = useCallback(
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
    [socket],
  );

  const send = useCallback(
    (conversationId: string, body: TRichText) => {
      const clientMsgId = newClientMsgId('c');
      queuePlace.current = Math.max(queuePlace.current + 1, Date.now());
      dispatch({
        type: 'pending_add',
        conversationId,
        pending: { clientMsgId, body, createdAt: Date.now(), queuedAt: queuePlace.current, state: 'sending' },
      });
      sender.pump();
    },
    [sender, dispatch],
  );

  const retry = useCallback(
    (conversationId: string, clientMsgId: string) => {
      queuePlace.current = Math.max(queuePlace.current + 1, Date.now());
      dispatch({ type: 'pending_retry', conversationId, clientMsgId, queuedAt: queuePlace.current });
      sender.pump();
    },
    [sender, dispatch],
  );

  const afterAction = useCallback(
    (conversation: TConversationDto) => {
      dispatch({ type: 'conversation', conversation });
      refreshCounts();
      return conversation;
    },
    [refreshCounts],
  );

  const assign = useCallback((id: string) => inboxApi.assign(id).then(afterAction), [afterAction]);
  const reassign = useCallback(
    (id: string, userId: string | null) =>
      inboxApi.reassign(id, userId).then((conversation) => {
        // Handing it to someone else takes it out of my sight (R14).
        if (userId !== null && userId !== me.id) {
          dispatch({ type: 'conversation_removed', conversationId: id });
          refreshCounts();
          return conversation;
        }
        return afterAction(conversation);
      }),
    [afterAction, me.id, refreshCounts],
  );
  const close = useCallback((id: string) => inboxApi.close(id).then(afterAction), [afterAction]);

  const lastRead = useRef(new Map<string, number>());
  const markRead = useCallback(
    (conversationId: string, seq: number) => {
      if ((lastRead.current.get(conversationId) ?? 0) >= seq) return;
      lastRead.current.set(conversationId, seq);
      if (!socket.send({ type: 'read', conversationId, seq }))
        inboxApi.read(conversationId, seq).catch(() => undefined);
    },
    [socket],
  );

  const typing = useCallback(
    (conversationId: string, active: boolean) => void socket.send({ type: 'typing', conversationId, active }),
    [socket],
  );

  const onNotification = useCallback((listener: (n: TNotificationDto) => void) => {
    notificationListeners.current.add(listener);
    return () => notificationListeners.current.delete(listener);
  }, []);
  const onPanelChanged = useCallback(
    (listener: (conversationId: string) => void) =>
      socket.onFrame((frame) => {
        if (frame.type === 'panel_changed') listener(frame.conversationId);
      }),
    [socket],
  );

  const value = useMemo<InboxValue>(
    () => ({
      state,
      socketStatus,
      users,
      loadFolder,
      openThread,
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
      state,
      socketStatus,
      users,
      loadFolder,
      openThread,
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
  return <InboxContext.Provider value={value}>{children}</InboxContext.Provider>;
}

export function useInbox(): InboxValue {
  const value = useContext(InboxContext);
  if (!value) throw new Error('useInbox outside InboxProvider');
  return value;
}
