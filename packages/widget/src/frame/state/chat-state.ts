import type { TInteraction, TMessageDto, TVisitorConversationDto } from '@charla/protocol';
import { enqueue, markFailed, mergeMessages, requeue, type TTrayFile } from '@charla/protocol/client';
import type { TOutboxItem } from './outbox';

export type TConnection = 'connecting' | 'online' | 'offline';

/** Everything the chat view shows, changed only through `reduce` (pure, unit-tested). */
export type TChatState = {
  conversation: TVisitorConversationDto | null;
  /** Messages the server stored, unique and sorted by seq. */
  messages: TMessageDto[];
  /** Bot messages above this seq wait behind a short typing indicator before they show. */
  revealedSeq: number;
  outbox: TOutboxItem[];
  agentTyping: string | null;
  connection: TConnection;
  /** A problem the visitor should know about (start refused, playbook gone…). */
  notice: string | null;
  /** Files picked for the next message, uploading or uploaded (issue 17). */
  tray: TTrayFile[];
};

export type TChatAction =
  | { type: 'conversation'; conversation: TVisitorConversationDto }
  | { type: 'messages'; messages: TMessageDto[]; history: boolean }
  | { type: 'ack'; clientMsgId: string; message: TMessageDto }
  | { type: 'queued'; item: TOutboxItem }
  | { type: 'failed'; clientMsgId: string; error: string }
  | { type: 'retry'; clientMsgId: string }
  | { type: 'outbox'; outbox: TOutboxItem[] }
  | { type: 'reveal'; seq: number }
  | { type: 'typing'; name: string; active: boolean }
  | { type: 'read'; seq: number }
  /** The visitor read up to `seq` on another tab or device. */
  | { type: 'visitorRead'; seq: number }
  | { type: 'connection'; connection: TConnection }
  | { type: 'notice'; notice: string | null }
  | { type: 'tray'; tray: TTrayFile[] }
  | { type: 'reset' };

export function initialChatState(outbox: TOutboxItem[] = []): TChatState {
  return {
    conversation: null,
    messages: [],
    revealedSeq: 0,
    outbox,
    agentTyping: null,
    connection: 'connecting',
    notice: null,
    tray: [],
  };
}

/** The last seq the revealed run reaches: non-bot messages never wait for a typing indicator. */
function revealThrough(messages: TMessageDto[], from: number): number {
  let seq = from;
  for (const message of messages) {
    if (message.seq <= seq) continue;
    if (message.author.kind === 'bot') break;
    seq = message.seq;
  }
  return seq;
}

function withMessages(state: TChatState, incoming: TMessageDto[], revealAll: boolean): TChatState {
  // Before the conversation is known, messages cannot be placed; the resync batch brings them.
  const convId = state.conversation?.id;
  const mine = incoming.filter((m) => m.conversationId === convId);
  if (mine.length === 0) return state;
  const messages = mergeMessages(state.messages, mine);
  const acked = new Set(mine.map((m) => m.clientMsgId).filter((id): id is string => id !== null));
  const outbox = acked.size > 0 ? state.outbox.filter((item) => !acked.has(item.clientMsgId)) : state.outbox;
  const lastSeq = messages.at(-1)?.seq ?? 0;
  const revealedSeq = revealAll ? lastSeq : revealThrough(messages, state.revealedSeq);
  const botSpoke = mine.some((m) => m.author.kind !== 'visitor');
  return { ...state, messages, outbox, revealedSeq, agentTyping: botSpoke ? null : state.agentTyping };
}

export function reduce(state: TChatState, action: TChatAction): TChatState {
  switch (action.type) {
    case 'conversation': {
      const sameConversation = state.conversation?.id === action.conversation.id;
      const base = sameConversation ? state : { ...state, messages: [], revealedSeq: 0, agentTyping: null };
      const closed = isEnded(action.conversation);
      return {
        ...base,
        conversation: action.conversation,
        agentTyping: closed ? null : base.agentTyping,
        notice: null,
      };
    }
    case 'messages':
      return withMessages(state, action.messages, action.history);
    case 'ack': {
      const next = withMessages(state, [action.message], false);
      const outbox = next.outbox.filter((item) => item.clientMsgId !== action.clientMsgId);
      // The visitor's own message shows at once, whatever bot text is still "typing" before it.
      return { ...next, outbox, revealedSeq: Math.max(next.revealedSeq, action.message.seq) };
    }
    case 'queued':
      return { ...state, outbox: enqueue(state.outbox, action.item) };
    case 'failed':
      return { ...state, outbox: markFailed(state.outbox, action.clientMsgId, action.error) };
    case 'retry':
      return { ...state, outbox: requeue(state.outbox, action.clientMsgId) };
    case 'outbox':
      return { ...state, outbox: action.outbox };
    case 'reveal':
      return {
        ...state,
        revealedSeq: revealThrough(state.messages, Math.max(state.revealedSeq, action.seq)),
      };
    case 'typing':
      return { ...state, agentTyping: action.active ? action.name : null };
    case 'read':
      return state.conversation && action.seq > state.conversation.userReadSeq
        ? { ...state, conversation: { ...state.conversation, userReadSeq: action.seq } }
        : state;
    case 'visitorRead':
      return state.conversation && action.seq > state.conversation.visitorReadSeq
        ? { ...state, conversation: { ...state.conversation, visitorReadSeq: action.seq } }
        : state;
    case 'connection':
      return {
        ...state,
        connection: action.connection,
        agentTyping: action.connection === 'online' ? state.agentTyping : null,
      };
    case 'notice':
      return { ...state, notice: action.notice };
    case 'tray':
      return { ...state, tray: action.tray };
    case 'reset':
      return { ...initialChatState(), connection: state.connection };
  }
}

// ---- selectors ----

export function visibleMessages(state: TChatState): TMessageDto[] {
  return state.messages.filter((m) => m.seq <= state.revealedSeq);
}

/** The next message still hidden behind the typing indicator, if any. */
export function nextHiddenMessage(state: TChatState): TMessageDto | null {
  return state.messages.find((m) => m.seq > state.revealedSeq) ?? null;
}

export function lastSeqOf(state: TChatState): number {
  return state.messages.at(-1)?.seq ?? 0;
}

/** Outbox items still shown as the visitor's own bubbles (not yet replaced by the server's copy). */
export function pendingItems(state: TChatState): TOutboxItem[] {
  const convId = state.conversation?.id;
  return state.outbox.filter((item) => item.conversationId === convId);
}

export type TComposerMode =
  | { kind: 'ended' }
  | { kind: 'buttons'; interaction: Extract<TInteraction, { kind: 'buttons' }> }
  | { kind: 'input'; interaction: Extract<TInteraction, { kind: 'input' }> }
  | { kind: 'chat' }
  | { kind: 'idle' };

/**
 * Over for the visitor: closed, and the bot is not still asking something. A missed live chat is
 * closed at once but its offline path goes on with the bot (R9, R13).
 */
export function isEnded(conversation: TVisitorConversationDto | null): boolean {
  return conversation?.status === 'closed' && !conversation.botAwaitingInput;
}

/**
 * What the visitor can do now: answer the bot's pending question (buttons or an input), chat
 * freely with the team, nothing yet (the bot is talking), or start again after the end.
 */
export function composerMode(state: TChatState): TComposerMode {
  const conversation = state.conversation;
  if (!conversation) return { kind: 'idle' };
  // The end shows once the bot's last words have been "typed".
  if (isEnded(conversation)) return nextHiddenMessage(state) ? { kind: 'idle' } : { kind: 'ended' };
  if (conversation.status === 'waiting' || conversation.status === 'assigned') return { kind: 'chat' };
  if (nextHiddenMessage(state)) return { kind: 'idle' };
  if (pendingItems(state).some((item) => item.payload.kind === 'answer' && item.state === 'sending'))
    return { kind: 'idle' };
  const visible = visibleMessages(state);
  for (let i = visible.length - 1; i >= 0; i -= 1) {
    const message = visible[i] as TMessageDto;
    if (message.author.kind === 'visitor') break;
    const interaction = message.interaction;
    if (interaction?.kind === 'buttons') return { kind: 'buttons', interaction };
    if (interaction?.kind === 'input') return { kind: 'input', interaction };
  }
  return { kind: 'idle' };
}

/**
 * What the disabled text box says while the visitor cannot type: point at the bot's buttons when
 * there are some, otherwise (the bot is still talking, or its last words before the end) just wait.
 */
export function disabledHint(mode: TComposerMode): 'chooseAbove' | 'botThinking' {
  return mode.kind === 'buttons' ? 'chooseAbove' : 'botThinking';
}

/** Incoming (non-visitor) messages after `seq`: the unread count while the widget is closed. */
export function unreadAfter(state: TChatState, seq: number): number {
  return visibleMessages(state).filter((m) => m.seq > seq && m.author.kind !== 'visitor' && !m.event).length;
}
