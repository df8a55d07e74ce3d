import { describe, expect, it } from 'vitest';
import { canUserSee } from './lifecycle';
import {
  isMentionedReaderOnly,
  matchMentionCandidates,
  mentionQueryAt,
  mentionedIds,
  noteTextProblem,
} from './mentions';

const users = [
  { id: 'u1', name: 'Ana García' },
  { id: 'u2', name: 'Bob Baker' },
  { id: 'u3', name: 'José Ortega' },
  { id: 'u4', name: 'Roberta Li' },
];

describe('noteTextProblem', () => {
  it.each([
    ['', 'NOTE_EMPTY'],
    ['   \n ', 'NOTE_EMPTY'],
    ['x'.repeat(5001), 'NOTE_TOO_LONG'],
    ['x'.repeat(5000), null],
    ['  Call them back  ', null],
  ])('refuses %j with %s', (text, expected) => {
    expect(noteTextProblem(text)).toBe(expected);
  });
});

describe('mentionQueryAt', () => {
  it.each([
    ['@', 1, { start: 0, query: '' }],
    ['Hi @bo', 6, { start: 3, query: 'bo' }],
    ['Hi @Bob Ba', 10, { start: 3, query: 'Bob Ba' }],
    ['mail@example.com', 16, null],
    ['no mention', 10, null],
    ['@bob\nnext', 9, null],
    ['@ space', 7, null],
  ])('reads %j at %i', (text, caret, expected) => {
    expect(mentionQueryAt(text, caret)).toEqual(expected);
  });
});

describe('matchMentionCandidates', () => {
  it('ranks a name start first, then a word start, then letters in order', () => {
    expect(matchMentionCandidates(users, 'b').map((u) => u.id)).toEqual(['u2', 'u4']);
    expect(matchMentionCandidates(users, 'rob').map((u) => u.id)).toEqual(['u4']);
    expect(matchMentionCandidates(users, 'bkr').map((u) => u.id)).toEqual(['u2']);
  });
  it('ignores accents and case, and lists everyone for an empty query', () => {
    expect(matchMentionCandidates(users, 'JOSE').map((u) => u.id)).toEqual(['u3']);
    expect(matchMentionCandidates(users, '')).toHaveLength(4);
    expect(matchMentionCandidates(users, 'zz')).toEqual([]);
  });
});

describe('mentionedIds', () => {
  it('keeps only the picked users still mentioned in the text, each once', () => {
    const text = 'Ask @Bob Baker  now';
    expect(mentionedIds(text, [users[1]!, users[1]!, users[0]!])).toEqual(['u2']);
  });
});

describe('canUserSee with readers (R14, R29)', () => {
  const assigned = { status: 'assigned' as const, assigneeId: 'u1' };
  it.each([
    ['the assignee', assigned, 'u1', true],
    ['someone else', assigned, 'u2', false],
    ['a mentioned reader', { ...assigned, readerIds: ['u2'] }, 'u2', true],
    ['another user beside a reader', { ...assigned, readerIds: ['u2'] }, 'u3', false],
    ['anyone on a waiting chat', { status: 'waiting' as const, assigneeId: null }, 'u3', true],
  ])('%s', (_label, state, viewer, expected) => {
    expect(canUserSee(state, viewer)).toBe(expected);
  });
});

describe('isMentionedReaderOnly', () => {
  const state = { status: 'assigned' as const, assigneeId: 'u1', readerIds: ['u2'] };
  it('is true only for a reader of a chat assigned to someone else', () => {
    expect(isMentionedReaderOnly(state, 'u2')).toBe(true);
    expect(isMentionedReaderOnly(state, 'u1')).toBe(false);
    expect(isMentionedReaderOnly(state, 'u3')).toBe(false);
    expect(isMentionedReaderOnly({ ...state, status: 'closed' }, 'u2')).toBe(false);
  });
});
