import { describe, expect, it } from 'vitest';
import { enterAction } from './composer-keys';

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
