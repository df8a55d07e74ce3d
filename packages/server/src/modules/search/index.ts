import type { Db } from '../../db/database';
import type { ConversationViews } from '../conversations/index';
import { createSearchService } from './search.service';
import { createSearchStore } from './search.store';

export { registerSearchRoutes } from './search.routes';
export type { SearchService } from './search.service';
export { findConversationIdentities } from './profile-index.store';

/** Full-text search over conversations and the CRM (issue 15, item 4). */
export function createSearchModule(deps: {
  db: Db;
  views: ConversationViews;
  /** The label filter's check (modules/labels): LABEL_UNKNOWN for an id naming no label. */
  assertLabel?: (labelId: string) => Promise<unknown>;
}) {
  return createSearchService({
    store: createSearchStore(deps.db),
    views: deps.views,
    assertLabel: deps.assertLabel,
  });
}
export { conversationDisplayName } from './conversation-identity';
export { type CrmSearchType, reindexCrmRecord } from './crm-index.store';
export { refreshConversationProfile, refreshProfilesLinkedTo } from './profile-index.store';
export { forgetConversations } from './forget.store';
export {
  indexedMessageCte,
  indexMessage,
  indexNewMessage,
  isPostgres,
  messageSearchText,
} from './message-index.store';
export { MESSAGE_INDEX_EVERY_MS } from './message-indexer.store';
export { CRM_RANKED_MAX, rankCrmRecords } from './crm-rank.store';
