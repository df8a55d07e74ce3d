import type { TAgentServerFrame } from '@charla/protocol';
import { describe, expect, it } from 'vitest';
import { testMessage } from './message-fixture.test-helper';
import { applyAgentFrame, type FrameContext } from './inbox-frames';
import type { InboxAction } from './inbox-state';

const message = testMessage(4);
const activity = { lastSeq: 4, lastMessageAt: 4, lastMessagePreview: 'hello', watchdogDeadline: null };

function contextHolding(ids: string[]) {
  const actions: InboxAction[] = [];
  const loaded: string[] = [];
  const context: FrameContext = {
    dispatch: (action) => actions.push(action),
    placements: new Map(),
    refreshCounts: () => undefined,
    sender: { stored: () => undefined, errorFrame: () => undefined },
    setUsers: () => undefined,
    notify: () => undefined,
    holds: (id) => ids.includes(id),
    load: (id) => loaded.push(id),
  };
  return { context, actions, loaded };
}

describe('a message frame with its conversation’s activity (issue 25)', () => {
  const frame: TAgentServerFrame = { type: 'message', message, activity };

  it('updates a conversation the inbox holds from the activity', () => {
    const { context, actions, loaded } = contextHolding(['c1']);
    applyAgentFrame(frame, context);
    expect(actions).toEqual([
      { type: 'messages', conversationId: 'c1', messages: [message] },
      { type: 'activity', conversationId: 'c1', activity },
    ]);
    expect(loaded).toEqual([]);
  });

  it('fetches a conversation it does not hold (an older chat of mine not in the loaded page)', () => {
    const { context, actions, loaded } = contextHolding([]);
    applyAgentFrame(frame, context);
    expect(actions.map((a) => a.type)).toEqual(['messages']);
    expect(loaded).toEqual(['c1']);
  });

  it('takes the activity from the ack of my own message, which is not echoed back', () => {
    const { context, actions } = contextHolding(['c1']);
    applyAgentFrame({ type: 'ack', clientMsgId: 'x', message, activity }, context);
    expect(actions.map((a) => a.type)).toEqual(['messages', 'activity']);
  });

  it('leaves the conversation alone for a message without activity (its conversation frame follows)', () => {
    const { context, actions, loaded } = contextHolding([]);
    applyAgentFrame({ type: 'message', message }, context);
    expect(actions.map((a) => a.type)).toEqual(['messages']);
    expect(loaded).toEqual([]);
  });
});

describe('an activity frame: a message in a conversation not open here (R28)', () => {
  const frame: TAgentServerFrame = { type: 'activity', conversationId: 'c1', activity };

  it('updates the list entry without touching any thread', () => {
    const { context, actions, loaded } = contextHolding(['c1']);
    applyAgentFrame(frame, context);
    expect(actions).toEqual([{ type: 'activity', conversationId: 'c1', activity }]);
    expect(loaded).toEqual([]);
  });

  it('fetches a conversation it does not hold', () => {
    const { context, actions, loaded } = contextHolding([]);
    applyAgentFrame(frame, context);
    expect(actions).toEqual([]);
    expect(loaded).toEqual(['c1']);
  });
});
