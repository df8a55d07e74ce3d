import { describe, expect, it } from 'vitest';
import { decideWatchdog, watchdogDeadlineAfter, type OwnershipFacts } from './ownership';

const NOW = 1_000_000;
const assigned: OwnershipFacts = {
  status: 'assigned',
  assigneeId: 'u1',
  watchdogDeadline: null,
  routing: { whenOffline: false },
  assigneeOnline: true,
};

describe('decideWatchdog', () => {
  const cases: [string, Partial<OwnershipFacts>, number, ReturnType<typeof decideWatchdog>][] = [
    ['no deadline, online', {}, NOW, null],
    ['before the reply deadline', { watchdogDeadline: NOW + 1 }, NOW, null],
    ['at the reply deadline', { watchdogDeadline: NOW }, NOW, 'no_reply'],
    ['past the reply deadline', { watchdogDeadline: NOW - 5 }, NOW, 'no_reply'],
    ['offline, the card does not care', { assigneeOnline: false }, NOW, null],
    [
      'offline, the card cares',
      { assigneeOnline: false, routing: { whenOffline: true } },
      NOW,
      'assignee_offline',
    ],
    [
      'offline and past the deadline: offline is said first',
      { assigneeOnline: false, routing: { whenOffline: true }, watchdogDeadline: NOW - 1 },
      NOW,
      'assignee_offline',
    ],
    ['no routing on the row', { routing: null, assigneeOnline: false }, NOW, null],
    [
      'waiting chats never lapse',
      { status: 'waiting', assigneeId: null, watchdogDeadline: NOW - 1 },
      NOW,
      null,
    ],
    ['closed chats never lapse', { status: 'closed', watchdogDeadline: NOW - 1 }, NOW, null],
    ['bot chats never lapse', { status: 'bot', assigneeId: null, routing: { whenOffline: true } }, NOW, null],
  ];
  for (const [name, patch, now, expected] of cases)
    it(`${name} → ${String(expected)}`, () => {
      expect(decideWatchdog({ ...assigned, ...patch }, now)).toBe(expected);
    });
});

describe('watchdogDeadlineAfter', () => {
  const MIN = 60_000;
  it('is off without reply minutes on the card', () => {
    for (const kind of ['assigned', 'visitor_message', 'left_assignee'] as const)
      expect(watchdogDeadlineAfter({ kind }, null, NOW, NOW)).toBeNull();
  });
  it('starts when a user gets the chat', () => {
    expect(watchdogDeadlineAfter({ kind: 'assigned' }, 5, NOW - 1, NOW)).toBe(NOW + 5 * MIN);
  });
  it('stops when the assignee answers, not when someone else writes', () => {
    expect(watchdogDeadlineAfter({ kind: 'user_message', byAssignee: true }, 5, NOW + 1, NOW)).toBeNull();
    expect(watchdogDeadlineAfter({ kind: 'user_message', byAssignee: false }, 5, NOW + 1, NOW)).toBe(NOW + 1);
  });
  it('starts again on the visitor’s next message, keeping the first unanswered one’s deadline', () => {
    expect(watchdogDeadlineAfter({ kind: 'visitor_message' }, 5, null, NOW)).toBe(NOW + 5 * MIN);
    expect(watchdogDeadlineAfter({ kind: 'visitor_message' }, 5, NOW + 7, NOW)).toBe(NOW + 7);
  });
  it('ends when the chat leaves its assignee', () => {
    expect(watchdogDeadlineAfter({ kind: 'left_assignee' }, 5, NOW + 7, NOW)).toBeNull();
  });
});
