import {
  noteTextProblem,
  parseMessageText,
  type TMessageDto,
  type TNoteRequest,
  type TTimelineEvent,
} from '@charla/protocol';
import { AppError } from '../../lib/app-error';
import type { Clock } from '../../lib/clock';
import type { AuthUser } from '../auth/index';
import type { UsersStore } from '../users/index';
import type { ConversationChanges } from './conversation-changes';
import type { ConversationReads } from './conversation-reads';
import type { ConversationViews } from './conversation-views';
import type { ConversationsStore } from './conversations.store';

type Mentioned = { userId: string; name: string };

/**
 * Private notes (issue 16): messages of the conversation for users only. Anyone who may read the
 * conversation writes them, on any status, closed too (R29); they are timeline events, so every
 * visitor path leaves them out (`isVisitorVisibleEvent`) and no reply clock or preview moves.
 * A mention lets that user read the conversation from then on (R29) and notifies them.
 */
export function createConversationNotes(deps: {
  store: ConversationsStore;
  views: ConversationViews;
  users: UsersStore;
  changes: ConversationChanges;
  reads: ConversationReads;
  clock: Clock;
}) {
  const { store, views, users, changes, reads, clock } = deps;

  /** The mentioned users, each active; anyone else refuses the whole note (nothing is stored). */
  async function loadMentions(ids: string[]): Promise<Mentioned[]> {
    const unique = [...new Set(ids)];
    const rows = await Promise.all(unique.map((id) => users.findById(id)));
    const unknown = unique.filter((id, i) => rows[i]?.active !== 1);
    if (unknown.length > 0)
      throw new AppError('MENTION_USER_UNKNOWN', {
        details: unknown.map((id) => ({ path: 'mentions', message: `Unknown or deactivated user: ${id}` })),
      });
    return rows.map((r) => ({ userId: r!.id, name: r!.name }));
  }

  return {
    async addNote(user: AuthUser, id: string, input: TNoteRequest): Promise<TMessageDto> {
      const row = await reads.getReadableRow(id, user);
      const existing = await store.findByClientMsgId(row.id, input.clientMsgId);
      if (existing) return views.message(existing);
      const problem = noteTextProblem(input.text);
      if (problem) throw new AppError(problem, { details: [{ path: 'text', message: problem }] });
      const mentions = await loadMentions(input.mentions);
      const me = await users.findById(user.id);
      const byName = me?.name ?? user.name;
      const already = new Set((await store.readersOf([row.id])).get(row.id) ?? []);
      const granted = mentions.filter((m) => m.userId !== user.id && !already.has(m.userId));
      // Granted before the note is stored, so its message event already reaches the new readers.
      await store.grantReaders(
        row.id,
        granted.map((m) => m.userId),
        user.id,
        clock.now(),
      );
      const author = { kind: 'user', id: user.id, name: byName, avatarUrl: me?.avatar_url ?? null } as const;
      const note: TTimelineEvent = { type: 'note', mentions };
      const body = parseMessageText(input.text.trim());
      const stored = await changes.appendMessage(row, author, body, {
        clientMsgId: input.clientMsgId,
        meta: { event: note },
      });
      let current = stored.conversation;
      for (const m of granted)
        current = await changes.appendEvent(current, {
          type: 'mentioned',
          byUserId: user.id,
          byName,
          userId: m.userId,
          userName: m.name,
        });
      return stored.message;
    },
  };
}
export type ConversationNotes = ReturnType<typeof createConversationNotes>;
