import type { TCloseReason, TFolder } from '@charla/protocol';
import { AppError } from '../../lib/app-error';
import type { AuthUser } from '../auth/index';
import type { ConversationViews } from './conversation-views';
import type { ConversationRow, ConversationsStore } from './conversations.store';

function encodeCursor(at: number, id: string): string {
  return Buffer.from(`${at}:${id}`).toString('base64url');
}

function decodeCursor(cursor: string | undefined): { at: number; id: string } | undefined {
  if (!cursor) return undefined;
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split(':');
  const n = Number(at);
  if (!Number.isSafeInteger(n) || !id || !/^[0-9a-f-]{36}$/.test(id))
    throw new AppError('INVALID_CURSOR', { details: [{ path: 'cursor', message: 'Invalid cursor' }] });
  return { at: n, id };
}

/** The inbox folders of a user (R14 in the SQL): a page of one folder, and the counts of all. */
export function createConversationFolders(deps: {
  store: ConversationsStore;
  views: ConversationViews;
  assertLabel?: ((labelId: string) => Promise<unknown>) | undefined;
}) {
  const { store, views } = deps;
  return {
    async listFolder(
      user: AuthUser,
      query: {
        folder: TFolder;
        q?: string | undefined;
        cursor?: string | undefined;
        limit: number;
        teamId?: string | undefined;
        closeReason?: TCloseReason | undefined;
        label?: string | undefined;
      },
    ) {
      if (query.label !== undefined) await deps.assertLabel?.(query.label);
      const rows = await store.listFolder({
        folder: query.folder,
        viewerId: user.id,
        q: query.q,
        teamId: query.teamId,
        closeReason: query.closeReason,
        labelId: query.label,
        cursor: decodeCursor(query.cursor),
        limit: query.limit + 1,
      });
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      const more = rows.length > query.limit && last !== undefined;
      const sortAt = (r: ConversationRow) =>
        query.folder === 'closed' ? (r.closed_at ?? 0) : r.last_message_at;
      return {
        items: await views.conversations(page, user.id),
        nextCursor: more ? encodeCursor(sortAt(last), last.id) : null,
      };
    },

    counts: (user: AuthUser) => store.counts(user.id),
  };
}
