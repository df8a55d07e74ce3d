import { describe, expect, it } from 'vitest';
import {
  composerMode,
  disabledHint,
  initialChatState,
  nextHiddenMessage,
  pendingItems,
  reduce,
  unreadAfter,
  visibleMessages,
  type TChatAction,
  type TChatState,
} from './chat-state';
import { conversationOf, messageOf, outboxItemOf, visitor } from './chat-state.fixtures';

function run(...actions: TChatAction[]): TChatState {
  return actions.reduce(reduce, initialChatState());
}

const buttons = { kind: 'buttons' as const, options: [{ id: 'talk', label: 'Talk to someone' }] };

describe('reduce: messages', () => {
  it('keeps messages unique and in seq order whatever order and repeats they arrive in', () => {
    const state = run(
      { type: 'conversation', conversation: conversationOf() },
      { type: 'messages', messages: [messageOf(3), messageOf(1)], history: true },
      { type: 'messages', messages: [messageOf(2), messageOf(3)], history: true },
    );
    expect(state.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
  });

  it('ignores messages of another conversation', () => {
    const state = run(
      { type: 'conversation', conversation: conversationOf() },
      { type: 'messages', messages: [messageOf(1, { conversationId: 'other' })], history: false },
    );
    expect(state.messages).toEqual([]);
  });

  it('shows history at once but holds live bot messages for the typing indicator', () => {
    const history = run(
      { type: 'conversation', conversation: conversationOf() },
      { type: 'messages', messages: [messageOf(1), messageOf(2)], history: true },
    );
    expect(visibleMessages(history)).toHaveLength(2);

    const live = reduce(history, {
      type: 'messages',
      messages: [messageOf(3), messageOf(4)],
      history: false,
    });
    expect(visibleMessages(live).map((m) => m.seq)).toEqual([1, 2]);
    expect(nextHiddenMessage(live)?.seq).toBe(3);
    const revealed = reduce(live, { type: 'reveal', seq: 3 });
    expect(nextHiddenMessage(revealed)?.seq).toBe(4);
  });

  it('shows the team’s and the visitor’s messages at once', () => {
    const state = run(
      { type: 'conversation', conversation: conversationOf({ status: 'assigned' }) },
      {
        type: 'messages',
        messages: [messageOf(1, { author: { kind: 'user', id: 'u1', name: 'Ana', avatarUrl: null } })],
        history: false,
      },
    );
    expect(visibleMessages(state)).toHaveLength(1);
  });

  it('forgets messages when the conversation changes (a new conversation was started)', () => {
    const state = run(
      { type: 'conversation', conversation: conversationOf() },
      { type: 'messages', messages: [messageOf(1)], history: true },
      { type: 'conversation', conversation: conversationOf({ id: 'c2' }) },
    );
    expect(state.messages).toEqual([]);
  });
});

describe('reduce: outbox', () => {
  const base = run({ type: 'conversation', conversation: conversationOf({ status: 'assigned' }) });

  it('replaces a queued message by the server’s copy on ack, exactly once', () => {
    const queued = reduce(base, { type: 'queued', item: outboxItemOf('w_1') });
    expect(pendingItems(queued)).toHaveLength(1);
    const acked = reduce(queued, {
      type: 'ack',
      clientMsgId: 'w_1',
      message: messageOf(5, { author: visitor, clientMsgId: 'w_1' }),
    });
    expect(pendingItems(acked)).toEqual([]);
    expect(visibleMessages(acked).map((m) => m.clientMsgId)).toEqual(['w_1']);
    const again = reduce(acked, {
      type: 'messages',
      messages: [messageOf(5, { author: visitor, clientMsgId: 'w_1' })],
      history: false,
    });
    expect(again.messages).toHaveLength(1);
  });

  it('also clears the outbox when the copy arrives as a broadcast before the ack', () => {
    const queued = reduce(base, { type: 'queued', item: outboxItemOf('w_1') });
    const broadcast = reduce(queued, {
      type: 'messages',
      messages: [messageOf(5, { author: visitor, clientMsgId: 'w_1' })],
      history: false,
    });
    expect(pendingItems(broadcast)).toEqual([]);
  });

  it('marks a refused message failed and back to sending on retry', () => {
    const failed = run(
      { type: 'conversation', conversation: conversationOf() },
      { type: 'queued', item: outboxItemOf('w_1') },
      { type: 'failed', clientMsgId: 'w_1', error: 'Too many messages' },
    );
    expect(pendingItems(failed)[0]).toMatchObject({ state: 'failed', error: 'Too many messages' });
    expect(pendingItems(reduce(failed, { type: 'retry', clientMsgId: 'w_1' }))[0]?.state).toBe('sending');
  });
});

describe('disabledHint', () => {
  it('points at the buttons only when there are buttons; otherwise asks to wait (e.g. after the end)', () => {
    expect(disabledHint({ kind: 'buttons', interaction: buttons })).toBe('chooseAbove');
    expect(disabledHint({ kind: 'idle' })).toBe('botThinking');
    expect(disabledHint({ kind: 'ended' })).toBe('botThinking');
  });
});

describe('composerMode', () => {
  it('offers the bot’s buttons once the question is shown', () => {
    const state = run(
      { type: 'conversation', conversation: conversationOf() },
      { type: 'messages', messages: [messageOf(1), messageOf(2, { interaction: buttons })], history: true },
    );
    expect(composerMode(state)).toEqual({ kind: 'buttons', interaction: buttons });
  });

  it('offers nothing while the question is still "typing" or after the visitor answered', () => {
    const typing = run(
      { type: 'conversation', conversation: conversationOf() },
      { type: 'messages', messages: [messageOf(1, { interaction: buttons })], history: false },
    );
    expect(composerMode(typing).kind).toBe('idle');
    const answered = run(
      { type: 'conversation', conversation: conversationOf() },
      {
        type: 'messages',
        messages: [messageOf(1, { interaction: buttons }), messageOf(2, { author: visitor })],
        history: true,
      },
    );
    expect(composerMode(answered).kind).toBe('idle');
  });

  it('asks again for an input after a validation message', () => {
    const input = { kind: 'input' as const, field: 'email' as const, placeholder: null, skippable: false };
    const state = run(
      { type: 'conversation', conversation: conversationOf() },
      {
        type: 'messages',
        messages: [
          messageOf(1, { interaction: input }),
          messageOf(2, { author: visitor }),
          messageOf(3, { isError: true, interaction: input }),
        ],
        history: true,
      },
    );
    expect(composerMode(state)).toEqual({ kind: 'input', interaction: input });
  });

  it('keeps answering the bot on the offline path of a missed chat, closed but still asking', () => {
    const input = { kind: 'input' as const, field: 'name' as const, placeholder: null, skippable: false };
    const state = run(
      {
        type: 'conversation',
        conversation: conversationOf({ status: 'closed', closeReason: 'missed', botAwaitingInput: true }),
      },
      { type: 'messages', messages: [messageOf(1, { interaction: input })], history: true },
    );
    expect(composerMode(state).kind).toBe('input');
  });

  it('offers "start again" only after the bot’s closing message has been shown', () => {
    const typing = run(
      { type: 'conversation', conversation: conversationOf({ status: 'closed', closeReason: 'bot_ended' }) },
      { type: 'messages', messages: [messageOf(1)], history: false },
    );
    expect(composerMode(typing).kind).toBe('idle');
    expect(composerMode(reduce(typing, { type: 'reveal', seq: 1 })).kind).toBe('ended');
  });

  it('is free chat while waiting or assigned, and "start again" once closed', () => {
    expect(
      composerMode(run({ type: 'conversation', conversation: conversationOf({ status: 'waiting' }) })).kind,
    ).toBe('chat');
    expect(
      composerMode(run({ type: 'conversation', conversation: conversationOf({ status: 'assigned' }) })).kind,
    ).toBe('chat');
    expect(
      composerMode(run({ type: 'conversation', conversation: conversationOf({ status: 'closed' }) })).kind,
    ).toBe('ended');
  });
});

describe('reduce: typing, read, reset', () => {
  it('shows the user typing until they send a message', () => {
    const typing = run(
      { type: 'conversation', conversation: conversationOf({ status: 'assigned' }) },
      { type: 'typing', name: 'Ana', active: true },
    );
    expect(typing.agentTyping).toBe('Ana');
    const sent = reduce(typing, {
      type: 'messages',
      messages: [messageOf(1, { author: { kind: 'user', id: 'u', name: 'Ana', avatarUrl: null } })],
      history: false,
    });
    expect(sent.agentTyping).toBeNull();
  });

  it('only moves the user’s read position forward', () => {
    const state = run(
      { type: 'conversation', conversation: conversationOf({ userReadSeq: 5 }) },
      { type: 'read', seq: 3 },
    );
    expect(state.conversation?.userReadSeq).toBe(5);
  });

  it('takes the visitor’s read position from another device forward only, apart from the user’s', () => {
    const state = run(
      { type: 'conversation', conversation: conversationOf({ userReadSeq: 2, visitorReadSeq: 4 }) },
      { type: 'visitorRead', seq: 3 },
      { type: 'visitorRead', seq: 6 },
    );
    expect(state.conversation).toMatchObject({ visitorReadSeq: 6, userReadSeq: 2 });
  });

  it('counts unread incoming messages after a seq, not the visitor’s own', () => {
    const state = run(
      { type: 'conversation', conversation: conversationOf() },
      {
        type: 'messages',
        messages: [messageOf(1), messageOf(2, { author: visitor }), messageOf(3)],
        history: true,
      },
    );
    expect(unreadAfter(state, 1)).toBe(1);
  });

  it('starts from nothing on reset but keeps the connection state', () => {
    const state = run(
      { type: 'connection', connection: 'online' },
      { type: 'conversation', conversation: conversationOf() },
      { type: 'reset' },
    );
    expect(state).toEqual({ ...initialChatState(), connection: 'online' });
  });
});
