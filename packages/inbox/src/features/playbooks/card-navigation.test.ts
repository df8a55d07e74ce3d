import { describe, expect, it } from 'vitest';
import { cardKeyAction, neighbourCard, spotBeside, type CardBox } from './card-navigation';

const box = (id: string, x: number, y: number): CardBox => ({ id, x, y, width: 260, height: 120 });
// a → b → c in a row; d below b; e far up and right.
const boxes = [box('a', 0, 0), box('b', 400, 0), box('c', 800, 20), box('d', 400, 300), box('e', 900, -600)];

describe('neighbourCard', () => {
  it('goes to the nearest card that way, preferring cards in line', () => {
    expect(neighbourCard(boxes, 'a', 'right')).toBe('b');
    expect(neighbourCard(boxes, 'b', 'right')).toBe('c');
    expect(neighbourCard(boxes, 'c', 'left')).toBe('b');
    expect(neighbourCard(boxes, 'b', 'down')).toBe('d');
    expect(neighbourCard(boxes, 'd', 'up')).toBe('b');
    expect(neighbourCard(boxes, 'c', 'up')).toBe('e');
  });

  it('is null when no card lies that way, and the first card from an unknown one', () => {
    expect(neighbourCard(boxes, 'a', 'left')).toBeNull();
    expect(neighbourCard(boxes, 'd', 'down')).toBeNull();
    expect(neighbourCard(boxes, 'gone', 'down')).toBe('a');
    expect(neighbourCard([], 'gone', 'down')).toBeNull();
  });
});

describe('cardKeyAction', () => {
  const key = (
    k: string,
    mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {},
  ) => cardKeyAction({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

  it('maps arrows, Enter, N, Home and ? and leaves Shift+arrows and shortcuts to others', () => {
    expect(key('ArrowLeft')).toEqual({ kind: 'go', direction: 'left' });
    expect(key('ArrowDown')).toEqual({ kind: 'go', direction: 'down' });
    expect(key('Enter')).toEqual({ kind: 'edit' });
    expect(key('n')).toEqual({ kind: 'add-connected' });
    expect(key('Home')).toEqual({ kind: 'start' });
    expect(key('?', { shiftKey: true })).toEqual({ kind: 'help' });
    expect(key('ArrowLeft', { shiftKey: true })).toBeNull();
    expect(key('z', { ctrlKey: true })).toBeNull();
    expect(key('Enter', { altKey: true })).toBeNull();
    expect(key('Delete')).toBeNull();
    expect(key(' ')).toBeNull();
  });
});

describe('spotBeside', () => {
  const size = { width: 260, height: 120 };
  it('puts a new card right of the card, level with it, when that is free', () => {
    expect(spotBeside([box('a', 0, 0)], 'a', size)).toEqual({ x: 360, y: 0 });
  });

  it('moves down, then up, until the new card covers no other', () => {
    const taken = [box('a', 0, 0), box('b', 380, 0)];
    expect(spotBeside(taken, 'a', size)).toEqual({ x: 360, y: 168 });
    const below = [...taken, box('c', 380, 170)];
    expect(spotBeside(below, 'a', size)).toEqual({ x: 360, y: -168 });
  });
});
