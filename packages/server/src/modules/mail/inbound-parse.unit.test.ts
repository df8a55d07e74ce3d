import { describe, expect, it } from 'vitest';
import { stripQuoted } from './inbound-parse';

describe('stripQuoted: the answer without the mail it quotes', () => {
  it('cuts at a Spanish "escribió:" header, composed or decomposed, and at an English one', () => {
    const composed = 'Perfecto.\n\nEl lun, 2 mar 2026, Acme <a@acme.test> escribi\u00f3:\n> Hola';
    const decomposed = 'Perfecto.\n\nEl lun, 2 mar 2026, Acme <a@acme.test> escribio\u0301:\n> Hola';
    const english = 'Great.\n\nOn Mon, 2 Mar 2026, Acme <a@acme.test> wrote:\n> Hi';
    expect(stripQuoted(composed)).toBe('Perfecto.');
    expect(stripQuoted(decomposed)).toBe('Perfecto.');
    expect(stripQuoted(english)).toBe('Great.');
  });

  it('keeps a line that only mentions writing', () => {
    const text = 'El informe lo escribió Ana ayer.\nOn Monday she wrote it.';
    expect(stripQuoted(text)).toBe(text);
  });
});
