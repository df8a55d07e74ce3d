import type { TConversationDto, TMessageDto, TPlaybookDocument } from '@charla/protocol';
import type { ConversationViews, ConversationsStore } from '../conversations/index';
import type { PlaybooksService } from '../playbooks/index';

/**
 * What the mail features read about a conversation, wired in services.ts from the conversations
 * store and views without going through (or changing) the conversations service.
 */
export type ConversationSource = {
  /** The conversation as a system reader sees it (no visibility check: callers check first). */
  find(conversationId: string): Promise<TConversationDto | null>;
  /** Every message, oldest first. */
  messages(conversationId: string): Promise<TMessageDto[]>;
  /** The playbook snapshot the conversation runs on; null without one. */
  pinnedDocument(conversationId: string): Promise<TPlaybookDocument | null>;
  /** The playbook's public id (for a widget that starts a new conversation on it). */
  playbookPublicId(conversationId: string): Promise<string | null>;
};

const PAGE = 500;

/** The source over the conversations store and views (read-only). */
export function createConversationSource(deps: {
  store: Pick<ConversationsStore, 'findById' | 'messagesAfter'>;
  views: Pick<ConversationViews, 'conversation' | 'message'>;
  playbooks: Pick<PlaybooksService, 'getRevision' | 'findById'>;
}): ConversationSource {
  const { store, views, playbooks } = deps;
  return {
    async find(conversationId) {
      const row = conversationId.length <= 64 ? await store.findById(conversationId) : null;
      // A system reader: no user's actions apply (the empty viewer id matches no one).
      return row ? views.conversation(row, '') : null;
    },
    async messages(conversationId) {
      const all: TMessageDto[] = [];
      let after = 0;
      for (;;) {
        const page = await store.messagesAfter(conversationId, after, PAGE);
        all.push(...page.map((m) => views.message(m)));
        if (page.length < PAGE) return all;
        after = page.at(-1)?.seq ?? after;
      }
    },
    async pinnedDocument(conversationId) {
      const row = await store.findById(conversationId);
      if (!row?.playbook_id || row.playbook_revision === null) return null;
      return playbooks.getRevision(row.playbook_id, row.playbook_revision);
    },
    async playbookPublicId(conversationId) {
      const row = await store.findById(conversationId);
      if (!row?.playbook_id) return null;
      return (await playbooks.findById(row.playbook_id))?.publicId ?? null;
    },
  };
}
