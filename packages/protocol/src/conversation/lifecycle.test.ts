import { describe, expect, it } from 'vitest';
import {
  allowedActionsFor,
  canUserSee,
  conversationStatuses,
  lifecycleEventTypes,
  transition,
  type LifecycleEvent,
  type LifecycleEventType,
  type LifecycleState,
} from './lifecycle';
import type { TConversationStatus } from '../api/conversation.schema';

const NOW = 1_000_000;

const states: Record<TConversationStatus, LifecycleState> = {
  bot: { status: 'bot', assigneeId: null, closeReason: null, waitingDeadline: null },
  waiting: { status: 'waiting', assigneeId: null, closeReason: null, waitingDeadline: NOW + 1 },
  assigned: { status: 'assigned', assigneeId: 'u1', closeReason: null, waitingDeadline: null },
  closed: { status: 'closed', assigneeId: null, closeReason: 'closed_by_user', waitingDeadline: null },
};

const events: Record<LifecycleEventType, LifecycleEvent> = {
  live_chat_requested: { type: 'live_chat_requested', waitMs: 60_000 },
  assign: { type: 'assign', userId: 'u2' },
  reassign: { type: 'reassign', toUserId: 'u2' },
  unassign: { type: 'unassign' },
  close: { type: 'close', reason: 'closed_by_user' },
  waiting_time_over: { type: 'waiting_time_over' },
  bot_ended: { type: 'bot_ended' },
  ownership_lapsed: { type: 'ownership_lapsed', reason: 'no_reply', toUserId: null },
};

// Every state × event pair is decided here; a new state or event fails until its row is written.
const table: Record<TConversationStatus, Record<LifecycleEventType, string>> = {
  bot: {
    live_chat_requested: 'waiting',
    assign: 'INVALID_TRANSITION',
    reassign: 'INVALID_TRANSITION',
    unassign: 'INVALID_TRANSITION',
    close: 'closed',
    waiting_time_over: 'INVALID_TRANSITION',
    bot_ended: 'closed',
    ownership_lapsed: 'INVALID_TRANSITION',
  },
  waiting: {
    live_chat_requested: 'INVALID_TRANSITION',
    assign: 'assigned',
    reassign: 'assigned',
    unassign: 'INVALID_TRANSITION',
    close: 'closed',
    waiting_time_over: 'INVALID_TRANSITION',
    bot_ended: 'INVALID_TRANSITION',
    ownership_lapsed: 'INVALID_TRANSITION',
  },
  assigned: {
    live_chat_requested: 'INVALID_TRANSITION',
    assign: 'CONVERSATION_ALREADY_ASSIGNED',
    reassign: 'assigned',
    unassign: 'waiting',
    close: 'closed',
    waiting_time_over: 'INVALID_TRANSITION',
    bot_ended: 'INVALID_TRANSITION',
    ownership_lapsed: 'waiting',
  },
  closed: {
    live_chat_requested: 'CONVERSATION_CLOSED',
    assign: 'CONVERSATION_CLOSED',
    reassign: 'CONVERSATION_CLOSED',
    unassign: 'CONVERSATION_CLOSED',
    close: 'CONVERSATION_CLOSED',
    waiting_time_over: 'CONVERSATION_CLOSED',
    bot_ended: 'CONVERSATION_CLOSED',
    ownership_lapsed: 'CONVERSATION_CLOSED',
  },
};

describe('conversation lifecycle', () => {
  it('has a decided row for every status and event', () => {
    expect(Object.keys(table).sort()).toEqual([...conversationStatuses].sort());
    for (const status of conversationStatuses)
      expect(Object.keys(table[status]).sort()).toEqual([...lifecycleEventTypes].sort());
  });

  for (const status of conversationStatuses) {
    for (const eventType of lifecycleEventTypes) {
      const expected = table[status][eventType];
      it(`${status} + ${eventType} → ${expected}`, () => {
        const result = transition(states[status], events[eventType], NOW);
        if ('error' in result) expect(result.error).toBe(expected);
        else expect(result.next.status).toBe(expected);
      });
    }
  }

  it('sets a waiting deadline when live chat is requested', () => {
    const result = transition(states.bot, { type: 'live_chat_requested', waitMs: 30_000 }, NOW);
    expect(result).toMatchObject({ next: { status: 'waiting', waitingDeadline: NOW + 30_000 } });
  });

  it('refuses the waiting-time event before the deadline', () => {
    const waiting = { ...states.waiting, waitingDeadline: NOW + 10 };
    expect(transition(waiting, { type: 'waiting_time_over' }, NOW)).toEqual({ error: 'INVALID_TRANSITION' });
  });

  it('refuses assign and reassign from the deadline on, before any sweep closed the chat (R13)', () => {
    const deadline = states.waiting.waitingDeadline ?? 0;
    for (const event of [events.assign, events.reassign]) {
      expect(transition(states.waiting, event, deadline - 1)).toMatchObject({ next: { status: 'assigned' } });
      expect(transition(states.waiting, event, deadline)).toEqual({ error: 'WAITING_TIME_OVER' });
      expect(transition(states.waiting, event, deadline + 10)).toEqual({ error: 'WAITING_TIME_OVER' });
    }
    // Back in Unassigned after an unassign there is no deadline any more.
    const unassigned = { ...states.waiting, waitingDeadline: null };
    expect(transition(unassigned, events.assign, NOW + 1e9)).toMatchObject({ next: { status: 'assigned' } });
  });

  it('closes a missed conversation and continues the offline path', () => {
    const result = transition(states.waiting, { type: 'waiting_time_over' }, NOW + 1);
    expect(result).toEqual({
      next: { status: 'closed', assigneeId: null, closeReason: 'missed', waitingDeadline: null },
      effects: [{ type: 'closed', reason: 'missed' }, { type: 'continue_offline' }],
    });
  });

  it('refuses reassigning to the current assignee', () => {
    expect(transition(states.assigned, { type: 'reassign', toUserId: 'u1' }, NOW)).toEqual({
      error: 'INVALID_TRANSITION',
    });
  });

  it('hides an assigned conversation from everyone but its assignee', () => {
    expect(canUserSee(states.assigned, 'u1')).toBe(true);
    expect(canUserSee(states.assigned, 'u2')).toBe(false);
    expect(canUserSee(states.waiting, 'u2')).toBe(true);
    expect(canUserSee(states.closed, 'u2')).toBe(true);
  });

  it('offers no actions on an assigned conversation to other users, and only the panel once closed', () => {
    expect(allowedActionsFor(states.assigned, 'u2')).toEqual([]);
    expect(allowedActionsFor(states.assigned, 'u1')).toContain('send');
    expect(allowedActionsFor(states.closed, 'u1')).toEqual(['edit_panel']);
  });

  it('lets the watchdog take a chat back to Unassigned, or on to the next user, never to the same one', () => {
    expect(transition(states.assigned, events.ownership_lapsed, NOW)).toEqual({
      next: { status: 'waiting', assigneeId: null, closeReason: null, waitingDeadline: null },
      effects: [{ type: 'lapsed', fromUserId: 'u1', reason: 'no_reply' }, { type: 'notify_unassigned' }],
    });
    const onward = { type: 'ownership_lapsed', reason: 'assignee_offline', toUserId: 'u2' } as const;
    expect(transition(states.assigned, onward, NOW)).toEqual({
      next: { status: 'assigned', assigneeId: 'u2', closeReason: null, waitingDeadline: null },
      effects: [
        { type: 'lapsed', fromUserId: 'u1', reason: 'assignee_offline' },
        { type: 'joined', userId: 'u2' },
      ],
    });
    expect(transition(states.assigned, { ...onward, toUserId: 'u1' }, NOW)).toEqual({
      error: 'INVALID_TRANSITION',
    });
  });
});
