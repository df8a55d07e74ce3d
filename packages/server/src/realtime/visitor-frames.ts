import { imagesAsLinks, toPlainText, type TVisitorClientFrame } from '@charla/protocol';
import { AppError } from '../lib/app-error';
import type { Services } from '../services';
import type { VisitorConnection } from './connections';
import { sendAck, sendFrame } from './send-frame';

/** Limits shared by every process (Redis with REDIS_URL): messages per visitor, starts per visitor and address. */
export type VisitorFrameDeps = Pick<
  Services,
  'conversations' | 'runner' | 'clock' | 'identity' | 'playbooks' | 'reports'
> & {
  limits: Pick<
    Services['rateLimits'],
    'visitorMessages' | 'conversationStartsPerVisitor' | 'conversationStartsPerAddress'
  >;
};

/**
 * What a visitor socket keeps of its upgrade request: holding the request itself (headers, the
 * raw message, Fastify's wrappers) for the socket's life cost kilobytes per idle visitor.
 */
export type SocketOrigin = { ip: string; userAgent: string | null };

/** Handles one frame from a visitor's socket; whatever it throws becomes an error frame. */
export async function handleVisitorFrame(
  deps: VisitorFrameDeps,
  connection: VisitorConnection,
  frame: TVisitorClientFrame,
  origin: SocketOrigin,
): Promise<void> {
  const { conversations, runner, clock, limits } = deps;
  const { visitorMessages } = limits;
  const { socket, visitorId } = connection;
  switch (frame.type) {
    case 'ping':
      sendFrame(socket, { type: 'pong', at: clock.now() });
      return;
    case 'start': {
      const conversation = await runner.start(visitorId, {
        playbookPublicId: frame.playbookId,
        startKey: frame.startKey,
        context: frame.context ?? {},
        userAgent: origin.userAgent,
        // Only new starts count against the limits: a retry of the same start key is free.
        admit: async () => {
          if (
            !(await limits.conversationStartsPerVisitor.take(visitorId)) ||
            !(await limits.conversationStartsPerAddress.take(origin.ip))
          )
            throw new AppError('RATE_LIMITED');
        },
      });
      sendFrame(socket, { type: 'conversation', ref: frame.ref, conversation });
      await connection.stream.subscribe(conversation.id, 0);
      return;
    }
    case 'subscribe': {
      const conversation = await conversations.getForVisitor(visitorId, frame.conversationId);
      sendFrame(socket, { type: 'conversation', ref: frame.ref, conversation });
      await connection.stream.subscribe(frame.conversationId, frame.lastSeq);
      return;
    }
    case 'send': {
      if (!(await visitorMessages.take(visitorId))) throw new AppError('RATE_LIMITED');
      // The ack is this socket's copy of its message (issue 25): the stream does not echo it.
      connection.stream.expectAck(frame.clientMsgId);
      const message = await visitorSend(deps, visitorId, frame);
      sendAck(socket, { type: 'ack', ref: frame.ref, clientMsgId: frame.clientMsgId, message });
      return;
    }
    case 'answer': {
      if (!(await visitorMessages.take(visitorId))) throw new AppError('RATE_LIMITED');
      connection.stream.expectAck(frame.clientMsgId);
      const message = await runner.answer(visitorId, frame.conversationId, frame.clientMsgId, frame.answer);
      sendAck(socket, { type: 'ack', ref: frame.ref, clientMsgId: frame.clientMsgId, message });
      return;
    }
    case 'typing':
      await conversations.visitorTyping(visitorId, frame.conversationId, frame.active, frame.preview);
      return;
    case 'read':
      await conversations.markVisitorRead(visitorId, frame.conversationId, frame.seq, connection.id);
      return;
    case 'page':
      await conversations.recordContext(visitorId, {
        pageUrl: frame.pageUrl,
        pageTitle: frame.pageTitle ?? null,
      });
      return;
    case 'identify':
      // Unsigned only (signed identities go through POST /api/v1/widget/identify): the same checks apply.
      await deps.identity.identify({ id: visitorId, number: 0 }, withoutUndefined(frame), null);
      return;
    case 'opened':
      await recordOpen(deps, visitorId, frame.playbookId);
      return;
    case 'leave': {
      const conversation = await conversations.visitorLeave(visitorId, frame.conversationId);
      sendFrame(socket, { type: 'conversation', ref: frame.ref, conversation });
      return;
    }
  }
}

/** The funnel's "opened the widget" (issue 21): once per visitor, playbook and UTC day, so no rate limit. */
async function recordOpen(deps: VisitorFrameDeps, visitorId: string, publicId: string): Promise<void> {
  const playbook = await deps.playbooks.findByPublicId(publicId);
  if (!playbook) throw new AppError('PLAYBOOK_NOT_FOUND');
  await deps.reports.recordOpen(visitorId, playbook.id, deps.clock.now());
}

/** The name and email of an `identify` frame, without the fields it left out. */
function withoutUndefined(frame: { name?: string | undefined; email?: string | undefined }) {
  return { ...(frame.name ? { name: frame.name } : {}), ...(frame.email ? { email: frame.email } : {}) };
}

/** A visitor's message: to the bot while it waits for text, else to the team (always, with files: issue 17). */
async function visitorSend(
  deps: VisitorFrameDeps,
  visitorId: string,
  frame: Extract<TVisitorClientFrame, { type: 'send' }>,
) {
  const { conversations, runner } = deps;
  const { conversationId, clientMsgId } = frame;
  const body = imagesAsLinks(frame.body); // a visitor's picture never loads in the inbox itself
  const files = frame.attachments ?? [];
  if (files.length === 0)
    return runner.visitorText(visitorId, conversationId, clientMsgId, body, toPlainText(body));
  const row = await conversations.getVisitorRow(conversationId, visitorId);
  return conversations.visitorMessage(visitorId, row, clientMsgId, body, files);
}
