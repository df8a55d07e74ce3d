// The canned-responses module's front door: the app wiring imports only from here.
import type { Db } from '../../db/database';
import type { Clock } from '../../lib/clock';
import type { ConversationAccess } from '../conversations/index';
import { createCannedResponsesService, type CannedFileLists } from './canned-responses.service';
import { createCannedResponsesStore } from './canned-responses.store';

export { registerCannedResponsesRoutes } from './canned-responses.routes';
export type { CannedResponsesService } from './canned-responses.service';

/**
 * Canned responses (issue 16 item 1): their store, and the service the routes call. Their files
 * live with every other file in the attachments module (issue 17).
 */
export function createCannedResponsesModule(deps: {
  db: Db;
  clock: Clock;
  conversations: ConversationAccess;
  files: CannedFileLists;
}) {
  return createCannedResponsesService({
    store: createCannedResponsesStore(deps.db),
    clock: deps.clock,
    conversations: deps.conversations,
    files: deps.files,
  });
}
