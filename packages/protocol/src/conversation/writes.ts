import type { ErrorCode } from '../errors';
import type { LifecycleState } from './lifecycle';

/**
 * Everything that appends to a conversation or changes it from outside the lifecycle transitions
 * (those go through `transition()`). One pure check decides each for every path: REST, both
 * sockets, the bot runner, the sweeps and CRM intake.
 */
export type ConversationWrite =
  /** The visitor answers the bot (button, text, skip); the bot goes on. */
  | { kind: 'bot_answer' }
  /** The bot speaks: its prompts, validation errors, end cards. */
  | { kind: 'bot_output' }
  /** The visitor writes to the team. */
  | { kind: 'visitor_message' }
  /** A user writes to the visitor (only the assignee: R14). */
  | { kind: 'user_message'; userId: string }
  | { kind: 'typing'; from: 'visitor' }
  | { kind: 'typing'; from: 'user'; userId: string }
  | { kind: 'leave' }
  /** A lead or deal created from the side panel or an end card: a timeline marker (R16, R20). */
  | { kind: 'crm_marker' };

type WriteState = Pick<LifecycleState, 'status' | 'assigneeId' | 'closeReason'>;

/**
 * R20: closed means closed. The only way on after closing is the offline branch of a missed chat
 * (R9, R13): the bot may still ask the offline card's questions, take their answers and apply its
 * end card. Panel work (leads and deals) stays possible on any conversation.
 * Returns the error code that refuses the write, or null when it may go ahead.
 */
export function refuseWrite(state: WriteState, write: ConversationWrite): ErrorCode | null {
  if (write.kind === 'crm_marker') return null;
  if (state.status === 'closed') {
    const offlineBranch = state.closeReason === 'missed';
    return offlineBranch && (write.kind === 'bot_answer' || write.kind === 'bot_output')
      ? null
      : 'CONVERSATION_CLOSED';
  }
  switch (write.kind) {
    case 'bot_answer':
      return state.status === 'bot' ? null : 'ANSWER_NOT_EXPECTED';
    case 'bot_output':
      return state.status === 'bot' ? null : 'INVALID_TRANSITION';
    case 'visitor_message':
      return state.status === 'bot' ? 'ANSWER_NOT_EXPECTED' : null;
    case 'user_message':
      return state.status === 'assigned' && state.assigneeId === write.userId ? null : 'INVALID_TRANSITION';
    case 'typing':
      if (write.from === 'visitor') return null;
      return state.status === 'assigned' && state.assigneeId === write.userId ? null : 'NOT_ASSIGNEE';
    case 'leave':
      return null;
  }
}

/** What the visitor's widget may offer: answering the bot only while the server would take it. */
export function acceptsBotAnswer(state: WriteState, runAwaitingInput: boolean): boolean {
  return runAwaitingInput && refuseWrite(state, { kind: 'bot_answer' }) === null;
}
