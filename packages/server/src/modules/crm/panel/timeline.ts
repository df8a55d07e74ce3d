import type { TTimelineEvent } from '@charla/protocol';
import type { ConversationAccess } from '../../conversations/index';

/** Adds a timeline event (lead_created, deal_created) to each conversation, once the CRM change is committed. */
export async function appendTimelineEvents(
  conversations: ConversationAccess,
  conversationIds: string[],
  event: TTimelineEvent,
): Promise<void> {
  for (const conversationId of conversationIds) await conversations.appendEvent(conversationId, event);
}
