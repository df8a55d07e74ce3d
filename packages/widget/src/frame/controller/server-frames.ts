import type { TVisitorServerFrame } from '@charla/protocol';
import { randomHex } from '@charla/protocol/client';
import { isEnded, lastSeqOf } from '../state/chat-state';
import { utcOffset } from '../state/utc-offset';
import type { TControllerContext } from './context';
import { dispatch, forgetConversation, markRead, refuse } from './dispatch';

/**
 * Tells the server the chat window was shown (the funnel's "opened the widget"): the first time in
 * this page view, as soon as a socket is ready; the server counts a visitor once per playbook and day.
 */
export function reportOpen(ctx: TControllerContext): void {
  if (!ctx.visible || ctx.openReported || !ctx.socket.isReady()) return;
  ctx.openReported = ctx.socket.send({ type: 'opened', playbookId: ctx.deps.playbookId });
}

/** On every `ready`: resubscribe and resend what was in flight, or send the pending start. */
export function onReady(ctx: TControllerContext): void {
  const { socket } = ctx;
  if (ctx.stored.conversationId) {
    ctx.expectHistory = true;
    socket.send({
      type: 'subscribe',
      conversationId: ctx.stored.conversationId,
      lastSeq: lastSeqOf(ctx.state),
    });
    ctx.sender.pump();
    // The team sees where the visitor is now (each page of the site loads the frame anew).
    const { page } = ctx.deps;
    if (page.url)
      socket.send({ type: 'page', pageUrl: page.url.slice(0, 2000), pageTitle: page.title.slice(0, 300) });
  } else if (ctx.startRequested && ctx.identifyPending === 0) sendStart(ctx);
  ctx.lastReadSent = 0;
  markRead(ctx);
  reportOpen(ctx);
}

export function sendStart(ctx: TControllerContext): void {
  if (!ctx.stored.startKey) {
    ctx.stored = { ...ctx.stored, startKey: randomHex() };
    ctx.deps.storage.setConversation(ctx.stored);
  }
  const startKey = ctx.stored.startKey as string;
  ctx.startRef = `start_${startKey}`.slice(0, 64);
  const { page } = ctx.deps;
  ctx.socket.send({
    type: 'start',
    ref: ctx.startRef,
    playbookId: ctx.deps.playbookId,
    startKey,
    context: {
      pageUrl: page.url.slice(0, 2000) || null,
      pageTitle: page.title.slice(0, 300) || null,
      referrer: page.referrer.slice(0, 2000) || null,
      language: navigator.language.slice(0, 35),
      timeZone: utcOffset(new Date()),
    },
  });
}

function onConversation(
  ctx: TControllerContext,
  frame: Extract<TVisitorServerFrame, { type: 'conversation' }>,
): void {
  const before = ctx.state.conversation;
  const isStart = frame.ref !== undefined && frame.ref === ctx.startRef;
  if (!isStart && before && before.id !== frame.conversation.id) return;
  if (isStart) {
    ctx.startRequested = false;
    ctx.startRef = null;
    ctx.expectHistory = false;
  }
  dispatch(ctx, { type: 'conversation', conversation: frame.conversation });
  // The server may push the new conversation's state before it answers the start itself.
  if (isStart && (!before || before.id === frame.conversation.id)) ctx.deps.emit('conversationStarted');
  if (before && !isEnded(before) && isEnded(frame.conversation)) {
    ctx.deps.emit('conversationEnded', { qualified: frame.conversation.outcome === 'qualified' });
  }
}

export function onFrame(ctx: TControllerContext, frame: TVisitorServerFrame): void {
  const current = ctx.state.conversation?.id;
  switch (frame.type) {
    case 'conversation':
      return onConversation(ctx, frame);
    case 'messages':
      if (frame.conversationId !== current) return;
      dispatch(ctx, { type: 'messages', messages: frame.messages, history: ctx.expectHistory });
      ctx.expectHistory = false;
      return settleStored(ctx, frame.messages);
    case 'message':
      dispatch(ctx, { type: 'messages', messages: [frame.message], history: false });
      return settleStored(ctx, [frame.message]);
    case 'ack':
      dispatch(ctx, { type: 'ack', clientMsgId: frame.clientMsgId, message: frame.message });
      return ctx.sender.settled(frame.clientMsgId);
    case 'typing':
      if (frame.from === 'user' && frame.conversationId === current)
        dispatch(ctx, { type: 'typing', name: frame.name, active: frame.active });
      return;
    case 'read':
      if (frame.conversationId === current)
        dispatch(ctx, { type: frame.side === 'visitor' ? 'visitorRead' : 'read', seq: frame.seq });
      return;
    case 'error':
      return onError(ctx, frame.ref, frame.code);
    default:
      return;
  }
}

/** A stored copy (replay, broadcast) answers the item in flight as well as its ack would. */
function settleStored(ctx: TControllerContext, messages: readonly { clientMsgId: string | null }[]): void {
  const inFlight = ctx.sender.inFlight();
  if (inFlight && messages.some((m) => m.clientMsgId === inFlight)) ctx.sender.settled(inFlight);
}

function onError(ctx: TControllerContext, ref: string | undefined, code: string): void {
  const inFlight = ctx.sender.inFlight();
  if (ref && ctx.state.outbox.some((item) => item.clientMsgId === ref)) {
    refuse(ctx, ref, code);
  } else if (!ref && code === 'FRAME_TOO_LARGE' && inFlight) {
    // The size check happens before the frame is read, so the refusal cannot name it: only the
    // one frame in flight can be that large.
    refuse(ctx, inFlight, code);
  } else if (ref && ref === ctx.startRef) {
    ctx.startRequested = false;
    dispatch(ctx, { type: 'notice', notice: ctx.deps.unavailableNotice });
  } else if (code === 'CONVERSATION_NOT_FOUND' || code === 'FORBIDDEN') {
    // The stored conversation is gone or not this visitor's (token changed): start afresh.
    forgetConversation(ctx);
  }
}
