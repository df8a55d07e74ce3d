import {
  canUserSee,
  type TConversationSearchQuery,
  type TConversationSearchResult,
  type TCrmFullTextQuery,
  type TCrmSearchResult,
  type TCrmSearchType,
} from '@charla/protocol';
import type { AuthUser } from '../auth/index';
import type { ConversationViews } from '../conversations/index';
import { queryTokens } from './fold-text';
import { highlightSnippet } from './highlight';
import type { SearchStore } from './search.store';

/**
 * Inbox and CRM search on the databases' own full-text indexes (issue 15, item 4): every word
 * of the query must match (accents and case folded, the last word as a prefix), results are
 * ranked, and each carries an excerpt with the matched words flagged.
 */
export function createSearchService(deps: {
  store: SearchStore;
  views: ConversationViews;
  assertLabel?: ((labelId: string) => Promise<unknown>) | undefined;
}) {
  const { store, views } = deps;
  return {
    /**
     * Only conversations the user may see (R14, and those a mention lets them read, R29): the SQL
     * filters, and each result is checked again.
     */
    async conversations(query: TConversationSearchQuery, user: AuthUser): Promise<TConversationSearchResult> {
      if (query.label !== undefined) await deps.assertLabel?.(query.label);
      const tokens = queryTokens(query.q);
      const matches = await store.searchConversations({
        tokens,
        viewerId: user.id,
        folder: query.folder,
        labelId: query.label,
        limit: query.limit,
      });
      const built = await views.conversations(
        matches.map((m) => m.row),
        user.id,
      );
      const visible = built.filter((d) =>
        canUserSee({ status: d.status, assigneeId: d.assignee?.id ?? null, readerIds: d.readerIds }, user.id),
      );
      const dtos = new Map(visible.map((d) => [d.id, d]));
      const items: TConversationSearchResult['items'] = [];
      for (const m of matches) {
        const conversation = dtos.get(m.conversationId);
        if (!conversation) continue;
        items.push({
          conversation,
          match: {
            field: m.field,
            messageId: m.messageId,
            seq: m.seq,
            snippet: highlightSnippet(m.text, tokens),
          },
        });
      }
      return { items };
    },

    /** Indexes the messages SQLite queued (the background job; a search does it first anyway). */
    indexQueuedMessages: () => store.indexQueuedMessages(),

    async crm(query: TCrmFullTextQuery): Promise<TCrmSearchResult> {
      const tokens = queryTokens(query.q);
      const matches = await store.searchCrm({ tokens, type: query.type, limit: query.limit });
      return {
        items: matches.map((m) => ({
          type: m.type as TCrmSearchType,
          id: m.id,
          title: m.title,
          snippet: highlightSnippet(m.doc, tokens),
        })),
      };
    },
  };
}
export type SearchService = ReturnType<typeof createSearchService>;
