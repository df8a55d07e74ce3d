/**
 * Conversation labels (issue 16 item 3): the front door services.ts and app.ts use.
 */
import type { Db } from '../../db/database';
import type { Clock } from '../../lib/clock';
import type { ConversationAccess } from '../conversations/index';
import { createLabelsService, labelCheckFrom, labelChipsFrom } from './labels.service';
import { createLabelsStore } from './labels.store';

export type { LabelsService } from './labels.service';
export { registerLabelsRoutes } from './labels.routes';

/**
 * The labels' parts in the order the wiring needs them: the conversation views read `chips` and
 * the folder filter `assertLabel` before the conversations service exists; the labels service
 * then uses that service's front door.
 */
export function createLabelsModule(db: Db) {
  const store = createLabelsStore(db);
  return {
    chips: labelChipsFrom(store),
    assertLabel: labelCheckFrom(store),
    createService: (
      conversations: Pick<ConversationAccess, 'getForUser' | 'labelsChanged'>,
      clock: Clock,
      onError: (error: unknown, context: string) => void,
    ) => createLabelsService({ store, conversations, clock, onError }),
  };
}
