import type { TMessageDto } from '@charla/protocol';
import { describe, expect, it } from 'vitest';
import { testMessage } from './message-fixture.test-helper';
import { buildTimelineRows, dayKey, type RowFormatters } from './timeline-rows';
import { estimateItemSize, newMessagesAfter, windowItems } from './timeline-window';

const VISITOR = { kind: 'visitor', id: 'v1', name: 'Visitor', avatarUrl: null } as const;
const ANA = { kind: 'user', id: 'u1', name: 'Ana', avatarUrl: null } as const;
const DAY1 = new Date(2026, 2, 3, 12, 0, 0).getTime();
const DAY2 = new Date(2026, 2, 4, 12, 0, 0).getTime();

function message(seq: number, at: number, overrides: Partial<TMessageDto> = {}): TMessageDto {
  return testMessage(seq, at, { author: VISITOR, ...overrides });
}

const format: RowFormatters = { time: (at) => `t${at}`, day: (at) => `day ${dayKey(at)}` };
const missed: TMessageDto['event'] = { type: 'missed' };
const note: TMessageDto['event'] = { type: 'note', mentions: [] };

describe('windowItems', () => {
  it('puts each day separator in the item of the message that opens the day, keyed by the message', () => {
    const messages = [message(1, DAY1), message(2, DAY1 + 1000, { author: ANA }), message(3, DAY2)];
    const items = windowItems(buildTimelineRows(messages, 0, format));
    expect(items.map((i) => [i.key, i.day?.label ?? null, i.row.kind])).toEqual([
      ['m1', `day ${dayKey(DAY1)}`, 'message'],
      ['m2', null, 'message'],
      ['m3', `day ${dayKey(DAY2)}`, 'message'],
    ]);
  });

  it('keeps the keys of the items already shown when older history is prepended', () => {
    const recent = [message(5, DAY2), message(6, DAY2 + 1000)];
    const before = windowItems(buildTimelineRows(recent, 0, format)).map((i) => i.key);
    const older = [message(3, DAY2 - 5000), message(4, DAY2 - 4000), ...recent];
    const after = windowItems(buildTimelineRows(older, 0, format));
    expect(after.map((i) => i.key)).toEqual(['m3', 'm4', ...before]);
    // The separator moved to the new first message of the day; m5 lost it.
    expect(after.map((i) => i.day !== null)).toEqual([true, false, false, false]);
  });

  it('guesses taller items for author lines, notes and day separators', () => {
    const items = windowItems(
      buildTimelineRows(
        [message(1, DAY1), message(2, DAY1 + 1000), message(3, DAY1 + 2000, { event: note })],
        0,
        format,
      ),
    );
    const [first, second, third] = items.map((i) => estimateItemSize(i));
    expect(first).toBeGreaterThan(second ?? 0);
    expect(third).toBeGreaterThan(second ?? 0);
  });
});

describe('newMessagesAfter', () => {
  it('counts messages and notes after a sequence number, not internal events', () => {
    const messages = [
      message(1, DAY1),
      message(2, DAY1),
      message(3, DAY1, { event: missed }),
      message(4, DAY1, { event: note }),
      message(5, DAY1),
    ];
    expect(newMessagesAfter(messages, 5, 'u-me')).toBe(0);
    expect(newMessagesAfter(messages, 2, 'u-me')).toBe(2);
    expect(newMessagesAfter(messages, 0, 'u-me')).toBe(4);
    expect(newMessagesAfter([], 3, 'u-me')).toBe(0);
  });

  it('does not count what the reader wrote, and counts a colleague’s messages and notes', () => {
    const me = { ...ANA, id: 'u-me', name: 'Me' };
    const messages = [
      message(1, DAY1),
      message(2, DAY1, { author: me }),
      message(3, DAY1, { author: me, event: note }),
      message(4, DAY1, { author: ANA }),
      message(5, DAY1, { author: ANA, event: note }),
    ];
    expect(newMessagesAfter(messages, 1, 'u-me')).toBe(2);
    expect(newMessagesAfter(messages, 1, ANA.id)).toBe(2);
  });
});
