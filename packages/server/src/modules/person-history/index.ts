import type { Db } from '../../db/database';
import type { ConversationAccess } from '../conversations/index';
import { createHistoryService } from './history.service';
import { createHistoryStore } from './history.store';

export { registerHistoryRoutes } from './history.routes';
export type { HistoryService } from './history.service';

/** The person's history beside a conversation (issue 15, item 3). */
export function createHistoryModule(deps: { db: Db; conversations: ConversationAccess }) {
  return createHistoryService({ store: createHistoryStore(deps.db), conversations: deps.conversations });
}
