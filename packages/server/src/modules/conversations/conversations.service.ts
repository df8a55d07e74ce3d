import {
  allowedActionsFor,
  canUserSee,
  isVisitorVisibleEvent,
  refuseWrite,
  transition,
  type ConversationWrite,
  type LifecycleEvent,
  type TConversationAction,
  type TConversationDto,
  type TFolder,
  type TMessageDto,
  type TRichText,
  type TTimelineEvent,
  type TVisitorAnswer,
  type TVisitorConversationDto,
  toPlainText,
} from '@charla/protocol';
import { AppError } from '../../lib/app-error';
import type { Clock } from '../../lib/clock';
import type { DomainEvents } from '../../lib/domain-events';
import { newId } from '../../lib/ids';
import type { Bus } from '../../realtime/bus';
import type { AuthUser } from '../auth/auth.service';
import type { UsersStore } from '../users/users.store';
import type { VisitorsService, ContextInput } from '../visitors/visitors.service';
import { readVisitorContext } from '../visitors/visitors.service';
import type { ConversationAccess, ConversationFacts } from './conversation-access';
import { lifecycleOf, searchTextOf, type MessageMeta } from './conversation-dto';
import type { ConversationViews } from './conversation-views';
import type { ConversationRow, ConversationsStore, MessageRow, NewMessage } from './conversations.store';
import { createKeyedMutex } from './keyed-mutex';
import { readStoredRun } from './stored-run';

/** Who reads a conversation's messages: a user (visibility R14) or its visitor. */
export type MessageViewer = { user: AuthUser } | { visitorId: string };
export type MessagesPage = { items: TMessageDto[]; lastSeq: number; hasMore: boolean };

export type Author = {
  kind: MessageRow['author_kind'];
  id: string | null;
  name: string;
  avatarUrl: string | null;
};

export type ConversationsDeps = {
  store: ConversationsStore;
  views: ConversationViews;
  visitors: VisitorsService;
  users: UsersStore;
  bus: Bus;
  events: DomainEvents;
  clock: Clock;
  node: string;
};

const PREVIEW_CHARS = 140;
const MAX_PAGE = 500;

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

/**
 * The conversation core: loads, lets the pure lifecycle decide, stores with conditional
 * updates, then publishes (bus for realtime, domain events for webhooks and notifications).
 */
export function createConversationsService(deps: ConversationsDeps) {
  const { store, views, visitors, users, bus, events, clock } = deps;
  const withLock = createKeyedMutex();

  /**
   * One page of messages after `afterSeq`. `lastSeq` has one meaning everywhere: the highest
   * sequence number this page accounts for (including internal events a visitor does not see),
   * so `afterSeq = lastSeq` asks for the next page; without more pages it is the conversation's
   * last sequence number.
   */
  async function pageAfter(
    row: ConversationRow,
    afterSeq: number,
    limit: number,
    forVisitor: boolean,
  ): Promise<MessagesPage> {
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

  /** The one lifecycle check for every write that is not itself a transition (R20). */
  function assertWritable(row: ConversationRow, write: ConversationWrite): void {
    const refused = refuseWrite(lifecycleOf(row), write);
    if (refused) throw new AppError(refused);
  }

  async function getRow(id: string): Promise<ConversationRow> {
    const row = id.length <= 64 ? await store.findById(id) : null;
    if (!row) throw new AppError('CONVERSATION_NOT_FOUND');
    return row;
  }

  /** R14: a user who may not see the conversation gets the same 404 as for one that does not exist. */
  async function getVisibleRow(id: string, user: AuthUser): Promise<ConversationRow> {
    const row = await getRow(id);
    if (!canUserSee({ status: row.status, assigneeId: row.assignee_id }, user.id))
      throw new AppError('CONVERSATION_NOT_FOUND');
    return row;
  }

  async function getVisitorRow(id: string, visitorId: string): Promise<ConversationRow> {
    const row = await getRow(id);
    if (row.visitor_id !== visitorId) throw new AppError('CONVERSATION_NOT_FOUND');
    return row;
  }

  /** `previous`: the row before the change (who could see it then is told if they no longer can). */
  async function publishConversation(
    row: ConversationRow,
    previous: Pick<ConversationRow, 'status' | 'assignee_id'>,
  ): Promise<TConversationDto> {
    const dto = await views.conversation(row, '');
    await bus.publish({
      type: 'conversation.changed',
      conversation: dto,
      previous: { status: previous.status, assigneeId: previous.assignee_id },
      originNode: deps.node,
    });
    await publishVisitorState(row);
    return dto;
  }

  /**
   * Tells the visitor's widget its state (status, awaiting the bot's question, outcome) after a
   * change only the visitor sees, such as the bot moving on. Lifecycle changes publish it through
   * publishConversation; it never depends on a read receipt happening to re-send it.
   */
  async function publishVisitorState(row: ConversationRow): Promise<void> {
    await bus.publish({ type: 'visitor.conversation', visitorId: row.visitor_id, conversationId: row.id });
  }

  /** Appends a message, then tells every process; returns the stored message (a retry returns the first). */
  async function appendMessage(
    conversation: ConversationRow,
    author: Author,
    body: TRichText,
    options: {
      clientMsgId?: string | null;
      meta?: MessageMeta;
      patch?: Partial<ConversationRow>;
      /** What this message is to the lifecycle: checked now and again, atomically, as it is stored. */
      write?: ConversationWrite;
    } = {},
  ): Promise<{ message: TMessageDto; conversation: ConversationRow; duplicate: boolean }> {
    if (options.write) assertWritable(conversation, options.write);
    const now = clock.now();
    const isEvent = options.meta?.event !== undefined;
    const preview = isEvent ? null : toPlainText(body).slice(0, PREVIEW_CHARS);
    const row: NewMessage = {
      id: newId(),
      conversation_id: conversation.id,
      author_kind: author.kind,
      author_id: author.id,
      author_name: author.name,
      author_avatar_url: author.avatarUrl,
      client_msg_id: options.clientMsgId ?? null,
      body: JSON.stringify(body),
      meta: options.meta ? JSON.stringify(options.meta) : null,
      created_at: now,
    };
    const result = await store.appendMessage(
      row,
      {
        updated_at: now,
        ...(preview !== null && preview !== ''
          ? { last_message_at: now, last_message_preview: preview }
          : {}),
        ...options.patch,
      },
      options.write ? conversation.status : undefined,
    );
    if (!result) {
      // The state changed under us (closed on another process): the fresh state decides the error.
      if (options.write) assertWritable(await getRow(conversation.id), options.write);
      throw new AppError(options.write ? 'CONFLICT' : 'CONVERSATION_NOT_FOUND');
    }
    const message = views.message(result.message);
    if (!result.duplicate) {
      const dto = await views.conversation(result.conversation, '');
      await bus.publish({ type: 'message.created', conversation: dto, message });
      events.emit('message.created', { conversation: dto, message });
    }
    return { message, conversation: result.conversation, duplicate: result.duplicate };
  }

  async function appendEvent(conversation: ConversationRow, event: TTimelineEvent): Promise<ConversationRow> {
    const result = await appendMessage(
      conversation,
      { kind: 'system', id: null, name: 'Charla', avatarUrl: null },
      { type: 'doc', content: [] },
      { meta: { event } },
    );
    return result.conversation;
  }

  /**
   * Moves a conversation through the lifecycle with one conditional update. On a lost race the
   * fresh state decides the error (e.g. CONVERSATION_ALREADY_ASSIGNED).
   */
  async function applyTransition(
    row: ConversationRow,
    event: LifecycleEvent,
    extra: Partial<ConversationRow> = {},
  ): Promise<ConversationRow> {
    const now = clock.now();
    const decided = transition(lifecycleOf(row), event, now);
    if ('error' in decided) throw new AppError(decided.error);
    const next = decided.next;
    const patch: Partial<ConversationRow> = {
      status: next.status,
      assignee_id: next.assigneeId,
      close_reason: next.closeReason,
      waiting_deadline: next.waitingDeadline,
      updated_at: now,
      ...(next.status === 'waiting' && row.status !== 'waiting' ? { waiting_since: now } : {}),
      ...(next.status === 'assigned' ? { assigned_at: now } : {}),
      ...(next.status === 'closed' ? { closed_at: now } : {}),
      ...extra,
    };
    // Taking a waiting chat races its deadline: the same UPDATE checks it, so the deadline decides.
    const takes = event.type === 'assign' || event.type === 'reassign';
    const won = await store.updateIfState(
      row.id,
      { status: row.status, assigneeId: row.assignee_id, ...(takes ? { beforeDeadline: now } : {}) },
      patch,
    );
    if (!won) {
      const fresh = await getRow(row.id);
      const retry = transition(lifecycleOf(fresh), event, now);
      throw new AppError('error' in retry ? retry.error : 'CONFLICT');
    }
    return { ...row, ...patch };
  }

  function assertAllowed(row: ConversationRow, user: AuthUser, action: TConversationAction): void {
    const allowed = allowedActionsFor({ status: row.status, assigneeId: row.assignee_id }, user.id);
    if (allowed.includes(action)) return;
    if (row.status === 'closed') throw new AppError('CONVERSATION_CLOSED');
    if (action === 'assign' && row.status === 'assigned') throw new AppError('CONVERSATION_ALREADY_ASSIGNED');
    throw new AppError('INVALID_TRANSITION');
  }

  function userAuthor(user: { id: string; name: string; avatarUrl: string | null }): Author {
    return { kind: 'user', id: user.id, name: user.name, avatarUrl: user.avatarUrl };
  }

  async function closedEvent(
    row: ConversationRow,
    reason: 'closed_by_user' | 'visitor_left',
    by: AuthUser | null,
  ): Promise<ConversationRow> {
    return withLock(row.id, async () => {
      const fresh = await getRow(row.id);
      const closed = await applyTransition(fresh, { type: 'close', reason });
      const withEvent = await appendEvent(closed, {
        type: 'closed',
        reason,
        byUserId: by?.id ?? null,
        byName: by?.name ?? null,
      });
      const dto = await publishConversation(withEvent, fresh);
      events.emit('conversation.closed', { conversation: dto });
      return withEvent;
    });
  }

  const service = {
    views,
    getRow,
    getVisibleRow,
    getVisitorRow,
    assertWritable,
    appendMessage,
    appendEvent,
    applyTransition,
    publishConversation,
    publishVisitorState,
    withLock,

    // ---- users (agents) ----

    async listFolder(
      user: AuthUser,
      query: { folder: TFolder; q?: string | undefined; cursor?: string | undefined; limit: number },
    ) {
      const rows = await store.listFolder({
        folder: query.folder,
        viewerId: user.id,
        q: query.q,
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

    async getDtoForUser(user: AuthUser, id: string): Promise<TConversationDto> {
      return views.conversation(await getVisibleRow(id, user), user.id);
    },

    async messagesForUser(user: AuthUser, id: string, afterSeq: number, limit: number) {
      return pageAfter(await getVisibleRow(id, user), afterSeq, limit, false);
    },

    /**
     * Every message of a conversation after `afterSeq`, page by page, as this viewer may see them:
     * the one reading path of subscribe, resync and replay. Visibility is checked on every page.
     */
    async *streamMessages(viewer: MessageViewer, id: string, afterSeq: number): AsyncGenerator<MessagesPage> {
      let after = afterSeq;
      for (;;) {
        const row =
          'user' in viewer ? await getVisibleRow(id, viewer.user) : await getVisitorRow(id, viewer.visitorId);
        const page = await pageAfter(row, after, MAX_PAGE, !('user' in viewer));
        yield page;
        if (!page.hasMore) return;
        after = page.lastSeq;
      }
    },

    async userMessage(
      user: AuthUser,
      id: string,
      clientMsgId: string,
      body: TRichText,
    ): Promise<TMessageDto> {
      const row = await getVisibleRow(id, user);
      const existing = await store.findByClientMsgId(row.id, clientMsgId);
      if (existing) return views.message(existing);
      const me = await users.findById(user.id);
      const { message } = await appendMessage(
        row,
        userAuthor({ id: user.id, name: me?.name ?? user.name, avatarUrl: me?.avatar_url ?? null }),
        body,
        { clientMsgId, write: { kind: 'user_message', userId: user.id } },
      );
      return message;
    },

    /** Assign to me (R12): exactly one of many concurrent callers wins; the visitor is told who joined. */
    async assignToMe(user: AuthUser, id: string): Promise<TConversationDto> {
      const row = await getRow(id);
      // Whoever lost the race gets 409, not 404: they saw the chat in Unassigned a moment ago.
      // Nothing else about the conversation is revealed.
      if (row.status === 'assigned' && row.assignee_id !== user.id)
        throw new AppError('CONVERSATION_ALREADY_ASSIGNED');
      assertAllowed(row, user, 'assign');
      const assigned = await applyTransition(row, { type: 'assign', userId: user.id });
      const me = await users.findById(user.id);
      const withEvent = await appendEvent(assigned, {
        type: 'joined',
        userId: user.id,
        userName: me?.name ?? user.name,
        avatarUrl: me?.avatar_url ?? null,
      });
      const dto = await publishConversation(withEvent, row);
      events.emit('conversation.assigned', { conversation: dto, assigneeId: user.id, byUserId: user.id });
      return views.conversation(withEvent, user.id);
    },

    /** R15: move to another user, or to Unassigned (toUserId null). */
    async reassign(user: AuthUser, id: string, toUserId: string | null): Promise<TConversationDto> {
      const row = await getVisibleRow(id, user);
      assertAllowed(row, user, toUserId === null ? 'unassign' : 'reassign');
      const me = await users.findById(user.id);
      const byName = me?.name ?? user.name;
      if (toUserId === null) {
        const unassigned = await applyTransition(row, { type: 'unassign' });
        const withEvent = await appendEvent(unassigned, { type: 'unassigned', byUserId: user.id, byName });
        const dto = await publishConversation(withEvent, row);
        events.emit('conversation.unassigned', { conversation: dto });
        return views.conversation(withEvent, user.id);
      }
      const target = toUserId.length <= 64 ? await users.findById(toUserId) : null;
      if (!target || target.active !== 1) throw new AppError('USER_NOT_FOUND');
      const moved = await applyTransition(row, { type: 'reassign', toUserId: target.id });
      let withEvent = await appendEvent(moved, {
        type: 'reassigned',
        byUserId: user.id,
        byName,
        toUserId: target.id,
        toName: target.name,
      });
      withEvent = await appendEvent(withEvent, {
        type: 'joined',
        userId: target.id,
        userName: target.name,
        avatarUrl: target.avatar_url,
      });
      const dto = await publishConversation(withEvent, row);
      events.emit('conversation.assigned', { conversation: dto, assigneeId: target.id, byUserId: user.id });
      return views.conversation(withEvent, user.id);
    },

    /** R19: ends the chat for the visitor; R20: nothing reopens it. */
    async close(user: AuthUser, id: string): Promise<TConversationDto> {
      const row = await getVisibleRow(id, user);
      assertAllowed(row, user, 'close');
      return views.conversation(await closedEvent(row, 'closed_by_user', user), user.id);
    },

    async markRead(side: 'visitor' | 'user', row: ConversationRow, seq: number): Promise<void> {
      // Widgets and inboxes report reads for every message they show: most change nothing, and
      // those must not fan out a conversation update to every open inbox.
      if (!(await store.setReadSeq(row.id, side, seq))) return;
      await bus.publish({ type: 'read', conversationId: row.id, visitorId: row.visitor_id, side, seq });
      // Every open inbox shows the new read position (unread dots), not only the reader's.
      await publishConversation(await getRow(row.id), row);
    },

    // ---- visitors ----

    async listForVisitor(visitorId: string): Promise<TVisitorConversationDto[]> {
      const rows = await store.listForVisitor(visitorId, 20);
      return Promise.all(rows.map((r) => views.forVisitor(r)));
    },

    async getForVisitor(visitorId: string, id: string): Promise<TVisitorConversationDto> {
      return views.forVisitor(await getVisitorRow(id, visitorId));
    },

    /** The visitor's view of the timeline: their chat and "joined"/"closed" events, never internal ones. */
    async messagesForVisitor(visitorId: string, id: string, afterSeq: number, limit: number) {
      return pageAfter(await getVisitorRow(id, visitorId), afterSeq, limit, true);
    },

    /** A message the visitor typed to a person (waiting or assigned). Bot answers go through the runner. */
    async visitorMessage(
      visitorId: string,
      row: ConversationRow,
      clientMsgId: string,
      body: TRichText,
    ): Promise<TMessageDto> {
      const existing = await store.findByClientMsgId(row.id, clientMsgId);
      if (existing) return views.message(existing);
      assertWritable(row, { kind: 'visitor_message' });
      const visitor = await visitors.findById(visitorId);
      const name = row.visitor_name ?? `Visitor #${visitor?.number ?? ''}`;
      const { message } = await appendMessage(
        row,
        { kind: 'visitor', id: visitorId, name, avatarUrl: null },
        body,
        { clientMsgId, write: { kind: 'visitor_message' } },
      );
      return message;
    },

    async visitorLeave(visitorId: string, id: string): Promise<TVisitorConversationDto> {
      const row = await getVisitorRow(id, visitorId);
      assertWritable(row, { kind: 'leave' });
      return views.forVisitor(await closedEvent(row, 'visitor_left', null));
    },

    /** Typing is relayed, never stored; it still obeys the lifecycle (closed stays closed). */
    async visitorTyping(visitorId: string, id: string, active: boolean, preview?: string): Promise<void> {
      const row = await getVisitorRow(id, visitorId);
      assertWritable(row, { kind: 'typing', from: 'visitor' });
      await bus.publish({
        type: 'typing',
        conversationId: row.id,
        visitorId,
        assigneeId: row.assignee_id,
        status: row.status,
        from: 'visitor',
        name: row.visitor_name ?? 'Visitor',
        active,
        ...(preview ? { preview } : {}),
      });
    },

    /** Only the assignee's typing reaches the visitor. */
    async userTyping(user: AuthUser, id: string, active: boolean): Promise<void> {
      const row = await getVisibleRow(id, user);
      assertWritable(row, { kind: 'typing', from: 'user', userId: user.id });
      await bus.publish({
        type: 'typing',
        conversationId: row.id,
        visitorId: row.visitor_id,
        assigneeId: row.assignee_id,
        status: row.status,
        from: 'user',
        userId: user.id,
        name: user.name,
        active,
      });
    },

    /**
     * `Charla.identify()` from the host page: remembered for the visitor's next conversations and
     * shown in their open ones, without overriding what they told the bot.
     */
    async identifyVisitor(
      visitorId: string,
      identity: { name?: string | undefined; email?: string | undefined },
    ): Promise<void> {
      await this.recordContext(visitorId, { identity });
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
        await publishConversation({ ...row, ...patch }, row);
      }
    },

    async recordContext(visitorId: string, input: ContextInput) {
      const context = await visitors.recordContext(visitorId, input);
      views.forgetVisitor(visitorId);
      return context;
    },

    // ---- ConversationAccess for other modules ----
    access: {} as ConversationAccess,
  };

  async function facts(row: ConversationRow): Promise<ConversationFacts> {
    const visitor = await visitors.findById(row.visitor_id);
    const run = readStoredRun(row.run_state).run;
    return {
      id: row.id,
      status: row.status,
      assigneeId: row.assignee_id,
      visitorId: row.visitor_id,
      visitorNumber: visitor?.number ?? 0,
      capturedVars: run?.vars ?? {},
      visitorContext: visitor
        ? readVisitorContext(visitor)
        : {
            pageUrl: null,
            pageTitle: null,
            referrer: null,
            userAgent: null,
            language: null,
            timeZone: null,
            firstSeenAt: row.created_at,
            pagesSeen: [],
          },
      async transcript() {
        const lines: string[] = [];
        let after = 0;
        for (;;) {
          const page = await store.messagesAfter(row.id, after, MAX_PAGE);
          for (const m of page) {
            const dto = views.message(m);
            if (dto.event) continue;
            const text = toPlainText(dto.body);
            if (text) lines.push(`[${new Date(dto.createdAt).toISOString()}] ${dto.author.name}: ${text}`);
          }
          if (page.length < MAX_PAGE) break;
          after = page.at(-1)?.seq ?? after;
        }
        return lines.join('\n');
      },
    };
  }

  service.access = {
    async getForUser(conversationId, user) {
      return facts(await getVisibleRow(conversationId, user));
    },
    async getFacts(conversationId) {
      return facts(await getRow(conversationId));
    },
    async appendEvent(conversationId, event) {
      const row = await getRow(conversationId);
      assertWritable(row, { kind: 'crm_marker' });
      await appendEvent(row, event);
    },
    async identityChanged(conversationId) {
      const row = await getRow(conversationId);
      await publishConversation(row, row);
    },
  };

  return service;
}
export type ConversationsService = ReturnType<typeof createConversationsService>;

export type { TVisitorAnswer };
