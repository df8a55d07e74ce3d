import type { TConversationDto, TTimelineEvent, TVisitorContext } from '@charla/protocol';
import type { AuthUser } from '../auth/index';

/**
 * What other modules (CRM side panel, notifications, webhooks) may ask of conversations.
 * Visibility (R14) is enforced here: `getForUser` throws CONVERSATION_NOT_FOUND when the user
 * may not see the conversation.
 */
export type ConversationAccess = {
  getForUser(conversationId: string, user: AuthUser): Promise<ConversationFacts>;
  /** For system work (playbook end cards, webhooks): no visibility check. */
  getFacts(conversationId: string): Promise<ConversationFacts>;
  /** Appends a timeline event (lead_created, deal_created, …) as a system message and fans it out. */
  appendEvent(conversationId: string, event: TTimelineEvent): Promise<void>;
  /** Tells every viewer the conversation again: who it is with changed (side panel, CRM person). */
  identityChanged(conversationId: string): Promise<void>;
  /** The same for its labels (issue 16): open inboxes that may see it get it again. */
  labelsChanged(conversationId: string): Promise<void>;
};

export type ConversationFacts = {
  id: string;
  status: TConversationDto['status'];
  assigneeId: string | null;
  visitorId: string;
  visitorNumber: number;
  /** Variables the playbook captured so far (visitor_name, visitor_email, company_name, …). */
  capturedVars: Record<string, string>;
  /**
   * The name and email the inbox shows (CRM person, side panel, else captured or identified), if
   * known; read when asked, as most callers (panel changes, end cards) do not need it.
   */
  shownIdentity(): Promise<{ name: string | null; email: string | null }>;
  visitorContext: TVisitorContext;
  /** The names of the labels it carries (issue 16), copied to a CRM lead created from it. */
  labelNames(): Promise<string[]>;
  /** The whole transcript as plain text lines, for "transcript as note". */
  transcript(): Promise<string>;
};
