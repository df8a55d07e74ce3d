import type { TConversationDto, TMessageDto } from '@charla/protocol';
import { describe, expect, it } from 'vitest';
import { testMessage } from './message-fixture.test-helper';
import { inboxReducer, initialInboxState, sendQueue, type InboxState } from './inbox-state';

const ME = 'user-me';

function conversation(overrides: Partial<TConversationDto> = {}): TConversationDto {
  return {
    id: 'c1',
    status: 'waiting',
    closeReason: null,
    visitor: {
      id: 'v1',
      number: 1234,
      displayName: 'Visitor #1234',
      email: null,
      context: {
        pageUrl: null,
        pageTitle: null,
        referrer: null,
        userAgent: null,
        language: null,
        timeZone: null,
        firstSeenAt: 0,
        pagesSeen: [],
      },
    },
    playbook: null,
    assignee: null,
    language: 'en',
    createdAt: 0,
    waitingSince: 100,
    waitingDeadline: null,
    assignedAt: null,
    closedAt: null,
    lastMessageAt: 100,
    lastMessagePreview: 'hi',
    lastSeq: 1,
    userReadSeq: 0,
    visitorReadSeq: 0,
    allowedActions: ['assign'],
    labels: [],
    ...overrides,
  };
}

function message(seq: number, overrides: Partial<TMessageDto> = {}): TMessageDto {
  return testMessage(seq, seq, {
    author: { kind: 'visitor', id: null, name: 'Visitor', avatarUrl: null },
    ...overrides,
  });
}

function readyState(): InboxState {
  let state = initialInboxState(ME);
  for (const folder of ['unassigned', 'mine', 'closed'] as const) {
    state = inboxReducer(state, {
      type: 'folder_loaded',
      folder,
      query: '',
      items: [],
      nextCursor: null,
      append: false,
    });
  }
  return state;
}

describe('inboxReducer', () => {
  it('moves a conversation from Unassigned to Mine when I am assigned', () => {
    let state = inboxReducer(readyState(), { type: 'conversation', conversation: conversation() });
    expect(state.folders.unassigned.ids).toEqual(['c1']);
    state = inboxReducer(state, {
      type: 'conversation',
      conversation: conversation({
        status: 'assigned',
        lastSeq: 2,
        assignee: { id: ME, name: 'Me', avatarUrl: null },
      }),
    });
    expect(state.folders.unassigned.ids).toEqual([]);
    expect(state.folders.mine.ids).toEqual(['c1']);
  });

  it('sorts Unassigned by longest waiting first', () => {
    let state = inboxReducer(readyState(), {
      type: 'conversation',
      conversation: conversation({ id: 'late', waitingSince: 500 }),
    });
    state = inboxReducer(state, {
      type: 'conversation',
      conversation: conversation({ id: 'early', waitingSince: 50 }),
    });
    expect(state.folders.unassigned.ids).toEqual(['early', 'late']);
  });

  it('does not add rows to a search result list', () => {
    let state = inboxReducer(initialInboxState(ME), {
      type: 'folder_loaded',
      folder: 'unassigned',
      query: 'anna',
      items: [],
      nextCursor: null,
      append: false,
    });
    state = inboxReducer(state, { type: 'conversation', conversation: conversation() });
    expect(state.folders.unassigned.ids).toEqual([]);
  });

  it('ignores an older snapshot that arrives after a newer one', () => {
    let state = inboxReducer(readyState(), {
      type: 'conversation',
      conversation: conversation({ lastSeq: 5, lastMessagePreview: 'new' }),
    });
    state = inboxReducer(state, {
      type: 'conversation',
      conversation: conversation({ lastSeq: 3, lastMessagePreview: 'old' }),
    });
    expect(state.conversations.c1?.lastMessagePreview).toBe('new');
  });

  // The inbox fetches its lists again when its socket is ready; the chat opened at page load was
  // read meanwhile, and a list read before the read was stored must not bring its dot back.
  it('keeps a read made here when a list fetched before it answers', () => {
    const mine = { status: 'assigned' as const, assignee: { id: ME, name: 'Me', avatarUrl: null } };
    let state = inboxReducer(readyState(), {
      type: 'conversation',
      conversation: conversation({ ...mine, lastSeq: 4, userReadSeq: 2, visitorReadSeq: 4 }),
    });
    state = inboxReducer(state, { type: 'read', conversationId: 'c1', side: 'user', seq: 4 });
    state = inboxReducer(state, {
      type: 'folder_loaded',
      folder: 'mine',
      query: '',
      items: [
        conversation({ ...mine, lastSeq: 4, userReadSeq: 2, visitorReadSeq: 3, lastMessagePreview: 'again' }),
      ],
      nextCursor: null,
      append: false,
    });
    expect(state.conversations.c1).toMatchObject({
      userReadSeq: 4,
      visitorReadSeq: 4,
      lastMessagePreview: 'again',
    });
    expect(state.folders.mine.ids).toEqual(['c1']);
  });

  it('keeps the newer snapshot when a list answers after a frame', () => {
    let state = inboxReducer(readyState(), {
      type: 'conversation',
      conversation: conversation({ lastSeq: 5, lastMessagePreview: 'new' }),
    });
    state = inboxReducer(state, {
      type: 'folder_loaded',
      folder: 'unassigned',
      query: '',
      items: [conversation({ lastSeq: 3, lastMessagePreview: 'old' })],
      nextCursor: null,
      append: false,
    });
    expect(state.conversations.c1?.lastMessagePreview).toBe('new');
  });

  it('forgets a removed conversation everywhere and remembers it was removed', () => {
    let state = inboxReducer(readyState(), { type: 'conversation', conversation: conversation() });
    state = inboxReducer(state, { type: 'thread_loaded', conversationId: 'c1', messages: [message(1)] });
    state = inboxReducer(state, { type: 'conversation_removed', conversationId: 'c1' });
    expect(state.folders.unassigned.ids).toEqual([]);
    expect(state.threads.c1).toBeUndefined();
    expect(state.removed.c1).toBe(true);
  });

  it('drops the pending copy when the acked message arrives', () => {
    let state = inboxReducer(readyState(), {
      type: 'thread_loaded',
      conversationId: 'c1',
      messages: [message(1)],
    });
    state = inboxReducer(state, {
      type: 'pending_add',
      conversationId: 'c1',
      pending: {
        clientMsgId: 'abc',
        body: { type: 'doc', content: [] },
        createdAt: 1,
        queuedAt: 1,
        state: 'sending',
      },
    });
    expect(state.pending.c1).toHaveLength(1);
    state = inboxReducer(state, {
      type: 'messages',
      conversationId: 'c1',
      messages: [
        message(2, { clientMsgId: 'abc', author: { kind: 'user', id: ME, name: 'Me', avatarUrl: null } }),
      ],
    });
    expect(state.pending.c1).toEqual([]);
    expect(state.threads.c1?.messages.map((m) => m.seq)).toEqual([1, 2]);
  });

  it('keeps one send queue across conversations in typed order; a refused one fails with its code, a retry goes last', () => {
    const pending = (clientMsgId: string, queuedAt: number) => ({
      clientMsgId,
      body: { type: 'doc' as const, content: [] },
      createdAt: queuedAt,
      queuedAt,
      state: 'sending' as const,
    });
    let state = readyState();
    state = inboxReducer(state, { type: 'pending_add', conversationId: 'c1', pending: pending('a', 1) });
    state = inboxReducer(state, { type: 'pending_add', conversationId: 'c2', pending: pending('b', 2) });
    state = inboxReducer(state, { type: 'pending_add', conversationId: 'c1', pending: pending('c', 3) });
    expect(sendQueue(state).map((p) => [p.conversationId, p.clientMsgId])).toEqual([
      ['c1', 'a'],
      ['c2', 'b'],
      ['c1', 'c'],
    ]);
    state = inboxReducer(state, {
      type: 'pending_failed',
      conversationId: 'c1',
      clientMsgId: 'a',
      error: 'FRAME_TOO_LARGE',
    });
    expect(state.pending.c1?.[0]).toMatchObject({ state: 'failed', error: 'FRAME_TOO_LARGE' });
    // Retrying one still sending changes nothing: it keeps its place.
    expect(
      inboxReducer(state, { type: 'pending_retry', conversationId: 'c1', clientMsgId: 'c', queuedAt: 9 }),
    ).toBe(state);
    state = inboxReducer(state, {
      type: 'pending_retry',
      conversationId: 'c1',
      clientMsgId: 'a',
      queuedAt: 4,
    });
    expect(sendQueue(state).map((p) => [p.clientMsgId, p.state])).toEqual([
      ['b', 'sending'],
      ['c', 'sending'],
      ['a', 'sending'],
    ]);
    expect(state.pending.c1?.map((p) => p.clientMsgId)).toEqual(['c', 'a']);
  });

  it('clears the typing indicator when the visitor’s message arrives', () => {
    let state = inboxReducer(readyState(), { type: 'thread_loaded', conversationId: 'c1', messages: [] });
    state = inboxReducer(state, {
      type: 'typing',
      conversationId: 'c1',
      name: 'Anna',
      active: true,
      preview: 'hel',
      now: 0,
    });
    expect(state.typing.c1?.preview).toBe('hel');
    state = inboxReducer(state, { type: 'messages', conversationId: 'c1', messages: [message(1)] });
    expect(state.typing.c1).toBeUndefined();
  });
});

describe('history paged back (issue 25)', () => {
  const loaded = (messages: TMessageDto[], hasOlder: boolean) =>
    inboxReducer(readyState(), { type: 'thread_loaded', conversationId: 'c1', messages, hasOlder });

  it('opens on the latest page, replacing what an earlier visit held', () => {
    let state = loaded([message(1), message(2)], false);
    state = inboxReducer(state, { type: 'thread_loading', conversationId: 'c1' });
    state = inboxReducer(state, {
      type: 'thread_loaded',
      conversationId: 'c1',
      messages: [message(9), message(10)],
      hasOlder: true,
    });
    expect(state.threads.c1?.messages.map((m) => m.seq)).toEqual([9, 10]);
    expect(state.threads.c1?.older).toBe('more');
  });

  it('keeps only the latest page of a thread that left the screen', () => {
    const messages = Array.from({ length: 250 }, (_, i) => message(i + 1));
    let state = loaded(messages, false);
    state = inboxReducer(state, { type: 'thread_closed', conversationId: 'c1', keep: 100 });
    expect(state.threads.c1?.messages.map((m) => m.seq)).toEqual(messages.slice(-100).map((m) => m.seq));
    expect(state.threads.c1?.older).toBe('more');
    const short = loaded([message(1)], false);
    expect(inboxReducer(short, { type: 'thread_closed', conversationId: 'c1', keep: 100 })).toBe(short);
  });

  it('puts older pages first and knows when the first message is held', () => {
    let state = loaded([message(5), message(6)], true);
    state = inboxReducer(state, { type: 'older_loading', conversationId: 'c1' });
    expect(state.threads.c1?.older).toBe('loading');
    state = inboxReducer(state, {
      type: 'older_loaded',
      conversationId: 'c1',
      beforeSeq: 5,
      messages: [message(3), message(4)],
      hasOlder: false,
    });
    expect(state.threads.c1?.messages.map((m) => m.seq)).toEqual([3, 4, 5, 6]);
    expect(state.threads.c1?.older).toBe('none');
  });

  it('ignores an older page for a thread loaded afresh meanwhile, and records a failure', () => {
    let state = loaded([message(5), message(6)], true);
    state = inboxReducer(state, { type: 'older_loading', conversationId: 'c1' });
    state = inboxReducer(state, {
      type: 'thread_loaded',
      conversationId: 'c1',
      messages: [message(20)],
      hasOlder: true,
    });
    state = inboxReducer(state, {
      type: 'older_loaded',
      conversationId: 'c1',
      beforeSeq: 5,
      messages: [message(3), message(4)],
      hasOlder: false,
    });
    expect(state.threads.c1?.messages.map((m) => m.seq)).toEqual([20]);
    state = inboxReducer(state, { type: 'older_failed', conversationId: 'c1' });
    expect(state.threads.c1?.older).toBe('error');
  });

  it('keeps live messages after the latest page', () => {
    let state = loaded([message(5)], true);
    state = inboxReducer(state, { type: 'messages', conversationId: 'c1', messages: [message(6)] });
    expect(state.threads.c1?.messages.map((m) => m.seq)).toEqual([5, 6]);
    expect(state.threads.c1?.older).toBe('more');
  });
});

describe('read positions (issue 25: `read` frames instead of the whole conversation)', () => {
  const seen = (state: InboxState) => {
    const c = state.conversations.c1!;
    return [c.userReadSeq, c.visitorReadSeq];
  };

  it('moves each side forward from its own frame, never back', () => {
    let state = inboxReducer(readyState(), {
      type: 'conversation',
      conversation: conversation({ lastSeq: 9 }),
    });
    state = inboxReducer(state, { type: 'read', conversationId: 'c1', side: 'user', seq: 5 });
    state = inboxReducer(state, { type: 'read', conversationId: 'c1', side: 'visitor', seq: 7 });
    expect(seen(state)).toEqual([5, 7]);
    const same = inboxReducer(state, { type: 'read', conversationId: 'c1', side: 'user', seq: 3 });
    expect(same).toBe(state);
  });

  it('keeps the later positions when an older snapshot of the conversation arrives', () => {
    let state = inboxReducer(readyState(), {
      type: 'conversation',
      conversation: conversation({ lastSeq: 9 }),
    });
    state = inboxReducer(state, { type: 'read', conversationId: 'c1', side: 'user', seq: 9 });
    state = inboxReducer(state, { type: 'read', conversationId: 'c1', side: 'visitor', seq: 8 });
    // A list answer fetched before the reads lands after them.
    state = inboxReducer(state, {
      type: 'conversation',
      conversation: conversation({ lastSeq: 9, lastMessagePreview: 'later text', userReadSeq: 4 }),
    });
    expect(seen(state)).toEqual([9, 8]);
    expect(state.conversations.c1!.lastMessagePreview).toBe('later text');
  });

  it('ignores a read of a conversation the inbox does not hold', () => {
    const state = readyState();
    expect(inboxReducer(state, { type: 'read', conversationId: 'nope', side: 'user', seq: 1 })).toBe(state);
  });
});

describe('older snapshots', () => {
  it('never undo a newer status: a list answer from before an Assign lands after it', () => {
    let state = inboxReducer(readyState(), {
      type: 'conversation',
      conversation: conversation({ lastSeq: 3 }),
    });
    const assigned = conversation({
      lastSeq: 4,
      status: 'assigned',
      assignee: { id: ME, name: 'Me', avatarUrl: null },
      allowedActions: ['edit_panel', 'send'],
    });
    state = inboxReducer(state, { type: 'conversation', conversation: assigned });
    const stale = inboxReducer(state, { type: 'conversation', conversation: conversation({ lastSeq: 3 }) });
    expect(stale.conversations.c1!.status).toBe('assigned');
    expect(stale.conversations.c1!.allowedActions).toContain('edit_panel');
  });

  it('never undo a newer status when they come in a folder page', () => {
    const assigned = conversation({
      lastSeq: 4,
      status: 'assigned',
      assignee: { id: ME, name: 'Me', avatarUrl: null },
      allowedActions: ['edit_panel', 'send'],
    });
    let state = inboxReducer(readyState(), { type: 'conversation', conversation: assigned });
    state = inboxReducer(state, {
      type: 'folder_loaded',
      folder: 'unassigned',
      query: '',
      items: [conversation({ lastSeq: 3 }), conversation({ id: 'c2', lastSeq: 2 })],
      nextCursor: null,
      append: false,
    });
    expect(state.conversations.c1!.allowedActions).toContain('edit_panel');
    expect(state.conversations.c2!.lastSeq).toBe(2);
  });
});

describe('a message’s activity (issue 25: the conversation is not sent again with each message)', () => {
  const mine = (id: string, lastMessageAt: number) =>
    conversation({
      id,
      status: 'assigned',
      assignee: { id: ME, name: 'Me', avatarUrl: null },
      lastMessageAt,
      lastSeq: 3,
      routing: { team: null, watchdogDeadline: 500, whenOffline: false },
    });
  const activity = { lastSeq: 4, lastMessageAt: 900, lastMessagePreview: 'new text', watchdogDeadline: null };

  it('updates the row in place and moves it to the top of Mine', () => {
    let state = inboxReducer(readyState(), { type: 'conversation', conversation: mine('c1', 100) });
    state = inboxReducer(state, { type: 'conversation', conversation: mine('c2', 200) });
    expect(state.folders.mine.ids).toEqual(['c2', 'c1']);
    state = inboxReducer(state, { type: 'activity', conversationId: 'c1', activity });
    const c1 = state.conversations.c1!;
    expect([c1.lastSeq, c1.lastMessageAt, c1.lastMessagePreview]).toEqual([4, 900, 'new text']);
    expect(c1.routing?.watchdogDeadline).toBeNull();
    expect(c1.status).toBe('assigned');
    expect(state.folders.mine.ids).toEqual(['c1', 'c2']);
  });

  it('ignores an activity older than what the inbox holds, and one of a conversation it does not hold', () => {
    const state = inboxReducer(readyState(), { type: 'conversation', conversation: mine('c1', 100) });
    const newer = inboxReducer(state, {
      type: 'conversation',
      conversation: { ...mine('c1', 950), lastSeq: 5 },
    });
    expect(inboxReducer(newer, { type: 'activity', conversationId: 'c1', activity })).toBe(newer);
    expect(inboxReducer(state, { type: 'activity', conversationId: 'nope', activity })).toBe(state);
  });
});

// A list fetch and the socket run side by side (the first fetches start at the socket's `ready`,
// a reconnect fetches again): a page read before a frame must not undo what the frame did.
describe('a list page answering after frames that came while it loaded', () => {
  const loading = (state: InboxState, folder: 'unassigned' | 'mine' = 'unassigned') =>
    inboxReducer(state, { type: 'folder_loading', folder, query: '' });
  const page = (items: TConversationDto[], query = '') =>
    ({ type: 'folder_loaded', folder: 'unassigned', query, items, nextCursor: null, append: false }) as const;

  it('keeps a chat that arrived while the page was read', () => {
    let state = loading(initialInboxState(ME));
    state = inboxReducer(state, {
      type: 'conversation',
      conversation: conversation({ id: 'new', waitingSince: 900 }),
    });
    state = inboxReducer(state, page([conversation({ id: 'old', waitingSince: 50 })]));
    expect(state.folders.unassigned.ids).toEqual(['old', 'new']);
    // The next load starts afresh: a page without the chat is the truth then.
    state = inboxReducer(loading(state), page([conversation({ id: 'old', waitingSince: 50 })]));
    expect(state.folders.unassigned.ids).toEqual(['old']);
  });

  it('keeps out a chat taken from sight or moved away while the page was read', () => {
    let state = inboxReducer(readyState(), {
      type: 'conversation',
      conversation: conversation({ id: 'gone' }),
    });
    state = inboxReducer(state, { type: 'conversation', conversation: conversation({ id: 'taken' }) });
    state = loading(state);
    state = inboxReducer(state, { type: 'conversation_removed', conversationId: 'gone' });
    const mine = { status: 'assigned' as const, assignee: { id: ME, name: 'Me', avatarUrl: null } };
    state = inboxReducer(state, {
      type: 'conversation',
      conversation: conversation({ id: 'taken', ...mine, lastSeq: 2 }),
    });
    state = inboxReducer(
      state,
      page([conversation({ id: 'gone' }), conversation({ id: 'taken' }), conversation({ id: 'c9' })]),
    );
    expect(state.folders.unassigned.ids).toEqual(['c9']);
    expect(state.folders.mine.ids).toEqual(['taken']);
  });

  it('leaves a search’s results to the server', () => {
    let state = inboxReducer(readyState(), {
      type: 'conversation',
      conversation: conversation({ id: 'hit' }),
    });
    state = inboxReducer(state, { type: 'folder_loading', folder: 'unassigned', query: 'anna' });
    state = inboxReducer(state, {
      type: 'conversation',
      conversation: conversation({ id: 'hit', lastSeq: 2 }),
    });
    state = inboxReducer(state, page([conversation({ id: 'other' })], 'anna'));
    expect(state.folders.unassigned.ids).toEqual(['other']);
  });
});
