import type { TVisitorAnswer, TVisitorServerFrame } from '@charla/protocol';
import { richTextFromPlain, wsCloseCodes } from './lib/protocol-runtime';
import type { TPageContext } from '../shared/widget-config';
import type { THostEventName } from '../shared/bridge';
import {
  composerMode,
  initialChatState,
  isEnded,
  lastSeqOf,
  nextHiddenMessage,
  reduce,
  visibleMessages,
  type TChatAction,
  type TChatState,
} from './state/chat-state';
import {
  MAX_ANSWER_CHARS,
  checkLength,
  createOrderedSender,
  frameFits,
  newClientMsgId,
  randomHex,
} from '@charla/protocol/client';
import { queueOf, toClientFrame, type TOutboxItem } from './state/outbox';
import { botTypingDelayMs } from './state/typing-delay';
import { utcOffset } from './state/utc-offset';
import { resumeVisitorSession } from './net/visitor-session';
import { createVisitorSocket } from './net/visitor-socket';
import type { TWidgetStorage } from './net/widget-storage';

const TYPING_REFRESH_MS = 2500;
const TYPING_IDLE_MS = 3000;

export type TControllerDeps = {
  playbookId: string;
  storage: TWidgetStorage;
  page: TPageContext;
  emit: (name: THostEventName, data?: { qualified?: boolean }) => void;
  /** Shown when the server refuses to start the playbook (inactive, deleted…). */
  unavailableNotice: string;
};

/**
 * The frame's "do" side: owns the chat state, the socket, the outbox and what is persisted. Every
 * state change goes through the pure `reduce`; views subscribe and render.
 */
export function createChatController(deps: TControllerDeps) {
  const { storage } = deps;
  let state: TChatState = initialChatState(storage.outbox());
  const listeners = new Set<(state: TChatState) => void>();
  let token = storage.token();
  let stored = storage.conversation();
  let startRequested = false;
  let startRef: string | null = null;
  let expectHistory = true;
  let revealTimer: ReturnType<typeof setTimeout> | undefined;
  let botTyping = false;
  let typingSentAt = 0;
  let typingIdle: ReturnType<typeof setTimeout> | undefined;
  let lastReadSent = 0;
  let visible = false;

  const dispatch = (action: TChatAction): void => {
    const previous = state;
    state = reduce(state, action);
    if (state === previous) return;
    if (state.outbox !== previous.outbox) storage.setOutbox(state.outbox);
    // Only a conversation the server confirmed is remembered; forgetting one is explicit.
    const conversationId = state.conversation?.id ?? null;
    const lastSeq = lastSeqOf(state);
    if (conversationId && (conversationId !== stored.conversationId || lastSeq > stored.lastSeq)) {
      stored = { conversationId, startKey: null, lastSeq };
      storage.setConversation(stored);
    }
    scheduleReveal();
    markRead();
    for (const listener of listeners) listener(state);
  };

  // Bot messages arrive together; show them one by one behind a short typing indicator.
  function scheduleReveal(): void {
    if (revealTimer !== undefined) return;
    const hidden = nextHiddenMessage(state);
    const delay = hidden ? botTypingDelayMs(hidden) : 0;
    botTyping = hidden !== null && delay > 0;
    if (!hidden) return;
    revealTimer = setTimeout(() => {
      revealTimer = undefined;
      dispatch({ type: 'reveal', seq: hidden.seq });
    }, delay);
  }

  function markRead(): void {
    if (!visible || !state.conversation) return;
    const seen = visibleMessages(state).at(-1)?.seq ?? 0;
    if (seen <= lastReadSent) return;
    if (socket.send({ type: 'read', conversationId: state.conversation.id, seq: seen })) lastReadSent = seen;
  }

  const socket = createVisitorSocket({
    url: () =>
      token
        ? `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws/visitor?token=${encodeURIComponent(token)}`
        : null,
    onStatus: (connection) => {
      // Whatever was in flight is sent again (same id) after the next `ready`, before anything newer.
      if (connection !== 'online') sender.transportLost();
      dispatch({ type: 'connection', connection });
    },
    onClosed: (code) => {
      // The server drops a socket whose frame is far over the limit: that frame is refused, not lost.
      const inFlight = sender.inFlight();
      if (code === wsCloseCodes.frameTooLarge && inFlight) refuse(inFlight, 'FRAME_TOO_LARGE');
    },
    // The server keeps a token it issued and replaces one it refuses.
    onUnauthenticated: () => void ensureSession(),
    onReady,
    onFrame,
  });

  // The host page's Charla.identify(): sent on every connection, since the server keeps the latest.
  let identity: { name?: string; email?: string } | null = null;

  function onReady(): void {
    if (identity) socket.send({ type: 'identify', ...identity });
    if (stored.conversationId) {
      expectHistory = true;
      socket.send({ type: 'subscribe', conversationId: stored.conversationId, lastSeq: lastSeqOf(state) });
      sender.pump();
      // The team sees where the visitor is now (each page of the site loads the frame anew).
      const { page } = deps;
      if (page.url)
        socket.send({ type: 'page', pageUrl: page.url.slice(0, 2000), pageTitle: page.title.slice(0, 300) });
    } else if (startRequested) sendStart();
    lastReadSent = 0;
    markRead();
  }

  // One ordered queue (R28): an item goes out only after the one before it was answered, and only
  // on a socket the server said `ready` on; a lost one is resent first, with the same id.
  const sender = createOrderedSender<TOutboxItem>({
    items: () => queueOf(state.outbox, stored.conversationId),
    transmit: (item) => socket.isReady() && socket.send(toClientFrame(item)),
    onAckTimeout: () => socket.reconnect(),
  });

  /** The server refused the item: failed with the reason, never sent again on its own. */
  function refuse(clientMsgId: string, code: string): void {
    dispatch({ type: 'failed', clientMsgId, error: code });
    sender.settled(clientMsgId);
  }

  function sendStart(): void {
    if (!stored.startKey) {
      stored = { ...stored, startKey: randomHex() };
      storage.setConversation(stored);
    }
    startRef = `start_${stored.startKey}`.slice(0, 64);
    const { page } = deps;
    socket.send({
      type: 'start',
      ref: startRef,
      playbookId: deps.playbookId,
      startKey: stored.startKey as string,
      context: {
        pageUrl: page.url.slice(0, 2000) || null,
        pageTitle: page.title.slice(0, 300) || null,
        referrer: page.referrer.slice(0, 2000) || null,
        language: navigator.language.slice(0, 35),
        timeZone: utcOffset(new Date()),
      },
    });
  }

  function onFrame(frame: TVisitorServerFrame): void {
    switch (frame.type) {
      case 'conversation': {
        const before = state.conversation;
        const isStart = frame.ref !== undefined && frame.ref === startRef;
        if (!isStart && before && before.id !== frame.conversation.id) return;
        if (isStart) {
          startRequested = false;
          startRef = null;
          expectHistory = false;
        }
        dispatch({ type: 'conversation', conversation: frame.conversation });
        // The server may push the new conversation's state before it answers the start itself.
        if (isStart && (!before || before.id === frame.conversation.id)) deps.emit('conversationStarted');
        if (before && !isEnded(before) && isEnded(frame.conversation)) {
          deps.emit('conversationEnded', { qualified: frame.conversation.outcome === 'qualified' });
        }
        return;
      }
      case 'messages':
        if (frame.conversationId !== state.conversation?.id) return;
        dispatch({ type: 'messages', messages: frame.messages, history: expectHistory });
        expectHistory = false;
        settleStored(frame.messages);
        return;
      case 'message':
        dispatch({ type: 'messages', messages: [frame.message], history: false });
        settleStored([frame.message]);
        return;
      case 'ack':
        dispatch({ type: 'ack', clientMsgId: frame.clientMsgId, message: frame.message });
        sender.settled(frame.clientMsgId);
        return;
      case 'typing':
        if (frame.from === 'user' && frame.conversationId === state.conversation?.id) {
          dispatch({ type: 'typing', name: frame.name, active: frame.active });
        }
        return;
      case 'read':
        if (frame.conversationId === state.conversation?.id) dispatch({ type: 'read', seq: frame.seq });
        return;
      case 'error':
        onError(frame.ref, frame.code);
        return;
      default:
        return;
    }
  }

  /** A stored copy (replay, broadcast) answers the item in flight as well as its ack would. */
  function settleStored(messages: readonly { clientMsgId: string | null }[]): void {
    const inFlight = sender.inFlight();
    if (inFlight && messages.some((m) => m.clientMsgId === inFlight)) sender.settled(inFlight);
  }

  function onError(ref: string | undefined, code: string): void {
    const inFlight = sender.inFlight();
    if (ref && state.outbox.some((item) => item.clientMsgId === ref)) {
      refuse(ref, code);
    } else if (!ref && code === 'FRAME_TOO_LARGE' && inFlight) {
      // The size check happens before the frame is read, so the refusal cannot name it: only the
      // one frame in flight can be that large.
      refuse(inFlight, code);
    } else if (ref && ref === startRef) {
      startRequested = false;
      dispatch({ type: 'notice', notice: deps.unavailableNotice });
    } else if (code === 'CONVERSATION_NOT_FOUND' || code === 'FORBIDDEN') {
      // The stored conversation is gone or not this visitor's (token changed): start afresh.
      forgetConversation();
    }
  }

  function forgetConversation(): void {
    stored = { conversationId: null, startKey: null, lastSeq: 0 };
    storage.setConversation(stored);
    dispatch({
      type: 'outbox',
      outbox: state.outbox.filter((item) => item.conversationId !== state.conversation?.id),
    });
    dispatch({ type: 'reset' });
  }

  async function ensureSession(): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        const session = await resumeVisitorSession(token);
        if (session.visitorToken !== token) {
          // A new visitor: conversations of the old token are not theirs any more.
          if (token) forgetConversation();
          token = session.visitorToken;
          storage.setToken(token);
        }
        socket.connect();
        return;
      } catch {
        dispatch({ type: 'connection', connection: navigator.onLine === false ? 'offline' : 'connecting' });
        await new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 1000 * 2 ** attempt)));
      }
    }
  }

  function queue(payload: TOutboxItem['payload'], text: string): void {
    const conversationId = state.conversation?.id;
    if (!conversationId) return;
    const item: TOutboxItem = {
      clientMsgId: newClientMsgId('w'),
      conversationId,
      createdAt: Date.now(),
      payload,
      text,
      state: 'sending',
    };
    // The composer blocks an over-long message; anything still too large never leaves the page.
    const fits = frameFits(toClientFrame(item));
    dispatch({ type: 'queued', item: fits ? item : { ...item, state: 'failed', error: 'FRAME_TOO_LARGE' } });
    sender.pump();
  }

  function answer(answerValue: TVisitorAnswer, text: string): void {
    queue({ kind: 'answer', answer: answerValue }, text);
  }

  storage.onOtherTabChange((value) => {
    if (value.conversationId === (state.conversation?.id ?? null) || !value.conversationId) return;
    // Another tab started a conversation: follow it.
    stored = value;
    dispatch({ type: 'reset' });
    expectHistory = true;
    socket.send({ type: 'subscribe', conversationId: value.conversationId, lastSeq: 0 });
  });

  return {
    getState: (): TChatState => state,
    isBotTyping: (): boolean => botTyping,
    subscribe(listener: (state: TChatState) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    connect(): void {
      void ensureSession();
    },
    identify(next: { name?: string; email?: string }): void {
      identity = { ...identity, ...next };
      if (socket.isReady()) socket.send({ type: 'identify', ...identity });
    },
    /** Starts the playbook when the visitor first opens the chat and has no conversation. */
    ensureStarted(): void {
      if (stored.conversationId || startRequested) return;
      startRequested = true;
      if (socket.isReady()) sendStart();
    },
    startNew(): void {
      forgetConversation();
      startRequested = true;
      if (socket.isReady()) sendStart();
    },
    setVisible(isVisible: boolean): void {
      visible = isVisible;
      markRead();
    },
    chooseOption(optionId: string, label: string): void {
      answer({ kind: 'button', optionId }, label);
    },
    submitText(text: string): void {
      const trimmed = text.trim();
      if (!trimmed) return;
      stopTyping();
      const mode = composerMode(state);
      // The composer keeps Send disabled over the limit: nothing is cut off silently.
      if (mode.kind === 'input') {
        if (!checkLength(trimmed, MAX_ANSWER_CHARS).over) answer({ kind: 'text', text: trimmed }, trimmed);
      } else if (mode.kind === 'chat' && !checkLength(trimmed).over)
        queue({ kind: 'send', body: richTextFromPlain(trimmed) }, trimmed);
    },
    skip(label: string): void {
      answer({ kind: 'skip' }, label);
    },
    retry(clientMsgId: string): void {
      const item = state.outbox.find((i) => i.clientMsgId === clientMsgId);
      if (!item || !frameFits(toClientFrame(item))) return;
      dispatch({ type: 'retry', clientMsgId });
      sender.pump();
    },
    /** The visitor is typing in live chat: tell the team (throttled), and stop after a pause. */
    typing(draft: string): void {
      const conversation = state.conversation;
      if (!conversation || composerMode(state).kind !== 'chat') return;
      clearTimeout(typingIdle);
      if (draft.trim() === '') return stopTyping();
      const now = Date.now();
      if (now - typingSentAt > TYPING_REFRESH_MS) {
        typingSentAt = now;
        socket.send({
          type: 'typing',
          conversationId: conversation.id,
          active: true,
          preview: draft.slice(-200),
        });
      }
      typingIdle = setTimeout(stopTyping, TYPING_IDLE_MS);
    },
  };

  function stopTyping(): void {
    clearTimeout(typingIdle);
    if (typingSentAt === 0 || !state.conversation) return;
    typingSentAt = 0;
    socket.send({ type: 'typing', conversationId: state.conversation.id, active: false });
  }
}

export type TChatController = ReturnType<typeof createChatController>;
