import type { TMessageDto } from '@charla/protocol';
import { describe, expect, it } from 'vitest';
import { testMessage } from './message-fixture.test-helper';
import {
  buildTimelineRows,
  cachedFormat,
  dayKey,
  GROUP_WINDOW_MS,
  type RowFormatters,
} from './timeline-rows';

const VISITOR = { kind: 'visitor', id: 'v1', name: 'Visitor', avatarUrl: null } as const;
const ANA = { kind: 'user', id: 'u1', name: 'Ana', avatarUrl: null } as const;
const BOT = { kind: 'bot', id: null, name: 'Assistant', avatarUrl: null } as const;
const SYSTEM = { kind: 'system', id: null, name: 'System', avatarUrl: null } as const;

// Local noon on two consecutive days, so day keys never depend on the machine's time zone.
const DAY1 = new Date(2026, 2, 3, 12, 0, 0).getTime();
const DAY2 = new Date(2026, 2, 4, 12, 0, 0).getTime();

function message(seq: number, at: number, overrides: Partial<TMessageDto> = {}): TMessageDto {
  return testMessage(seq, at, { author: VISITOR, ...overrides });
}

const format: RowFormatters = {
  time: (at) => `t${at}`,
  day: (at) => `day ${dayKey(at)}`,
};

describe('buildTimelineRows', () => {
  it('puts a day separator before the first message and before each new local day', () => {
    const rows = buildTimelineRows([message(1, DAY1), message(2, DAY1 + 1000), message(3, DAY2)], 0, format);
    expect(rows.map((r) => r.kind)).toEqual(['day', 'message', 'message', 'day', 'message']);
    expect(rows[0]).toEqual({ kind: 'day', key: 'day-1', label: `day ${dayKey(DAY1)}` });
    expect(rows[3]).toEqual({ kind: 'day', key: 'day-3', label: `day ${dayKey(DAY2)}` });
  });

  it('groups consecutive messages of one author under five minutes, and breaks the run otherwise', () => {
    const rows = buildTimelineRows(
      [
        message(1, DAY1),
        message(2, DAY1 + GROUP_WINDOW_MS - 1),
        message(3, DAY1 + 2 * GROUP_WINDOW_MS),
        message(4, DAY1 + 2 * GROUP_WINDOW_MS + 1, { author: ANA }),
        message(5, DAY1 + 2 * GROUP_WINDOW_MS + 2, { author: BOT }),
      ],
      0,
      format,
    );
    const authors = rows.flatMap((r) => (r.kind === 'message' ? [[r.key, r.showAuthor]] : []));
    expect(authors).toEqual([
      ['m1', true],
      ['m2', false],
      ['m3', true],
      ['m4', true],
      ['m5', true],
    ]);
  });

  it('starts a new author line after an event', () => {
    const rows = buildTimelineRows(
      [
        message(1, DAY1),
        message(2, DAY1 + 1, { author: SYSTEM, event: { type: 'missed' } }),
        message(3, DAY1 + 2),
      ],
      0,
      format,
    );
    expect(rows.map((r) => r.kind)).toEqual(['day', 'message', 'event', 'message']);
    const last = rows[3];
    expect(last?.kind === 'message' && last.showAuthor).toBe(true);
  });

  it('marks only user messages at or below the visitor read position as seen', () => {
    const rows = buildTimelineRows(
      [message(1, DAY1, { author: ANA }), message(2, DAY1 + 1), message(3, DAY1 + 2, { author: ANA })],
      2,
      format,
    );
    const seen = rows.flatMap((r) => (r.kind === 'message' ? [[r.key, r.seen]] : []));
    expect(seen).toEqual([
      ['m1', true],
      ['m2', false],
      ['m3', false],
    ]);
  });

  it('tells notes, mention grants, events and plain system lines apart', () => {
    const rows = buildTimelineRows(
      [
        message(1, DAY1, { author: ANA, event: { type: 'note', mentions: [] } }),
        message(2, DAY1, {
          author: SYSTEM,
          event: { type: 'mentioned', byUserId: 'u1', byName: 'Ana', userId: 'u2', userName: 'Bob' },
        }),
        message(3, DAY1, { author: SYSTEM }),
      ],
      0,
      format,
    );
    expect(rows.map((r) => r.kind)).toEqual(['day', 'note', 'mentioned', 'system']);
    expect(rows.slice(1).map((r) => (r.kind === 'day' ? null : r.time))).toEqual([
      `t${DAY1}`,
      `t${DAY1}`,
      `t${DAY1}`,
    ]);
  });

  it('gives an unchanged message equal row props when a message is appended', () => {
    const first = [message(1, DAY1), message(2, DAY1 + 1, { author: ANA })];
    const before = buildTimelineRows(first, 2, format);
    const after = buildTimelineRows([...first, message(3, DAY1 + 2)], 2, format);
    expect(after.slice(0, before.length)).toEqual(before);
    const row = after[1];
    expect(row?.kind === 'message' && row.message).toBe(first[0]);
  });
});

describe('cachedFormat', () => {
  it('formats each distinct timestamp once and returns the same text after', () => {
    const calls: number[] = [];
    const format = cachedFormat((at) => (calls.push(at), `at ${at}`));
    expect([format(1), format(2), format(1)]).toEqual(['at 1', 'at 2', 'at 1']);
    expect(calls).toEqual([1, 2]);
  });
});
