import type { Db } from '../../db/database';
import type { Clock } from '../../lib/clock';
import type { DomainEvents } from '../../lib/domain-events';
import type { ConversationAccess } from '../conversations/index';
import { createRatingsService } from './ratings.service';
import { createRatingsStore } from './ratings.store';

export { registerRatingsRoutes } from './ratings.routes';
export type { RatingsService } from './ratings.service';

/** The ratings module (CSAT): its store, and the service other code may call. */
export function createRatingsModule(deps: {
  db: Db;
  clock: Clock;
  events: DomainEvents;
  conversations: ConversationAccess;
}) {
  return createRatingsService({
    store: createRatingsStore(deps.db),
    clock: deps.clock,
    events: deps.events,
    conversations: deps.conversations,
  });
}
export { createRatingsPrivacyStore } from './ratings.privacy.store';
