import { describe, expect, it } from 'vitest';
import { hasBidiControls, isolateBidi, stripBidiControls } from './bidi';

const RLO = '\u202e';
const FSI = '\u2068';
const PDI = '\u2069';

describe('bidi controls', () => {
  it('finds every control character and nothing else', () => {
    for (const c of [
      '\u200e',
      '\u200f',
      '\u202a',
      '\u202b',
      '\u202c',
      '\u202d',
      RLO,
      '\u2066',
      '\u2067',
      FSI,
      PDI,
    ])
      expect(hasBidiControls(`a${c}b`)).toBe(true);
    for (const text of ['Ana', 'José Núñez', 'محمد', 'שלום', '\u200b', ''])
      expect(hasBidiControls(text)).toBe(false);
  });

  it('strips them for plain-text sinks', () => {
    expect(stripBidiControls(`Bob${RLO}gnp.exe\u202c and ${FSI}x${PDI}`)).toBe('Bobgnp.exe and x');
    expect(stripBidiControls('محمد')).toBe('محمد');
  });

  it('isolates text with controls, leaves other text alone, and is idempotent', () => {
    expect(isolateBidi('Ana')).toBe('Ana');
    expect(isolateBidi('محمد')).toBe('محمد');
    expect(isolateBidi(`Bob${RLO}evil`)).toBe(`${FSI}Bob${RLO}evil${PDI}`);
    // A PDI inside cannot close our isolate early.
    expect(isolateBidi(`${PDI}${RLO}evil`)).toBe(`${FSI}${RLO}evil${PDI}`);
    const once = isolateBidi(`Bob${RLO}evil`);
    expect(isolateBidi(once)).toBe(once);
  });
});
