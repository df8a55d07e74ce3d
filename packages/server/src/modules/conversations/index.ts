/**
 * the wiring in services.ts may use. Everything else in this folder is internal.
 */
export { createConversationsService, type ConversationsService } from './conversations.service';
export {
  createConversationsStore,
  type ConversationsStore,
  type ConversationRow,
} from './conversations.store';
export { createConversationViews, type ConversationViews } from './conversation-views';
export {
  createPlaybookRunner,
  type PlaybookRunner,
  type BotCrm,
  type PlaybookSource,
  type LiveChatAvailability,
} from './playbook-runner';
export { createHttpCardCaller } from './http-card-call';
export { registerConversationsRoutes } from './conversations.routes';
export { forViewer, lifecycleOf, searchTextOf } from './conversation-dto';
export type { ConversationAccess, ConversationFacts } from './conversation-access';
export type { Author } from './conversation-changes';
export type { MessageViewer, MessagesPage } from './conversation-reads';
export {
  type ConversationsPrivacyStore,
  createConversationsPrivacyStore,
} from './conversations.privacy.store';
export { writeStoredRun } from './stored-run';
export {
  createConversationLookups,
  type ConversationLookups,
  type ConversationState,
} from './conversation-lookups.store';
export { readRouting } from './routing-columns';
export { countRevision, type RevisedConversations } from './revisions.store';
