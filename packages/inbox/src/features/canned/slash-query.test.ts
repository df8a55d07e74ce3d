import { describe, expect, it } from 'vitest';
import { findSlashQuery, listKeyAction, slashToInsert } from './slash-query';

describe('findSlashQuery', () => {
  it.each([
    ['/pri', 4, { start: 0, end: 4, query: 'pri' }],
    ['Hello /pri', 10, { start: 6, end: 10, query: 'pri' }],
    ['Hello\n/', 7, { start: 6, end: 7, query: '' }],
    ['/pricing today', 4, { start: 0, end: 4, query: 'pri' }],
  ])('finds the slash word in %j at %i', (text, caret, expected) => {
    expect(findSlashQuery(text, caret)).toEqual(expected);
  });

  it.each([
    ['and/or', 6],
    ['https://example.com/p', 21],
    ['/pri ce', 7],
    ['no slash', 8],
    ['//x', 3],
    [`/${'x'.repeat(41)}`, 42],
  ])('sees no command in %j at %i', (text, caret) => {
    expect(findSlashQuery(text, caret)).toBeNull();
  });
});

describe('slashToInsert', () => {
  it('types a slash, with a space inside a word', () => {
    expect(slashToInsert('Hi', 2)).toBe(' /');
    expect(slashToInsert('Hi ', 3)).toBe('/');
    expect(slashToInsert('', 0)).toBe('/');
  });
});

describe('listKeyAction', () => {
  it.each([
    ['ArrowDown', false, 3, 1],
    ['ArrowUp', false, 3, -1],
    ['Enter', false, 3, 'pick'],
    ['Tab', false, 3, 'pick'],
    ['Enter', true, 3, null],
    ['Escape', false, 3, 'close'],
    ['Escape', false, 0, 'close'],
    ['Enter', false, 0, null],
    ['ArrowDown', false, 0, null],
    ['a', false, 3, null],
  ] as const)('%s (shift %s) with %i matches → %s', (key, shiftKey, count, action) => {
    expect(listKeyAction({ key, shiftKey }, count)).toBe(action);
  });
});
