import { transition, type LifecycleEvent, type LifecycleState } from '@charla/protocol';
import { describe, expect, it } from 'vitest';
import { conversationDtoFixture } from '../notifications/conversation.fixture';
import { lifecycleEventOf, patchOf, timelineOf, type ChangeContext } from './lifecycle-change';

const NOW = 1_000_000;
const alice = { id: 'u-alice', name: 'Alice' };
const people = new Map([
  ['u-alice', { name: 'Alice', avatarUrl: null }],
  ['u-bob', { name: 'Bob', avatarUrl: 'https://example.com/bob.png' }],
]);
const state = (over: Partial<LifecycleState>): LifecycleState => ({
  status: 'waiting',
  assigneeId: null,
  closeReason: null,
  waitingDeadline: NOW + 60_000,
  ...over,
});

function change(from: LifecycleState, event: LifecycleEvent, context: ChangeContext, now = NOW) {
  const decided = transition(from, event, now);
  if ('error' in decided) throw new Error(decided.error);
  return {
    patch: patchOf({ status: from.status }, decided.next, decided.effects, now),
    timeline: timelineOf(event, decided.effects, context),
  };
}

describe('what a transition writes (pure)', () => {
  it('assign: the assignee, the taken time and one joined row with their name', () => {
    const { patch, timeline } = change(
      state({}),
      { type: 'assign', userId: 'u-alice' },
      { by: alice, people },
    );
    expect(patch).toMatchObject({
      status: 'assigned',
      assignee_id: 'u-alice',
      assigned_at: NOW,
      waiting_deadline: null,
    });
    expect(timeline).toEqual([{ type: 'joined', userId: 'u-alice', userName: 'Alice', avatarUrl: null }]);
  });

  it('reassign: reassigned by whom to whom, then the new assignee joined', () => {
    const from = state({ status: 'assigned', assigneeId: 'u-alice', waitingDeadline: null });
    const { timeline } = change(from, { type: 'reassign', toUserId: 'u-bob' }, { by: alice, people });
    expect(timeline).toEqual([
      { type: 'reassigned', byUserId: 'u-alice', byName: 'Alice', toUserId: 'u-bob', toName: 'Bob' },
      { type: 'joined', userId: 'u-bob', userName: 'Bob', avatarUrl: 'https://example.com/bob.png' },
    ]);
  });

  it('unassign and close name who did it; a visitor leaving names nobody', () => {
    const from = state({ status: 'assigned', assigneeId: 'u-alice', waitingDeadline: null });
    expect(change(from, { type: 'unassign' }, { by: alice, people }).timeline).toEqual([
      { type: 'unassigned', byUserId: 'u-alice', byName: 'Alice' },
    ]);
    const left = change(from, { type: 'close', reason: 'visitor_left' }, { by: null, people });
    expect(left.timeline).toEqual([{ type: 'closed', reason: 'visitor_left', byUserId: null, byName: null }]);
    expect(left.patch).toMatchObject({ status: 'closed', close_reason: 'visitor_left', closed_at: NOW });
  });

  it('waiting_time_over (R13): a missed row, closed as missed, and the offline path due', () => {
    const from = state({ waitingDeadline: NOW });
    const { patch, timeline } = change(from, { type: 'waiting_time_over' }, { by: null, people });
    expect(timeline).toEqual([{ type: 'missed' }]);
    expect(patch).toMatchObject({
      status: 'closed',
      close_reason: 'missed',
      waiting_deadline: null,
      offline_due: NOW,
    });
  });

  it('live chat requested: waiting since now with its deadline, and its own row', () => {
    const from = state({ status: 'bot', waitingDeadline: null });
    const { patch, timeline } = change(
      from,
      { type: 'live_chat_requested', waitMs: 90_000 },
      { by: null, people },
    );
    expect(patch).toMatchObject({ status: 'waiting', waiting_since: NOW, waiting_deadline: NOW + 90_000 });
    expect(patch).not.toHaveProperty('offline_due');
    expect(timeline).toEqual([{ type: 'live_chat_requested' }]);
  });

  it('bot_ended: the end card row written first, no closed row', () => {
    const from = state({ status: 'bot', waitingDeadline: null });
    const before = [{ type: 'bot_ended', outcome: 'qualified' } as const];
    expect(change(from, { type: 'bot_ended' }, { by: null, people, before }).timeline).toEqual(before);
  });
});

describe('the one domain event of a transition', () => {
  const conversation = conversationDtoFixture({ status: 'assigned' });
  const previous = { status: 'waiting', assigneeId: null } as const;
  it.each([
    [{ type: 'live_chat_requested', waitMs: 1 }, 'conversation.live_chat_requested'],
    [{ type: 'assign', userId: 'u-alice' }, 'conversation.assigned'],
    [{ type: 'reassign', toUserId: 'u-bob' }, 'conversation.assigned'],
    [{ type: 'unassign' }, 'conversation.unassigned'],
    [{ type: 'close', reason: 'closed_by_user' }, 'conversation.closed'],
    [{ type: 'waiting_time_over' }, 'conversation.closed'],
    [{ type: 'bot_ended' }, 'conversation.closed'],
  ] as [LifecycleEvent, string][])('%o → %s', (event, name) => {
    const emitted = lifecycleEventOf(event, conversation, previous, 'u-alice');
    expect(emitted.name).toBe(name);
    expect(emitted.payload).toMatchObject({ conversation, previous });
  });

  it('says who was assigned and by whom', () => {
    const emitted = lifecycleEventOf(
      { type: 'reassign', toUserId: 'u-bob' },
      conversation,
      previous,
      'u-alice',
    );
    expect(emitted.payload).toMatchObject({ assigneeId: 'u-bob', byUserId: 'u-alice' });
  });
});
