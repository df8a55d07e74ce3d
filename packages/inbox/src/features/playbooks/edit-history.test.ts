import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, editHistory, HISTORY_LIMIT, historyKey, startHistory } from './edit-history';

type Doc = { n: number };
const a: Doc = { n: 1 };
const b: Doc = { n: 2 };
const c: Doc = { n: 3 };

describe('editHistory (undo/redo of the playbook editor)', () => {
  it('undoes and redoes edits in order', () => {
    let h = startHistory(a);
    h = editHistory(h, { type: 'edit', doc: b });
    h = editHistory(h, { type: 'edit', doc: c });
    h = editHistory(h, { type: 'undo' });
    expect(h.present).toBe(b);
    h = editHistory(h, { type: 'undo' });
    expect(h.present).toBe(a);
    expect(canUndo(h)).toBe(false);
    h = editHistory(h, { type: 'redo' });
    h = editHistory(h, { type: 'redo' });
    expect(h.present).toBe(c);
    expect(canRedo(h)).toBe(false);
  });

  it('drops the redo branch when a new edit follows an undo', () => {
    let h = editHistory(editHistory(startHistory(a), { type: 'edit', doc: b }), { type: 'undo' });
    expect(canRedo(h)).toBe(true);
    h = editHistory(h, { type: 'edit', doc: c });
    expect(h).toEqual({ past: [a], present: c, future: [] });
  });

  it('leaves the state as it is for undo or redo with nothing to do, and for an edit that changes nothing', () => {
    const h = startHistory(a);
    expect(editHistory(h, { type: 'undo' })).toBe(h);
    expect(editHistory(h, { type: 'redo' })).toBe(h);
    expect(editHistory(h, { type: 'edit', doc: a })).toBe(h);
  });

  it('starts over on reset and keeps replace out of the history', () => {
    let h = editHistory(startHistory(a), { type: 'edit', doc: b });
    h = editHistory(h, { type: 'replace', doc: c });
    expect(h).toEqual({ past: [a], present: c, future: [] });
    expect(editHistory(h, { type: 'reset', doc: b })).toEqual({ past: [], present: b, future: [] });
  });

  it(`keeps at most ${HISTORY_LIMIT} steps`, () => {
    let h = startHistory<Doc>({ n: 0 });
    for (let n = 1; n <= HISTORY_LIMIT + 20; n += 1) h = editHistory(h, { type: 'edit', doc: { n } });
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    expect(h.past[0]).toEqual({ n: 20 });
  });
});

describe('historyKey', () => {
  const key = (
    k: string,
    mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {},
  ) => historyKey({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });
  it('maps Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y and ⌘ on a Mac', () => {
    expect(key('z', { ctrlKey: true })).toBe('undo');
    expect(key('Z', { ctrlKey: true, shiftKey: true })).toBe('redo');
    expect(key('y', { ctrlKey: true })).toBe('redo');
    expect(key('z', { metaKey: true })).toBe('undo');
  });
  it('ignores plain letters and other shortcuts', () => {
    expect(key('z')).toBeNull();
    expect(key('z', { ctrlKey: true, altKey: true })).toBeNull();
    expect(key('c', { ctrlKey: true })).toBeNull();
  });
});
