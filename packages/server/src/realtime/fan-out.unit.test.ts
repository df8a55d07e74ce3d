import type { TConversationDto, TMessageDto, TVisitorConversationDto } from '@charla/protocol';
import { describe, expect, it } from 'vitest';
import { conversationDtoFixture } from '../modules/notifications/conversation.fixture';
import {
  fanOut,
  inboxesThatMaySee,
  visibilityOf,
  type FanOutConnection,
  type FanOutEvent,
  type Visibility,
} from './fan-out';

// The viewers of one conversation assigned to "assignee" (before: "former" had it).
type Viewer =
  'assignee' | 'other user' | 'admin' | 'visitor' | 'former assignee' | 'other visitor' | 'mentioned user';
const viewers: Record<Viewer, FanOutConnection> = {
  assignee: { kind: 'agent', user: { id: 'u-assignee' } },
  'other user': { kind: 'agent', user: { id: 'u-other' } },
  // Admins see no more than anyone else (R14): an assigned chat is its assignee's only.
  admin: { kind: 'agent', user: { id: 'u-admin' } },
  visitor: { kind: 'visitor', visitorId: 'v-1' },
  'former assignee': { kind: 'agent', user: { id: 'u-former' } },
  'other visitor': { kind: 'visitor', visitorId: 'v-2' },
  // Mentioned in a private note of the chats that list them as readers (R29); else like anyone.
  'mentioned user': { kind: 'agent', user: { id: 'u-reader' } },
};

const base = conversationDtoFixture();
function conversation(status: TConversationDto['status'], assigneeId: string | null): TConversationDto {
  return {
    ...base,
    status,
    visitor: { ...base.visitor, id: 'v-1' },
    assignee: assigneeId ? { id: assigneeId, name: assigneeId, avatarUrl: null } : null,
  };
}
const assigned = conversation('assigned', 'u-assignee');
const waiting = conversation('waiting', null);
const withReader: TConversationDto = { ...assigned, readerIds: ['u-reader'] };
const note: TMessageDto['event'] = { type: 'note', mentions: [{ userId: 'u-reader', name: 'Rita' }] };
const message = (event: TMessageDto['event']): TMessageDto => ({
  id: 'm1',
  conversationId: base.id,
  seq: 7,
  author: { kind: 'visitor', id: 'v-1', name: 'Ada', avatarUrl: null },
  clientMsgId: 'c1',
  body: { type: 'doc', content: [] },
  event,
  interaction: null,
  isError: false,
  attachments: [],
  createdAt: 1,
});
const visitorState = { id: base.id, status: 'assigned' } as TVisitorConversationDto;
const was = (status: Visibility['status'], assigneeId: string | null): Visibility => ({ status, assigneeId });
/** A read of this conversation as the bus carries it: who may see it now (R14, R29). */
const readOf = (c: TConversationDto) => ({
  conversationId: c.id,
  visitorId: c.visitor.id,
  status: c.status,
  assigneeId: c.assignee?.id ?? null,
  readerIds: c.readerIds ?? [],
});

const events: Record<string, FanOutEvent> = {
  'assigned (was waiting)': {
    type: 'conversation.changed',
    conversation: assigned,
    previous: was('waiting', null),
  },
  'reassigned (was the former’s)': {
    type: 'conversation.changed',
    conversation: assigned,
    previous: was('assigned', 'u-former'),
  },
  'changed while assigned (read receipt)': {
    type: 'conversation.changed',
    conversation: assigned,
    previous: was('assigned', 'u-assignee'),
  },
  'unassigned (was the assignee’s)': {
    type: 'conversation.changed',
    conversation: waiting,
    previous: was('assigned', 'u-assignee'),
  },
  'message in an assigned chat': { type: 'message.created', conversation: assigned, message: message(null) },
  'internal event in an assigned chat': {
    type: 'message.created',
    conversation: assigned,
    message: message({ type: 'lead_created', leadId: 'l1', title: 'Lead', byName: 'A' }),
  },
  'message in a waiting chat': { type: 'message.created', conversation: waiting, message: message(null) },
  'plain message in an assigned chat': {
    type: 'message.created',
    conversation: assigned,
    message: message(null),
    changesConversation: false,
  },
  'plain message in a waiting chat': {
    type: 'message.created',
    conversation: waiting,
    message: message(null),
    changesConversation: false,
  },
  'visitor typing in an assigned chat': {
    type: 'typing',
    conversationId: base.id,
    visitorId: 'v-1',
    assigneeId: 'u-assignee',
    status: 'assigned',
    from: 'visitor',
    name: 'Ada',
    active: true,
  },
  'assignee typing': {
    type: 'typing',
    conversationId: base.id,
    visitorId: 'v-1',
    assigneeId: 'u-assignee',
    status: 'assigned',
    from: 'user',
    userId: 'u-assignee',
    name: 'Alice',
    active: true,
  },
  'assignee read': { type: 'read', ...readOf(withReader), side: 'user', seq: 7 },
  'visitor read': { type: 'read', ...readOf(withReader), side: 'visitor', seq: 7 },
  'visitor read in a waiting chat': { type: 'read', ...readOf(waiting), side: 'visitor', seq: 7 },
  'visitor state': { type: 'visitor.state', visitorId: 'v-1', conversation: visitorState },
  presence: { type: 'presence', userId: 'u-other', online: true },
  'CRM record of an assigned chat and a waiting one changed': {
    type: 'panel.changed',
    conversations: [
      { id: 'c-assigned', status: 'assigned', assigneeId: 'u-assignee' },
      { id: 'c-waiting', status: 'waiting', assigneeId: null },
    ],
  },
  'private note in an assigned chat with a reader': {
    type: 'message.created',
    conversation: withReader,
    message: { ...message(note), author: { kind: 'user', id: 'u-assignee', name: 'A', avatarUrl: null } },
  },
  'private note in a waiting chat': {
    type: 'message.created',
    conversation: waiting,
    message: message(note),
  },
  'visitor message in an assigned chat with a reader': {
    type: 'message.created',
    conversation: withReader,
    message: message(null),
  },
  'reassigned, with a reader': {
    type: 'conversation.changed',
    conversation: withReader,
    previous: was('assigned', 'u-former'),
  },
  'notification to the assignee': {
    type: 'notification',
    userIds: ['u-assignee'],
    notification: {
      id: 'n',
      kind: 'visitor_message',
      conversationId: base.id,
      title: 't',
      body: 'b',
      createdAt: 1,
    },
  },
};

// Every event × viewer: the frame types that viewer's socket gets ('' = nothing at all).
const table: Record<string, Record<Viewer, string>> = {
  'assigned (was waiting)': {
    assignee: 'conversation',
    'other user': 'conversation_removed',
    admin: 'conversation_removed',
    visitor: '',
    'former assignee': 'conversation_removed',
    'other visitor': '',
    'mentioned user': 'conversation_removed',
  },
  'reassigned (was the former’s)': {
    assignee: 'conversation',
    'other user': '',
    admin: '',
    visitor: '',
    'former assignee': 'conversation_removed',
    'other visitor': '',
    'mentioned user': '',
  },
  'changed while assigned (read receipt)': {
    assignee: 'conversation',
    'other user': '',
    admin: '',
    visitor: '',
    'former assignee': '',
    'other visitor': '',
    'mentioned user': '',
  },
  'unassigned (was the assignee’s)': {
    assignee: 'conversation',
    'other user': 'conversation',
    admin: 'conversation',
    visitor: '',
    'former assignee': 'conversation',
    'other visitor': '',
    'mentioned user': 'conversation',
  },
  'plain message in an assigned chat': {
    assignee: 'message',
    'other user': '',
    admin: '',
    visitor: 'message',
    'former assignee': '',
    'other visitor': '',
    'mentioned user': '',
  },
  'plain message in a waiting chat': {
    assignee: 'message',
    'other user': 'message',
    admin: 'message',
    visitor: 'message',
    'former assignee': 'message',
    'other visitor': '',
    'mentioned user': 'message',
  },
  'message in an assigned chat': {
    assignee: 'message,conversation',
    'other user': '',
    admin: '',
    visitor: 'message',
    'former assignee': '',
    'other visitor': '',
    'mentioned user': '',
  },
  'internal event in an assigned chat': {
    assignee: 'message,conversation',
    'other user': '',
    admin: '',
    visitor: '',
    'former assignee': '',
    'other visitor': '',
    'mentioned user': '',
  },
  'message in a waiting chat': {
    assignee: 'message,conversation',
    'other user': 'message,conversation',
    admin: 'message,conversation',
    visitor: 'message',
    'former assignee': 'message,conversation',
    'other visitor': '',
    'mentioned user': 'message,conversation',
  },
  'visitor typing in an assigned chat': {
    assignee: 'typing',
    'other user': '',
    admin: '',
    visitor: '',
    'former assignee': '',
    'other visitor': '',
    'mentioned user': '',
  },
  'assignee typing': {
    assignee: '',
    'other user': '',
    admin: '',
    visitor: 'typing',
    'former assignee': '',
    'other visitor': '',
    'mentioned user': '',
  },
  // A read goes as a number to who may see the chat now (unread dots, "Seen"), never further (R14).
  'assignee read': {
    assignee: 'read',
    'other user': '',
    admin: '',
    visitor: 'read',
    'former assignee': '',
    'other visitor': '',
    'mentioned user': 'read',
  },
  'visitor read': {
    assignee: 'read',
    'other user': '',
    admin: '',
    // Their other tabs and devices clear their unread count (issue 24).
    visitor: 'read',
    'former assignee': '',
    'other visitor': '',
    'mentioned user': 'read',
  },
  'visitor read in a waiting chat': {
    assignee: 'read',
    'other user': 'read',
    admin: 'read',
    visitor: 'read',
    'former assignee': 'read',
    'other visitor': '',
    'mentioned user': 'read',
  },
  'visitor state': {
    assignee: '',
    'other user': '',
    admin: '',
    visitor: 'conversation',
    'former assignee': '',
    'other visitor': '',
    'mentioned user': '',
  },
  presence: {
    assignee: 'presence',
    'other user': 'presence',
    admin: 'presence',
    visitor: '',
    'former assignee': 'presence',
    'other visitor': '',
    'mentioned user': 'presence',
  },
  // Everyone may see the waiting chat; only the assignee the assigned one (R14).
  'CRM record of an assigned chat and a waiting one changed': {
    assignee: 'panel_changed,panel_changed',
    'other user': 'panel_changed',
    admin: 'panel_changed',
    visitor: '',
    'former assignee': 'panel_changed',
    'other visitor': '',
    'mentioned user': 'panel_changed',
  },
  'notification to the assignee': {
    assignee: 'notification',
    'other user': '',
    admin: '',
    visitor: '',
    'former assignee': '',
    'other visitor': '',
    'mentioned user': '',
  },
  // A private note (issue 16): its readers and the assignee, never a visitor.
  'private note in an assigned chat with a reader': {
    assignee: 'message,conversation',
    'other user': '',
    admin: '',
    visitor: '',
    'former assignee': '',
    'other visitor': '',
    'mentioned user': 'message,conversation',
  },
  'private note in a waiting chat': {
    assignee: 'message,conversation',
    'other user': 'message,conversation',
    admin: 'message,conversation',
    visitor: '',
    'former assignee': 'message,conversation',
    'other visitor': '',
    'mentioned user': 'message,conversation',
  },
  'visitor message in an assigned chat with a reader': {
    assignee: 'message,conversation',
    'other user': '',
    admin: '',
    visitor: 'message',
    'former assignee': '',
    'other visitor': '',
    'mentioned user': 'message,conversation',
  },
  // Grants are never revoked: reassigning keeps the reader in, tells the former assignee it is gone.
  'reassigned, with a reader': {
    assignee: 'conversation',
    'other user': '',
    admin: '',
    visitor: '',
    'former assignee': 'conversation_removed',
    'other visitor': '',
    'mentioned user': 'conversation',
  },
};

describe('fan-out: which socket gets which frame (R14, R29)', () => {
  it('decides every event for every viewer', () => {
    expect(Object.keys(table).sort()).toEqual(Object.keys(events).sort());
  });

  for (const [name, event] of Object.entries(events)) {
    for (const viewer of Object.keys(viewers) as Viewer[]) {
      const expected = table[name]?.[viewer];
      it(`${name} → ${viewer}: ${expected || 'nothing'}`, () => {
        const frames = fanOut(event, [viewers[viewer]]).map((d) => d.frame.type);
        expect(frames.join(',')).toBe(expected);
      });
    }
  }

  it('gives a mentioned reader no action at all: read-only (R29)', () => {
    const [frame] = fanOut(events['reassigned, with a reader'] as FanOutEvent, [viewers['mentioned user']]);
    expect(frame?.frame).toMatchObject({ type: 'conversation', conversation: { allowedActions: [] } });
  });

  it('sends a plain message to inboxes with what it changed, and to the widget without (issue 25)', () => {
    const [agent, visitor] = fanOut(events['plain message in an assigned chat'] as FanOutEvent, [
      viewers.assignee,
      viewers.visitor,
    ]);
    const frame = agent?.frame;
    expect(frame?.type === 'message' && frame.message.conversationId).toBe(assigned.id);
    expect(frame?.type === 'message' && 'activity' in frame && frame.activity).toEqual({
      lastSeq: assigned.lastSeq,
      lastMessageAt: assigned.lastMessageAt,
      lastMessagePreview: assigned.lastMessagePreview,
      watchdogDeadline: assigned.routing?.watchdogDeadline ?? null,
    });
    expect(visitor?.frame).not.toHaveProperty('activity');
  });

  it('sends a read to every socket of the reader but the one that reported it (issue 25)', () => {
    const reporting = { ...viewers.visitor, id: 'socket-a' };
    const otherTab = { ...viewers.visitor, id: 'socket-b' };
    const inboxTab = { ...viewers.assignee, id: 'socket-a2' };
    const read: FanOutEvent = {
      type: 'read',
      ...readOf(assigned),
      side: 'visitor',
      seq: 7,
      origin: 'socket-a',
    };
    const got = fanOut(read, [reporting, otherTab, inboxTab]).map((d) => d.connection.id);
    expect(got).toEqual(['socket-b', 'socket-a2']);
    // Without an origin (the REST endpoint), every socket hears of it.
    const { origin: _origin, ...fromRest } = read;
    expect(fanOut(fromRest, [reporting, otherTab, inboxTab])).toHaveLength(3);
  });

  it('gives each agent the allowed actions of its own view', () => {
    const [frame] = fanOut(events['unassigned (was the assignee’s)'] as FanOutEvent, [viewers['other user']]);
    expect(frame?.frame).toMatchObject({
      type: 'conversation',
      conversation: { allowedActions: ['assign', 'reassign', 'close', 'edit_panel'] },
    });
  });

  it('goes through only the inboxes that may see an assigned conversation, every inbox otherwise (issue 25)', () => {
    const tabs = (userId: string) => [{ id: `${userId}-1` }, { id: `${userId}-2` }];
    const byUser = new Map(['u-assignee', 'u-reader', 'u-other'].map((id) => [id, new Set(tabs(id))]));
    const inboxes = {
      all: () => [...byUser.values()].flatMap((set) => [...set]),
      of: (id: string) => byUser.get(id) ?? new Set(),
    };
    const ids = (state: Visibility) =>
      inboxesThatMaySee(inboxes, state)
        .map((c) => c.id)
        .sort();
    expect(ids({ status: 'assigned', assigneeId: 'u-assignee' })).toEqual(['u-assignee-1', 'u-assignee-2']);
    expect(
      ids({ status: 'assigned', assigneeId: 'u-assignee', readerIds: ['u-reader', 'u-assignee'] }),
    ).toEqual(['u-assignee-1', 'u-assignee-2', 'u-reader-1', 'u-reader-2']);
    expect(ids({ status: 'assigned', assigneeId: 'u-gone' })).toEqual([]);
    expect(ids({ status: 'waiting', assigneeId: null })).toHaveLength(6);
    // Whoever it leaves out, the fan-out would have sent nothing: same frames either way.
    for (const state of [assigned, waiting, withReader]) {
      const event: FanOutEvent = { type: 'message.created', conversation: state, message: message(null) };
      const everyone = Object.values(viewers).filter((v) => v.kind === 'agent');
      const registry = {
        all: () => everyone,
        of: (id: string) => new Set(everyone.filter((v) => v.kind === 'agent' && v.user.id === id)),
      };
      const all = fanOut(event, everyone);
      const some = fanOut(event, inboxesThatMaySee(registry, visibilityOf(state)));
      expect(some).toHaveLength(all.length);
      expect(some).toEqual(expect.arrayContaining(all));
    }
  });
});
