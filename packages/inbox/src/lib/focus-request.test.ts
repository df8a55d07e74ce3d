import { describe, expect, it } from 'vitest';
import { keyboardUnmoved } from './focus-request';

// Stand-ins for DOM elements: only their identity matters.
const page = { tag: 'body' } as unknown as Element;
const assignButton = { tag: 'button' } as unknown as Element;
const panelField = { tag: 'input' } as unknown as Element;

describe('keyboardUnmoved', () => {
  it('lets the app move the keyboard while it is still where the request was made', () => {
    expect(keyboardUnmoved({ from: assignButton }, assignButton, page)).toBe(true);
  });

  it('lets the app move it when nothing holds it (the asking button has gone)', () => {
    expect(keyboardUnmoved({ from: assignButton }, page, page)).toBe(true);
    expect(keyboardUnmoved({ from: assignButton }, null, page)).toBe(true);
  });

  it('keeps it where the user put it since the request', () => {
    expect(keyboardUnmoved({ from: assignButton }, panelField, page)).toBe(false);
    expect(keyboardUnmoved({ from: null }, panelField, page)).toBe(false);
  });
});
