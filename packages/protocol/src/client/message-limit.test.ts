import { describe, expect, it } from 'vitest';
import { MAX_FRAME_BYTES } from '../api/realtime-limits';
import { checkLength, frameFits, MAX_MESSAGE_CHARS } from './message-limit';

describe('checkLength', () => {
  it('is quiet well below the limit, counts near it, and flags one character over', () => {
    expect(checkLength('hello')).toEqual({ length: 5, max: MAX_MESSAGE_CHARS, near: false, over: false });
    expect(checkLength('a'.repeat(MAX_MESSAGE_CHARS - 400))).toMatchObject({ near: true, over: false });
    expect(checkLength('a'.repeat(MAX_MESSAGE_CHARS + 1))).toMatchObject({ near: true, over: true });
    expect(checkLength('abc', 2)).toMatchObject({ over: true });
  });
});

describe('frameFits', () => {
  it('measures UTF-8 bytes of the serialized frame, not characters', () => {
    // 33 000 "é" are 33 000 characters but 66 000 bytes: over 64 KB.
    expect(frameFits({ text: 'a'.repeat(MAX_FRAME_BYTES - 20) })).toBe(true);
    expect(frameFits({ text: 'é'.repeat(33_000) })).toBe(false);
    expect(frameFits({ text: 'a'.repeat(MAX_FRAME_BYTES) })).toBe(false);
  });
});
