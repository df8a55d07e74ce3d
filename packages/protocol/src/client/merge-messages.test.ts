import { describe, expect, it } from 'vitest';
import { mergeMessages } from './merge-messages';

const m = (seq: number, clientMsgId: string | null = null, text = `m${seq}`) => ({ seq, clientMsgId, text });

describe('mergeMessages', () => {
  it('keeps each sequence once, in order, when a replay overlaps and arrives out of order', () => {
    const merged = mergeMessages([m(1), m(2), m(3)], [m(5), m(2, null, 'm2 again'), m(4)]);
    expect(merged.map((x) => [x.seq, x.text])).toEqual([
      [1, 'm1'],
      [2, 'm2 again'],
      [3, 'm3'],
      [4, 'm4'],
      [5, 'm5'],
    ]);
  });

  it('shows a client message id once even if a copy came back under a later seq', () => {
    expect(mergeMessages([m(1, 'a')], [m(2, 'b'), m(3, 'a')]).map((x) => x.seq)).toEqual([1, 2]);
  });

  it('returns the same array when nothing arrives (no re-render)', () => {
    const existing = [m(1)];
    expect(mergeMessages(existing, [])).toBe(existing);
  });
});
