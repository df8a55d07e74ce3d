import {
  canUserSee,
  isVisitorVisibleEvent,
  type TConversationDto,
  type TMessageDto,
  type TUserMessagesQuery,
  type TVisitorConversationDto,
} from '@charla/protocol';
import { AppError } from '../../lib/app-error';
import type { AuthUser } from '../auth/index';
import type { ConversationViews } from './conversation-views';
import type { ConversationRow, ConversationsStore } from './conversations.store';
import { createConversationFolders } from './conversation-folders';

/** Who reads a conversation's messages: a user (visibility R14) or its visitor. */
export type MessageViewer = { user: AuthUser } | { visitorId: string };
export type MessagesPage = { items: TMessageDto[]; lastSeq: number; hasMore: boolean };

export const MAX_PAGE = 500;

/**
 * One page of messages after `afterSeq`. `lastSeq` has one meaning everywhere: the highest
 * sequence number this page accounts for (including internal events a visitor does not see),
 * so `afterSeq = lastSeq` asks for the next page; without more pages it is the conversation's
 * last sequence number.
 */
async function pageAfter(
  deps: Pick<ReadsDeps, 'store' | 'views'>,
  row: ConversationRow,
  afterSeq: number,
  limit: number,
  forVisitor: boolean,
): Promise<MessagesPage> {
  const { store, views } = deps;
  const size = Math.min(limit, MAX_PAGE);
  const rows = await store.messagesAfter(row.id, afterSeq, size + 1);
  const page = rows.slice(0, size);
  const hasMore = rows.length > size;
  const covered = page.at(-1)?.seq ?? afterSeq;
  const items = page
    .map((m) => views.message(m))
    .filter((m) => !forVisitor || m.event === null || isVisitorVisibleEvent(m.event));
  return { items, lastSeq: hasMore ? covered : Math.max(covered, row.last_seq), hasMore };
}

/**
 * One page of history (issue 25): the `limit` messages just before `beforeSeq` ('end': the latest
 * ones), oldest first, for users (who see every message). `hasMore` says older messages remain;
 * `lastSeq` is, as for pages forward, the highest sequence number the page accounts for, so a
 * live subscription from it misses nothing.
 */
async function pageBefore(
  deps: Pick<ReadsDeps, 'store' | 'views'>,
  row: ConversationRow,
  beforeSeq: number | 'end',
  limit: number,
): Promise<MessagesPage> {
  const size = Math.min(limit, MAX_PAGE);
  const rows = await deps.store.messagesBefore(row.id, beforeSeq === 'end' ? null : beforeSeq, size + 1);
  const hasMore = rows.length > size;
  const page = hasMore ? rows.slice(1) : rows;
  const newest = Math.max(page.at(-1)?.seq ?? 0, row.last_seq);
  return {
    items: page.map((m) => deps.views.message(m)),
    lastSeq: beforeSeq === 'end' ? newest : Math.min(beforeSeq - 1, newest),
    hasMore,
  };
}

type ReadsDeps = {
  store: ConversationsStore;
  views: ConversationViews;
  getRow: (id: string) => Promise<ConversationRow>;
  /** Refuses a label filter naming no label (LABEL_UNKNOWN); absent: no label filter check. */
  assertLabel?: ((labelId: string) => Promise<unknown>) | undefined;
};

/** Everything that reads conversations, with visibility (R14) checked on every read. */
export function createConversationReads(deps: ReadsDeps) {
  const { store, views, getRow } = deps;

  /** R14: a user who may not see the conversation gets the same 404 as for one that does not exist. */
  async function getVisibleRow(id: string, user: AuthUser): Promise<ConversationRow> {
    const row = await getRow(id);
    if (!canUserSee({ status: row.status, assigneeId: row.assignee_id }, user.id))
      throw new AppError('CONVERSATION_NOT_FOUND');
    return row;
  }

  /**
   * R14 plus R29: also a user a private note mentioned, who may read (never write: the write paths
   * use `getVisibleRow`) a conversation assigned to someone else.
   */
  async function getReadableRow(id: string, user: AuthUser): Promise<ConversationRow> {
    const row = await getRow(id);
    const state = { status: row.status, assigneeId: row.assignee_id };
    if (canUserSee(state, user.id)) return row;
    const readerIds = await views.readersOf(row);
    if (!canUserSee({ ...state, readerIds }, user.id)) throw new AppError('CONVERSATION_NOT_FOUND');
    return row;
  }

  async function getVisitorRow(id: string, visitorId: string): Promise<ConversationRow> {
    const row = await getRow(id);
    if (row.visitor_id !== visitorId) throw new AppError('CONVERSATION_NOT_FOUND');
    return row;
  }

  return {
    getVisibleRow,
    getReadableRow,
    getVisitorRow,
    ...createConversationFolders(deps),

    async getDtoForUser(user: AuthUser, id: string): Promise<TConversationDto> {
      return views.conversation(await getReadableRow(id, user), user.id);
    },

    /** Forward from `afterSeq` (resync), or back from `beforeSeq` through history (issue 25). */
    async messagesForUser(user: AuthUser, id: string, query: TUserMessagesQuery): Promise<MessagesPage> {
      const row = await getReadableRow(id, user);
      if (query.beforeSeq !== undefined) return pageBefore(deps, row, query.beforeSeq, query.limit);
      return pageAfter(deps, row, query.afterSeq ?? 0, query.limit, false);
    },

    /**
     * Every message of a conversation after `afterSeq`, page by page, as this viewer may see them:
     * the one reading path of subscribe, resync and replay. Visibility is checked on every page.
     */
    async *streamMessages(viewer: MessageViewer, id: string, afterSeq: number): AsyncGenerator<MessagesPage> {
      let after = afterSeq;
      for (;;) {
        const row =
          'user' in viewer
            ? await getReadableRow(id, viewer.user)
            : await getVisitorRow(id, viewer.visitorId);
        const page = await pageAfter(deps, row, after, MAX_PAGE, !('user' in viewer));
        yield page;
        if (!page.hasMore) return;
        after = page.lastSeq;
      }
    },

    async listForVisitor(visitorId: string): Promise<TVisitorConversationDto[]> {
      const rows = await store.listForVisitor(visitorId, 20);
      return Promise.all(rows.map((r) => views.forVisitor(r)));
    },

    async getForVisitor(visitorId: string, id: string): Promise<TVisitorConversationDto> {
      return views.forVisitor(await getVisitorRow(id, visitorId));
    },

    /** The visitor's view of the timeline: their chat and "joined"/"closed" events, never internal ones. */
    async messagesForVisitor(visitorId: string, id: string, afterSeq: number, limit: number) {
      return pageAfter(deps, await getVisitorRow(id, visitorId), afterSeq, limit, true);
    },
  };
}
export type ConversationReads = ReturnType<typeof createConversationReads>;
