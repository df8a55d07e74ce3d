import {
  visitorNumberLabel,
  watchdogDeadlineAfter,
  type OwnershipMoment,
  type TConversationActivity,
  type TMessageDto,
  type TRichText,
} from '@charla/protocol';
import type { Clock } from '../../lib/clock';
import type { AuthUser } from '../auth/index';
import type { ContextInput, IdentityInput, VisitorsService } from '../visitors/index';
import type { ConversationChanges } from './conversation-changes';
import { activityOfRow, searchTextOf } from './conversation-dto';
import type { ConversationReads } from './conversation-reads';
import type { ConversationViews } from './conversation-views';
import type { ConversationRow, ConversationsStore, MessageRow } from './conversations.store';
import type { Db } from '../../db/database';
import { readRouting } from './routing-columns';
import type { MessageFiles } from '../attachments/index';

type Uploader = { kind: 'visitor' | 'user'; id: string };

/** The options that send files with a message (issue 17): their metadata, and their claim in its transaction. */
async function filesOptions(files: MessageFiles, conversationId: string, uploader: Uploader, ids: string[]) {
  if (ids.length === 0) return {};
  const attachments = await files.prepare(conversationId, uploader, ids);
  return {
    meta: { attachments },
    within: (tx: Db, message: MessageRow) => files.claim(tx, conversationId, uploader, ids, message.id),
  };
}

/** A user as the author of their message: their name and picture, as the conversation DTOs show them. */
async function userAuthor(views: ConversationViews, user: AuthUser) {
  const me = await views.author(user.id);
  return {
    kind: 'user',
    id: user.id,
    name: me?.name ?? user.name,
    avatarUrl: me?.avatarUrl ?? null,
  } as const;
}

/** The reply clock of an assigned chat after a message (issue 19); {} when nothing changes. */
function replyClockPatch(row: ConversationRow, moment: OwnershipMoment, now: number) {
  if (row.status !== 'assigned') return {};
  const minutes = readRouting(row.routing)?.replyMinutes ?? null;
  const next = watchdogDeadlineAfter(moment, minutes, row.watchdog_deadline, now);
  return next === row.watchdog_deadline ? {} : { patch: { watchdog_deadline: next } };
}

/**
 * Sends, and answers a retried send with the stored message. No read before every insert (issue
 * 25): a copy stops at the unique index on the client id and the store answers with the stored
 * one; only a send refused before that (closed since, files already claimed) looks it up here.
 */
async function orStored<T>(
  store: Pick<ConversationsStore, 'findByClientMsgId'>,
  at: { conversationId: string; clientMsgId: string },
  stored: (message: MessageRow) => T,
  send: () => Promise<T>,
): Promise<T> {
  try {
    return await send();
  } catch (error) {
    const existing = await store.findByClientMsgId(at.conversationId, at.clientMsgId);
    if (existing) return stored(existing);
    throw error;
  }
}

/**
 * Chat between a visitor and a person: messages and the visitor's identity (typing is in
 * conversation-typing.ts).
 */
export function createConversationChat(deps: {
  store: ConversationsStore;
  views: ConversationViews;
  visitors: VisitorsService;
  changes: ConversationChanges;
  reads: ConversationReads;
  clock: Clock;
  files: MessageFiles;
}) {
  const { store, views, visitors, changes, reads, clock, files } = deps;

  async function recordContext(visitorId: string, input: ContextInput) {
    const context = await visitors.recordContext(visitorId, input);
    views.forgetVisitor(visitorId);
    return context;
  }

  return {
    recordContext,

    async userMessage(
      user: AuthUser,
      id: string,
      clientMsgId: string,
      body: TRichText,
      attachmentIds: string[] = [],
    ): Promise<{ message: TMessageDto; activity: TConversationActivity }> {
      const row = await reads.getVisibleRow(id, user);
      const retried = (m: MessageRow) => ({ message: views.message(m), activity: activityOfRow(row) });
      return orStored(store, { conversationId: row.id, clientMsgId }, retried, async () => {
        const author = await userAuthor(views, user);
        const write = { kind: 'user_message', userId: user.id } as const;
        const moment = { kind: 'user_message', byAssignee: row.assignee_id === user.id } as const;
        const replyClock = replyClockPatch(row, moment, clock.now());
        changes.assertWritable(row, write);
        const sent = await filesOptions(files, row.id, { kind: 'user', id: user.id }, attachmentIds);
        const options = { clientMsgId, write, ...replyClock, ...sent };
        const stored = await changes.appendMessage(row, author, body, options);
        return { message: stored.message, activity: activityOfRow(stored.conversation) };
      });
    },

    /** A message the visitor typed to a person (waiting or assigned). Bot answers go through the runner. */
    async visitorMessage(
      visitorId: string,
      row: ConversationRow,
      clientMsgId: string,
      body: TRichText,
      attachmentIds: string[] = [],
    ): Promise<TMessageDto> {
      const retried = (message: MessageRow) => views.message(message);
      return orStored(store, { conversationId: row.id, clientMsgId }, retried, async () => {
        changes.assertWritable(row, { kind: 'visitor_message' });
        const name =
          row.visitor_name ?? visitorNumberLabel(await views.visitorNumber(visitorId), row.language);
        const author = { kind: 'visitor', id: visitorId, name, avatarUrl: null } as const;
        const write = { kind: 'visitor_message' } as const;
        const replyClock = replyClockPatch(row, { kind: 'visitor_message' }, clock.now());
        const sent = await filesOptions(files, row.id, { kind: 'visitor', id: visitorId }, attachmentIds);
        const options = { clientMsgId, write, ...replyClock, ...sent };
        return (await changes.appendMessage(row, author, body, options)).message;
      });
    },

    /**
     * `Charla.identify()` from the host page: remembered for the visitor's next conversations and
     * shown in their open ones, without overriding what they told the bot.
     */
    async identifyVisitor(visitorId: string, identity: IdentityInput): Promise<void> {
      await recordContext(visitorId, { identity });
      const visitor = await visitors.findById(visitorId);
      for (const row of await store.listForVisitor(visitorId, 20)) {
        if (row.status === 'closed') continue;
        const name = row.visitor_name ?? identity.name ?? null;
        const email = row.visitor_email ?? identity.email ?? null;
        if (name === row.visitor_name && email === row.visitor_email) continue;
        const patch = {
          visitor_name: name,
          visitor_email: email,
          search_text: searchTextOf({ name, email, number: visitor?.number ?? 0 }),
        };
        await store.update(row.id, patch);
        await changes.changed({ ...row, ...patch }, row);
      }
    },
  };
}
