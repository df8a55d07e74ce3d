import { createOrderedSender } from '@charla/protocol/client';
import { wsCloseCodes } from './lib/protocol-runtime';
import type { TChatState } from './state/chat-state';
import { queueOf, toClientFrame, type TOutboxItem } from './state/outbox';
import { createUploadApi } from './net/upload-api';
import { createVisitorSocket } from './net/visitor-socket';
import {
  addFiles,
  clearTray,
  previewOf,
  removeFile,
  retryCutUploads,
  retryFile,
} from './controller/attachments';
import { initialControllerState, type TControllerContext, type TControllerDeps } from './controller/context';
import { dispatch, forgetConversation, markRead, refuse } from './controller/dispatch';
import { onFrame, onReady, reportOpen, sendStart } from './controller/server-frames';
import { answer, ensureSession, retry, submitText, typing } from './controller/visitor-actions';
import { identify, resetIdentity } from './controller/identity';
import type { TIdentifyFields } from '../shared/bridge';

export type { TControllerDeps } from './controller/context';

function socketUrl(token: string | null): string | null {
  return token
    ? `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws/visitor?token=${encodeURIComponent(token)}`
    : null;
}

/** The controller's state with its socket and its ordered queue, wired to the handlers of controller/. */
function createContext(deps: TControllerDeps): TControllerContext {
  const base = initialControllerState(deps);
  const socket = createVisitorSocket({
    url: () => socketUrl(base.token),
    onStatus: (connection) => {
      // Whatever was in flight is sent again (same id) after the next `ready`, before anything newer.
      if (connection !== 'online') sender.transportLost();
      dispatch(ctx, { type: 'connection', connection });
      if (connection === 'online') retryCutUploads(ctx);
    },
    onClosed: (code) => {
      // The server drops a socket whose frame is far over the limit: that frame is refused, not lost.
      const inFlight = sender.inFlight();
      if (code === wsCloseCodes.frameTooLarge && inFlight) refuse(ctx, inFlight, 'FRAME_TOO_LARGE');
    },
    // The server keeps a token it issued and replaces one it refuses.
    onUnauthenticated: () => void ensureSession(ctx),
    isIdle: () => !base.visible && !base.stored.conversationId,
    onReady: () => onReady(ctx),
    onFrame: (frame) => onFrame(ctx, frame),
  });
  // One ordered queue (R28): an item goes out only after the one before it was answered, and only
  // on a socket the server said `ready` on; a lost one is resent first, with the same id.
  const sender = createOrderedSender<TOutboxItem>({
    items: () => queueOf(base.state.outbox, base.stored.conversationId),
    transmit: (item) => socket.isReady() && socket.send(toClientFrame(item)),
    onAckTimeout: () => socket.reconnect(),
  });
  const uploadApi = createUploadApi(() => base.token);
  const ctx: TControllerContext = Object.assign(base, { socket, sender, uploadApi });
  return ctx;
}

/**
 * The frame's "do" side: owns the chat state, the socket, the outbox and what is persisted. Every
 * state change goes through the pure `reduce`; views subscribe and render.
 */
export function createChatController(deps: TControllerDeps) {
  const ctx = createContext(deps);
  const { socket } = ctx;

  deps.storage.onOtherTabChange((value) => {
    if (value.conversationId === (ctx.state.conversation?.id ?? null) || !value.conversationId) return;
    // Another tab started a conversation: follow it.
    ctx.stored = value;
    dispatch(ctx, { type: 'reset' });
    ctx.expectHistory = true;
    socket.send({ type: 'subscribe', conversationId: value.conversationId, lastSeq: 0 });
  });

  // The browser says the network is back (the socket may not have noticed it was gone).
  addEventListener('online', () => retryCutUploads(ctx));

  const start = (): void => {
    ctx.startRequested = true;
    // Pending identify calls go first: a verified user continues their conversation instead.
    if (socket.isReady() && ctx.identifyPending === 0) sendStart(ctx);
  };

  return {
    getState: (): TChatState => ctx.state,
    isBotTyping: (): boolean => ctx.botTyping,
    subscribe(listener: (state: TChatState) => void): () => void {
      ctx.listeners.add(listener);
      return () => ctx.listeners.delete(listener);
    },
    connect: (): void => void ensureSession(ctx),
    /** `Charla.identify()` (issue 24): verified or not, refused with a code, or this browser joins the user's visitor. */
    identify: (fields: TIdentifyFields): Promise<void> => identify(ctx, fields),
    /** `Charla.reset()`: the host's user logged out. */
    reset(): void {
      resetIdentity(ctx);
      // An open chat starts afresh at once, as the new visitor.
      if (ctx.visible) start();
    },
    /** Starts the playbook when the visitor first opens the chat and has no conversation. */
    ensureStarted(): void {
      if (!ctx.stored.conversationId && !ctx.startRequested) start();
    },
    startNew(): void {
      clearTray(ctx);
      forgetConversation(ctx);
      start();
    },
    setVisible(isVisible: boolean): void {
      ctx.visible = isVisible;
      // An idle visitor's socket may be waiting out its spread after a restart: not once they look.
      if (isVisible) ctx.socket.connect();
      markRead(ctx);
      reportOpen(ctx);
    },
    chooseOption: (optionId: string, label: string): void => answer(ctx, { kind: 'button', optionId }, label),
    submitText: (text: string): void => submitText(ctx, text),
    skip: (label: string): void => answer(ctx, { kind: 'skip' }, label),
    retry: (clientMsgId: string): void => retry(ctx, clientMsgId),
    typing: (draft: string): void => typing(ctx, draft),
    addFiles: (files: readonly File[]): number => addFiles(ctx, files),
    removeFile: (localId: string): void => removeFile(ctx, localId),
    retryFile: (localId: string): void => retryFile(ctx, localId),
    previewOf: (localId: string): string | null => previewOf(ctx, localId),
    /** A signed link to a sent file of the visitor's conversation (shown or downloaded). */
    fileLinks: { get: ctx.uploadApi.link, fresh: ctx.uploadApi.freshLink },
  };
}

export type TChatController = ReturnType<typeof createChatController>;
