import { describe, expect, it } from 'vitest';
import { outboxItemOf } from './chat-state.fixtures';
import { ACK_TIMEOUT_ERROR, itemsToFlush, newClientMsgId, parseStoredOutbox, toClientFrame } from './outbox';

describe('itemsToFlush', () => {
  it('resends this conversation’s unacknowledged items oldest first, including ones that only timed out', () => {
    const outbox = [
      outboxItemOf('b', { createdAt: 2 }),
      outboxItemOf('a', { createdAt: 1 }),
      outboxItemOf('t', { createdAt: 3, state: 'failed', error: ACK_TIMEOUT_ERROR }),
      outboxItemOf('refused', { createdAt: 4, state: 'failed', error: 'Too many messages' }),
      outboxItemOf('other', { conversationId: 'c2' }),
    ];
    expect(itemsToFlush(outbox, 'c1').map((item) => item.clientMsgId)).toEqual(['a', 'b', 't']);
  });
});

describe('toClientFrame', () => {
  it('sends text as a `send` frame keyed by its clientMsgId', () => {
    const frame = toClientFrame(outboxItemOf('w_1'));
    expect(frame).toMatchObject({ type: 'send', ref: 'w_1', clientMsgId: 'w_1', conversationId: 'c1' });
  });

  it('sends an answer as an `answer` frame', () => {
    const frame = toClientFrame(
      outboxItemOf('w_2', { payload: { kind: 'answer', answer: { kind: 'button', optionId: 'talk' } } }),
    );
    expect(frame).toEqual({
      type: 'answer',
      ref: 'w_2',
      clientMsgId: 'w_2',
      conversationId: 'c1',
      answer: { kind: 'button', optionId: 'talk' },
    });
  });
});

describe('parseStoredOutbox', () => {
  it('keeps well-formed items and drops anything else found in storage', () => {
    expect(parseStoredOutbox([outboxItemOf('ok'), { clientMsgId: 3 }, null, 'x'])).toHaveLength(1);
    expect(parseStoredOutbox({ not: 'an array' })).toEqual([]);
  });
});

describe('newClientMsgId', () => {
  it('makes ids the protocol accepts (letters, digits, _ and -, at most 64)', () => {
    const id = newClientMsgId();
    expect(id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(newClientMsgId()).not.toBe(id);
  });
});
