import { describe, expect, it } from 'vitest';
import { enterAction, enterActionOf, handleComposerKey } from './composer-keys';

const key = (over: Partial<Parameters<typeof enterAction>[0]>) =>
  enterAction({
    key: 'Enter',
    shiftKey: false,
    ctrlKey: false,
    metaKey: false,
    isComposing: false,
    inList: false,
    ...over,
  });

describe('enterAction', () => {
  it('sends on Enter, breaks the line on Shift+Enter', () => {
    expect(key({})).toBe('send');
    expect(key({ shiftKey: true })).toBe('editor');
  });

  it('continues a list on Enter inside one; Ctrl+Enter or ⌘+Enter sends from there', () => {
    expect(key({ inList: true })).toBe('editor');
    expect(key({ inList: true, shiftKey: true })).toBe('editor');
    expect(key({ inList: true, ctrlKey: true })).toBe('send');
    expect(key({ inList: true, metaKey: true })).toBe('send');
    expect(key({ ctrlKey: true })).toBe('send');
  });

  it('leaves Enter to an IME that is composing, and other keys alone', () => {
    expect(key({ isComposing: true })).toBeNull();
    expect(key({ isComposing: true, inList: true })).toBeNull();
    expect(key({ key: 'a' })).toBeNull();
    expect(key({ key: 'Tab', inList: true })).toBeNull();
  });
});

describe('enterActionOf', () => {
  /** Like a DOM KeyboardEvent: its fields are getters on the prototype, which a spread loses. */
  class DomLikeKey {
    constructor(private readonly pressed: { key: string; shift?: boolean; ctrl?: boolean }) {}
    get key() {
      return this.pressed.key;
    }
    get shiftKey() {
      return this.pressed.shift ?? false;
    }
    get ctrlKey() {
      return this.pressed.ctrl ?? false;
    }
    get metaKey() {
      return false;
    }
    get isComposing() {
      return false;
    }
  }

  it('reads the fields of an event whose fields are getters', () => {
    expect(enterActionOf(new DomLikeKey({ key: 'Enter' }), false)).toBe('send');
    expect(enterActionOf(new DomLikeKey({ key: 'Enter', shift: true }), false)).toBe('editor');
    expect(enterActionOf(new DomLikeKey({ key: 'Enter' }), true)).toBe('editor');
    expect(enterActionOf(new DomLikeKey({ key: 'Enter', ctrl: true }), true)).toBe('send');
    expect(enterActionOf(new DomLikeKey({ key: 'a' }), false)).toBeNull();
  });
});

describe('handleComposerKey', () => {
  const press = (key: string, picker = false) => {
    const done: string[] = [];
    const event = {
      key,
      shiftKey: false,
      ctrlKey: false,
      metaKey: false,
      isComposing: false,
      preventDefault: () => done.push('prevented'),
    } as unknown as KeyboardEvent;
    const handled = handleComposerKey(event, false, {
      picker: () => picker,
      send: () => done.push('send'),
      leave: () => done.push('leave'),
    });
    return { handled, done };
  };

  it('lets an open picker take the key first', () => {
    expect(press('Enter', true)).toEqual({ handled: true, done: [] });
  });

  it('sends on Enter, leaves on Escape, and leaves other keys to the editor', () => {
    expect(press('Enter')).toEqual({ handled: true, done: ['prevented', 'send'] });
    expect(press('Escape')).toEqual({ handled: true, done: ['leave'] });
    expect(press('b')).toEqual({ handled: false, done: [] });
  });
});
