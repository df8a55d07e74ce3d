import { describe, expect, it } from 'vitest';
import { shortcutFor, stepSelection } from './shortcuts';

const key = (k: string, extra: Partial<Parameters<typeof shortcutFor>[0]> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  inEditable: false,
  ...extra,
});

describe('shortcutFor', () => {
  it('maps the letters when no text field has focus', () => {
    expect(['j', 'k', 'a', 'c', '/', 'r', '?'].map((k) => shortcutFor(key(k)))).toEqual([
      'next',
      'previous',
      'assign',
      'close',
      'focus_composer',
      'focus_composer',
      'help',
    ]);
  });
  it('ignores letters while typing in a text field', () => {
    expect(shortcutFor(key('a', { inEditable: true }))).toBeNull();
  });
  it('ignores letters with a modifier so browser shortcuts keep working', () => {
    expect(shortcutFor(key('c', { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(key('r', { metaKey: true }))).toBeNull();
  });
  it('maps Escape everywhere', () => {
    expect(shortcutFor(key('Escape', { inEditable: true }))).toBe('escape');
  });
});

describe('stepSelection', () => {
  it('selects the first row when nothing is open', () => {
    expect(stepSelection(['a', 'b'], null, 1)).toBe('a');
  });
  it('moves and stops at the ends', () => {
    expect(stepSelection(['a', 'b'], 'a', 1)).toBe('b');
    expect(stepSelection(['a', 'b'], 'b', 1)).toBe('b');
    expect(stepSelection(['a', 'b'], 'a', -1)).toBe('a');
  });
  it('returns null for an empty list', () => {
    expect(stepSelection([], null, 1)).toBeNull();
  });
});
