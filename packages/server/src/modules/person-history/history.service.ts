import type { TConversationHistoryDto } from '@charla/protocol';
import type { AuthUser } from '../auth/index';
import type { ConversationAccess } from '../conversations/index';
import { conversationDisplayName } from '../search/index';
import type { HistoryStore } from './history.store';

const LIMIT = 20;

/**
 * The person's history beside a conversation (issue 15, item 3). The conversation itself must be
 * visible to the user (else 404, R14), and so must every earlier conversation listed.
 */
export function createHistoryService(deps: { store: HistoryStore; conversations: ConversationAccess }) {
  const { store, conversations } = deps;
  return {
    async forConversation(conversationId: string, user: AuthUser): Promise<TConversationHistoryDto> {
      const facts = await conversations.getForUser(conversationId, user);
      const subject = await store.subject(facts.id, facts.visitorId);
      const [others, leads, deals, activities] = [
        await store.conversations(subject, user.id, LIMIT),
        await store.leads(subject.personIds, LIMIT),
        await store.deals(subject.personIds, LIMIT),
        await store.openActivities(subject.personIds, LIMIT),
      ];
      return {
        conversations: others.map((c) => ({
          id: c.id,
          status: c.status,
          displayName: conversationDisplayName(
            { name: c.display_name ?? null, email: c.display_email ?? null },
            c.number,
          ),
          createdAt: c.created_at,
          closedAt: c.closed_at,
          lastMessagePreview: c.last_message_preview,
        })),
        leads,
        deals,
        activities: activities.map((a) => ({ id: a.id, subject: a.subject, type: a.type, dueAt: a.due_at })),
      };
    },
  };
}
export type HistoryService = ReturnType<typeof createHistoryService>;
