import type { Services } from '../services';
import type { AgentConnection, VisitorConnection } from './connections';
import { sendFrame } from './send-frame';

/**
 * After a bus outage (Redis restarted) events may have been lost, never messages: the database
 * has them. Every socket gets the current state of the conversations it follows and what it
 * missed since the last message it was sent (never one twice: see message-stream.ts), and each
 * inbox its Unassigned and Mine folders: chats that arrived meanwhile, activity it did not get.
 */
export async function replayAfterBusOutage(
  conversations: Services['conversations'],
  agents: Iterable<AgentConnection>,
  visitors: Iterable<VisitorConnection>,
): Promise<void> {
  for (const c of [...visitors]) {
    for (const id of c.stream.conversations()) {
      try {
        const conversation = await conversations.getForVisitor(c.visitorId, id);
        sendFrame(c.socket, { type: 'conversation', conversation });
        await c.stream.catchUp(id);
      } catch {
        c.stream.forget(id);
      }
    }
  }
  for (const c of [...agents]) {
    for (const id of c.stream.conversations()) {
      try {
        sendFrame(c.socket, {
          type: 'conversation',
          conversation: await conversations.getDtoForUser(c.user, id),
        });
        await c.stream.catchUp(id);
      } catch {
        // No longer visible to this user (assigned to someone else meanwhile: R14).
        sendFrame(c.socket, { type: 'conversation_removed', conversationId: id });
        c.stream.forget(id);
      }
    }
    for (const folder of ['unassigned', 'mine'] as const) {
      const page = await conversations.listFolder(c.user, { folder, limit: 100 });
      for (const conversation of page.items) sendFrame(c.socket, { type: 'conversation', conversation });
    }
  }
}
