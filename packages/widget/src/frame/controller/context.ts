import type { createOrderedSender } from '@charla/protocol/client';
import type { THostEventData, THostEventName } from '../../shared/bridge';
import type { TPageContext } from '../../shared/widget-config';
import type { TUploadApi } from '../net/upload-api';
import type { TVisitorSocket } from '../net/visitor-socket';
import type { TStoredConversation, TWidgetStorage } from '../net/widget-storage';
import { initialChatState, type TChatState } from '../state/chat-state';
import type { TOutboxItem } from '../state/outbox';

export type TControllerDeps = {
  playbookId: string;
  storage: TWidgetStorage;
  page: TPageContext;
  emit: (name: THostEventName, data?: THostEventData) => void;
  /** Shown when the server refuses to start the playbook (inactive, deleted…). */
  unavailableNotice: string;
};

/** What the controller remembers between events; the functions of controller/ read and update it. */
export type TControllerState = {
  deps: TControllerDeps;
  state: TChatState;
  listeners: Set<(state: TChatState) => void>;
  token: string | null;
  stored: TStoredConversation;
  startRequested: boolean;
  startRef: string | null;
  expectHistory: boolean;
  revealTimer: ReturnType<typeof setTimeout> | undefined;
  botTyping: boolean;
  typingSentAt: number;
  typingIdle: ReturnType<typeof setTimeout> | undefined;
  lastReadSent: number;
  visible: boolean;
  /** The chat window was shown in this page view and the server was told (issue 21's funnel): once only. */
  openReported: boolean;
  /** Resolves once the visitor has a token the server knows (identify waits for it). */
  sessionReady: Promise<void>;
  markSessionReady: () => void;
  /** The host page's Charla.identify() calls, one after the other (issue 24). */
  identifyQueue: Promise<void>;
  /** Identify calls not answered yet: a start waits for them (the user may have a conversation already). */
  identifyPending: number;
  /** The picked files of the tray by local id: the File, its preview URL and how to cancel its upload. */
  uploads: Map<string, { file: File; preview: string | null; abort: () => void }>;
};

export type TControllerContext = TControllerState & {
  socket: TVisitorSocket;
  sender: ReturnType<typeof createOrderedSender<TOutboxItem>>;
  uploadApi: TUploadApi;
};

export function initialControllerState(deps: TControllerDeps): TControllerState {
  const { storage } = deps;
  let markSessionReady = (): void => {};
  const sessionReady = new Promise<void>((resolve) => (markSessionReady = resolve));
  return {
    deps,
    state: initialChatState(storage.outbox()),
    listeners: new Set(),
    token: storage.token(),
    stored: storage.conversation(),
    startRequested: false,
    startRef: null,
    expectHistory: true,
    revealTimer: undefined,
    botTyping: false,
    typingSentAt: 0,
    typingIdle: undefined,
    lastReadSent: 0,
    visible: false,
    openReported: false,
    sessionReady,
    markSessionReady,
    identifyQueue: Promise.resolve(),
    identifyPending: 0,
    uploads: new Map(),
  };
}
