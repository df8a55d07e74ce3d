import type { TIdentifyFields } from '../../shared/bridge';
import { forgetSession, postIdentify } from '../net/identity-api';
import type { TControllerContext } from './context';
import { dispatch, forgetConversation } from './dispatch';
import { sendStart } from './server-frames';
import { ensureSession } from './visitor-actions';

/** Shows another conversation of the same visitor (a verified user's, from another device). */
function follow(ctx: TControllerContext, conversationId: string): void {
  ctx.startRequested = false;
  ctx.stored = { conversationId, startKey: null, lastSeq: 0 };
  ctx.deps.storage.setConversation(ctx.stored);
  ctx.expectHistory = true;
  if (ctx.socket.isReady()) ctx.socket.send({ type: 'subscribe', conversationId, lastSeq: 0 });
}

async function run(ctx: TControllerContext, fields: TIdentifyFields): Promise<void> {
  await ctx.sessionReady;
  const token = ctx.token;
  if (!token) return;
  const result = await postIdentify(token, fields);
  if (!result.ok) {
    // Nothing was stored: the chat goes on as the visitor it was (issue 24).
    console.error(`Charla.identify() refused (${result.code}): ${result.message}`);
    ctx.deps.emit('identityRefused', { code: result.code, message: result.message });
    return;
  }
  const { answer } = result;
  if (answer.visitorToken && answer.visitorToken !== ctx.token) {
    // This browser becomes the verified user's visitor: their conversations, not the old ones.
    forgetConversation(ctx);
    ctx.token = answer.visitorToken;
    ctx.deps.storage.setToken(ctx.token);
    // The old socket closes first: the next one (the user's token) subscribes on its `ready`.
    ctx.socket.reconnect();
    if (answer.conversationId) follow(ctx, answer.conversationId);
  } else if (answer.conversationId && !ctx.stored.conversationId) {
    follow(ctx, answer.conversationId);
  }
  ctx.deps.emit('identified', { verified: answer.verified });
}

/**
 * `Charla.identify()`: one call at a time, in the order the host page made them. A start asked
 * for meanwhile goes out after the last one (unless it showed the user's own conversation).
 */
export function identify(ctx: TControllerContext, fields: TIdentifyFields): Promise<void> {
  ctx.identifyPending += 1;
  ctx.identifyQueue = ctx.identifyQueue
    .then(() => run(ctx, fields))
    .finally(() => {
      ctx.identifyPending -= 1;
      if (ctx.identifyPending === 0 && ctx.startRequested && ctx.socket.isReady()) sendStart(ctx);
    });
  return ctx.identifyQueue;
}

/** `Charla.reset()`: forget the conversation, the outbox and the token; start again as a new visitor. */
export function resetIdentity(ctx: TControllerContext): void {
  const old = ctx.token;
  forgetConversation(ctx);
  dispatch(ctx, { type: 'outbox', outbox: [] });
  ctx.startRequested = false;
  ctx.token = null;
  ctx.deps.storage.setToken(null);
  if (old) forgetSession(old);
  ctx.sessionReady = new Promise((resolve) => (ctx.markSessionReady = resolve));
  ctx.socket.reconnect();
  void ensureSession(ctx);
}
