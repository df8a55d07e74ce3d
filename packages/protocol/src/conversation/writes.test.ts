import { describe, expect, it } from 'vitest';
import type { TCloseReason, TConversationStatus } from '../api/conversation.schema';
import { acceptsBotAnswer, refuseWrite, type ConversationWrite } from './writes';

type Row = { status: TConversationStatus; assigneeId: string | null; closeReason: TCloseReason | null };

const states: Record<string, Row> = {
  bot: { status: 'bot', assigneeId: null, closeReason: null },
  waiting: { status: 'waiting', assigneeId: null, closeReason: null },
  assigned: { status: 'assigned', assigneeId: 'u1', closeReason: null },
  closed_by_user: { status: 'closed', assigneeId: 'u1', closeReason: 'closed_by_user' },
  visitor_left: { status: 'closed', assigneeId: null, closeReason: 'visitor_left' },
  bot_ended: { status: 'closed', assigneeId: null, closeReason: 'bot_ended' },
  missed: { status: 'closed', assigneeId: null, closeReason: 'missed' },
};

const writes: Record<string, ConversationWrite> = {
  bot_answer: { kind: 'bot_answer' },
  bot_output: { kind: 'bot_output' },
  visitor_message: { kind: 'visitor_message' },
  assignee_message: { kind: 'user_message', userId: 'u1' },
  other_message: { kind: 'user_message', userId: 'u2' },
  visitor_typing: { kind: 'typing', from: 'visitor' },
  assignee_typing: { kind: 'typing', from: 'user', userId: 'u1' },
  other_typing: { kind: 'typing', from: 'user', userId: 'u2' },
  leave: { kind: 'leave' },
  crm_marker: { kind: 'crm_marker' },
};

const OK = 'ok';
const CLOSED = 'CONVERSATION_CLOSED';
// Every state × write is decided here (R20: closed stays closed; the missed chat's offline branch).
const table: Record<string, Record<string, string>> = {
  bot: {
    bot_answer: OK,
    bot_output: OK,
    visitor_message: 'ANSWER_NOT_EXPECTED',
    assignee_message: 'INVALID_TRANSITION',
    other_message: 'INVALID_TRANSITION',
    visitor_typing: OK,
    assignee_typing: 'NOT_ASSIGNEE',
    other_typing: 'NOT_ASSIGNEE',
    leave: OK,
    crm_marker: OK,
  },
  waiting: {
    bot_answer: 'ANSWER_NOT_EXPECTED',
    bot_output: 'INVALID_TRANSITION',
    visitor_message: OK,
    assignee_message: 'INVALID_TRANSITION',
    other_message: 'INVALID_TRANSITION',
    visitor_typing: OK,
    assignee_typing: 'NOT_ASSIGNEE',
    other_typing: 'NOT_ASSIGNEE',
    leave: OK,
    crm_marker: OK,
  },
  assigned: {
    bot_answer: 'ANSWER_NOT_EXPECTED',
    bot_output: 'INVALID_TRANSITION',
    visitor_message: OK,
    assignee_message: OK,
    other_message: 'INVALID_TRANSITION',
    visitor_typing: OK,
    assignee_typing: OK,
    other_typing: 'NOT_ASSIGNEE',
    leave: OK,
    crm_marker: OK,
  },
  ...Object.fromEntries(
    ['closed_by_user', 'visitor_left', 'bot_ended'].map((s) => [
      s,
      {
        bot_answer: CLOSED,
        bot_output: CLOSED,
        visitor_message: CLOSED,
        assignee_message: CLOSED,
        other_message: CLOSED,
        visitor_typing: CLOSED,
        assignee_typing: CLOSED,
        other_typing: CLOSED,
        leave: CLOSED,
        crm_marker: OK,
      },
    ]),
  ),
  missed: {
    bot_answer: OK,
    bot_output: OK,
    visitor_message: CLOSED,
    assignee_message: CLOSED,
    other_message: CLOSED,
    visitor_typing: CLOSED,
    assignee_typing: CLOSED,
    other_typing: CLOSED,
    leave: CLOSED,
    crm_marker: OK,
  },
};

describe('conversation writes', () => {
  it('has a decided row for every state and write', () => {
    expect(Object.keys(table).sort()).toEqual(Object.keys(states).sort());
    for (const row of Object.values(table))
      expect(Object.keys(row).sort()).toEqual(Object.keys(writes).sort());
  });

  for (const [stateName, state] of Object.entries(states)) {
    for (const [writeName, write] of Object.entries(writes)) {
      const expected = table[stateName]?.[writeName];
      it(`${stateName} + ${writeName} → ${expected}`, () => {
        expect(refuseWrite(state, write) ?? OK).toBe(expected);
      });
    }
  }

  it('offers the bot’s question to the visitor only while an answer would be taken', () => {
    expect(acceptsBotAnswer(states.bot as Row, true)).toBe(true);
    expect(acceptsBotAnswer(states.missed as Row, true)).toBe(true);
    expect(acceptsBotAnswer(states.closed_by_user as Row, true)).toBe(false);
    expect(acceptsBotAnswer(states.visitor_left as Row, true)).toBe(false);
    expect(acceptsBotAnswer(states.bot as Row, false)).toBe(false);
  });
});
