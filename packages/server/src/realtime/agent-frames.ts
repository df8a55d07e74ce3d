import type { TAgentClientFrame } from '@charla/protocol';
import type { Services } from '../services';
import type { AgentConnection } from './connections';
import { sendAck, sendFrame } from './send-frame';

export type AgentFrameDeps = Pick<Services, 'conversations' | 'clock'>;

/** Handles one frame from a user's inbox socket; whatever it throws becomes an error frame. */
export async function handleAgentFrame(
  deps: AgentFrameDeps,
  connection: AgentConnection,
  frame: TAgentClientFrame,
): Promise<void> {
  const { conversations, clock } = deps;
  const { socket, user } = connection;
  switch (frame.type) {
    case 'ping':
      sendFrame(socket, { type: 'pong', at: clock.now() });
      return;
    case 'subscribe':
      // The chat as it is now, then its messages: what changed before this socket was registered
      // (its inbox fetched the chat earlier, or before a reconnect) reaches it either way (R28).
      sendFrame(socket, {
        type: 'conversation',
        conversation: await conversations.getDtoForUser(user, frame.conversationId),
      });
      await connection.stream.subscribe(frame.conversationId, frame.lastSeq);
      return;
    case 'unsubscribe':
      // The stream of this conversation ends: its messages no longer come, its activity does.
      connection.stream.forget(frame.conversationId);
      return;
    case 'send': {
      const { conversationId, clientMsgId, body } = frame;
      // The ack is this socket's copy of its message (issue 25): the stream does not echo it.
      connection.stream.expectAck(clientMsgId);
      const sent = await conversations.userMessage(
        user,
        conversationId,
        clientMsgId,
        body,
        frame.attachments,
      );
      sendAck(socket, { type: 'ack', ref: frame.ref, clientMsgId, ...sent });
      return;
    }
    case 'typing':
      // Only the assignee's typing reaches the visitor; anyone else gets NOT_ASSIGNEE.
      await conversations.userTyping(user, frame.conversationId, frame.active);
      return;
    case 'read':
      await conversations.markUserRead(user, frame.conversationId, frame.seq, connection.id);
      return;
  }
}
