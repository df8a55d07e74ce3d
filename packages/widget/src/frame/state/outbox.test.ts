import { describe, expect, it } from 'vitest';
import { outboxItemOf } from './chat-state.fixtures';
import { parseStoredOutbox, queueOf, toClientFrame } from './outbox';

describe('queueOf', () => {
  it('keeps this conversation’s items in queue order (typed order, a retried one last), refused ones included', () => {
    const outbox = [
      outboxItemOf('b', { createdAt: 2 }),
      outboxItemOf('a', { createdAt: 1 }),
      outboxItemOf('refused', { createdAt: 4, state: 'failed', error: 'FRAME_TOO_LARGE' }),
      outboxItemOf('other', { conversationId: 'c2' }),
    ];
    expect(queueOf(outbox, 'c1').map((item) => item.clientMsgId)).toEqual(['b', 'a', 'refused']);
  });
});

describe('toClientFrame', () => {
  it('sends text as a `send` frame keyed by its clientMsgId', () => {
    const frame = toClientFrame(outboxItemOf('w_1'));
    expect(frame).toMatchObject({ type: 'send', ref: 'w_1', clientMsgId: 'w_1', conversationId: 'c1' });
  });

  it('names the uploaded files by id, the same ones on every resend (the server claims them once)', () => {
    const file = {
      id: 'up_1',
      name: 'roof.png',
      contentType: 'image/png' as const,
      size: 2048,
      kind: 'image' as const,
      width: 640,
      height: 480,
    };
    const item = outboxItemOf('w_3', {
      payload: { kind: 'send', body: { type: 'doc', content: [] }, attachments: [file] },
    });
    expect(toClientFrame(item)).toMatchObject({ type: 'send', clientMsgId: 'w_3', attachments: ['up_1'] });
    expect(toClientFrame(item)).toEqual(toClientFrame(structuredClone(item)));
    expect(toClientFrame(outboxItemOf('w_4'))).not.toHaveProperty('attachments');
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

  it('puts an item an older widget marked as timed out back in the queue; a refused one stays failed', () => {
    const parsed = parseStoredOutbox([
      outboxItemOf('t', { state: 'failed', error: 'timeout' }),
      outboxItemOf('r', { state: 'failed', error: 'FRAME_TOO_LARGE' }),
    ]);
    expect(parsed.map((i) => [i.clientMsgId, i.state, i.error])).toEqual([
      ['t', 'sending', undefined],
      ['r', 'failed', 'FRAME_TOO_LARGE'],
    ]);
  });
});
