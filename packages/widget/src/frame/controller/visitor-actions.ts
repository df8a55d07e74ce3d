import {
  MAX_ANSWER_CHARS,
  canSendTray,
  checkLength,
  frameFits,
  newClientMsgId,
  reconnectDelay,
} from '@charla/protocol/client';
import type { TVisitorAnswer } from '@charla/protocol';
import { parseVisitorText } from '../lib/protocol-runtime';
import { resumeVisitorSession } from '../net/visitor-session';
import { composerMode } from '../state/chat-state';
import { toClientFrame, type TOutboxItem } from '../state/outbox';
import { takeTray } from './attachments';
import type { TControllerContext } from './context';
import { dispatch, forgetConversation } from './dispatch';

const TYPING_REFRESH_MS = 2500;
const TYPING_IDLE_MS = 3000;

/** A visitor session (the stored token, or a new one), then the socket; retried with backoff. */
export async function ensureSession(ctx: TControllerContext): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      const session = await resumeVisitorSession(ctx.token);
      if (session.visitorToken !== ctx.token) {
        // A new visitor: conversations of the old token are not theirs any more.
        if (ctx.token) forgetConversation(ctx);
        ctx.token = session.visitorToken;
        ctx.deps.storage.setToken(ctx.token);
      }
      ctx.markSessionReady();
      ctx.socket.connect();
      return;
    } catch {
      dispatch(ctx, {
        type: 'connection',
        connection: navigator.onLine === false ? 'offline' : 'connecting',
      });
      // Unreachable (a restarting server, usually back in seconds): the sockets' quick, jittered schedule.
      await new Promise((resolve) => setTimeout(resolve, reconnectDelay(attempt)));
    }
  }
}

function queue(ctx: TControllerContext, payload: TOutboxItem['payload'], text: string): void {
  const conversationId = ctx.state.conversation?.id;
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
  dispatch(ctx, {
    type: 'queued',
    item: fits ? item : { ...item, state: 'failed', error: 'FRAME_TOO_LARGE' },
  });
  ctx.sender.pump();
}

export function answer(ctx: TControllerContext, answerValue: TVisitorAnswer, text: string): void {
  queue(ctx, { kind: 'answer', answer: answerValue }, text);
}

export function submitText(ctx: TControllerContext, text: string): void {
  const trimmed = text.trim();
  const mode = composerMode(ctx.state);
  if (mode.kind === 'chat') return sendChat(ctx, trimmed);
  if (!trimmed) return;
  stopTyping(ctx);
  // The composer keeps Send disabled over the limit: nothing is cut off silently.
  if (mode.kind === 'input' && !checkLength(trimmed, MAX_ANSWER_CHARS).over)
    answer(ctx, { kind: 'text', text: trimmed }, trimmed);
}

/** A live chat message: the text (a caption, possibly empty) with the tray's uploaded files. */
function sendChat(ctx: TControllerContext, trimmed: string): void {
  if (checkLength(trimmed).over || !canSendTray(ctx.state.tray, trimmed)) return;
  stopTyping(ctx);
  const attachments = takeTray(ctx);
  const body = trimmed ? parseVisitorText(trimmed) : { type: 'doc' as const, content: [] };
  queue(ctx, attachments.length > 0 ? { kind: 'send', body, attachments } : { kind: 'send', body }, trimmed);
}

export function retry(ctx: TControllerContext, clientMsgId: string): void {
  const item = ctx.state.outbox.find((i) => i.clientMsgId === clientMsgId);
  if (!item || !frameFits(toClientFrame(item))) return;
  dispatch(ctx, { type: 'retry', clientMsgId });
  ctx.sender.pump();
}

/** The visitor is typing in live chat: tell the team (throttled), and stop after a pause. */
export function typing(ctx: TControllerContext, draft: string): void {
  const conversation = ctx.state.conversation;
  if (!conversation || composerMode(ctx.state).kind !== 'chat') return;
  clearTimeout(ctx.typingIdle);
  if (draft.trim() === '') return stopTyping(ctx);
  const now = Date.now();
  if (now - ctx.typingSentAt > TYPING_REFRESH_MS) {
    ctx.typingSentAt = now;
    ctx.socket.send({
      type: 'typing',
      conversationId: conversation.id,
      active: true,
      preview: draft.slice(-200),
    });
  }
  ctx.typingIdle = setTimeout(() => stopTyping(ctx), TYPING_IDLE_MS);
}

function stopTyping(ctx: TControllerContext): void {
  clearTimeout(ctx.typingIdle);
  if (ctx.typingSentAt === 0 || !ctx.state.conversation) return;
  ctx.typingSentAt = 0;
  ctx.socket.send({ type: 'typing', conversationId: ctx.state.conversation.id, active: false });
}
