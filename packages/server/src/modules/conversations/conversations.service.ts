import type { Clock } from '../../lib/clock';
import type { DomainEvents } from '../../lib/domain-events';
import type { Bus } from '../../realtime/bus';
import type { UsersStore } from '../users/index';
import type { VisitorsService } from '../visitors/index';
import { createConversationActions } from './conversation-actions';
import { createConversationChanges } from './conversation-changes';
import { createConversationChat } from './conversation-chat';
import { createConversationTyping } from './conversation-typing';
import { createConversationNotes } from './conversation-notes';
import { createConversationAccess } from './conversation-facts';
import { createConversationReads } from './conversation-reads';
import { createReadPositions } from './conversation-read-positions';
import type { ConversationViews } from './conversation-views';
import type { ConversationsStore } from './conversations.store';
import { createKeyedMutex } from './keyed-mutex';
import type { MessageFiles } from '../attachments/index';

export type { Author } from './conversation-changes';
export type { MessageViewer, MessagesPage } from './conversation-reads';

export type ConversationsDeps = {
  store: ConversationsStore;
  views: ConversationViews;
  visitors: VisitorsService;
  users: UsersStore;
  /** Only for typing, which is relayed and never stored; every change reaches realtime as a domain event. */
  bus: Bus;
  events: DomainEvents;
  clock: Clock;
  /** The label filter's check (modules/labels): LABEL_UNKNOWN for an id naming no label. */
  assertLabel?: (labelId: string) => Promise<unknown>;
  /** The files a message sends (modules/attachments, issue 17). */
  files: MessageFiles;
};

/**
 * The conversation core, assembled from parts with one job each: reads (R14 on every read),
 * changes (the one event path), actions of people, chat and typing, and the front door for
 * other modules (`access`). Plain functions: any of them may be destructured.
 */
export function createConversationsService(deps: ConversationsDeps) {
  const { store, views, visitors, users, bus, events, clock } = deps;
  const withLock = createKeyedMutex();
  const changes = createConversationChanges({ store, views, events, clock });
  const reads = createConversationReads({
    store,
    views,
    getRow: changes.getRow,
    assertLabel: deps.assertLabel,
  });
  const actions = createConversationActions({ views, users, changes, reads, withLock });
  const readPositions = createReadPositions({
    store,
    views,
    events,
    getVisitorRow: reads.getVisitorRow,
    getReadableRow: reads.getReadableRow,
  });
  const chat = createConversationChat({
    store,
    views,
    visitors,
    changes,
    reads,
    clock,
    files: deps.files,
  });
  const typing = createConversationTyping({ bus, changes, reads });
  const access = createConversationAccess({ store, views, visitors, changes, reads });
  const notes = createConversationNotes({ store, views, users, changes, reads, clock });
  return {
    views,
    withLock,
    ...changes,
    ...reads,
    ...actions,
    ...readPositions,
    ...chat,
    ...typing,
    ...notes,
    access,
  };
}
export type ConversationsService = ReturnType<typeof createConversationsService>;
