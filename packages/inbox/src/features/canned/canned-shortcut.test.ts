import { describe, expect, it } from 'vitest';
import { cannedMatchesSearch, cleanShortcutInput, shortcutFromTitle } from './canned-shortcut';

describe('canned shortcuts', () => {
  it.each([
    ['Precios 2025 (EU)', 'precios-2025-eu'],
    ['  Über uns!  ', 'uber-uns'],
    ['¿Qué tal?', 'que-tal'],
    ['x'.repeat(40), 'x'.repeat(32)],
  ])('suggests a shortcut for %j', (title, shortcut) => {
    expect(shortcutFromTitle(title)).toBe(shortcut);
  });

  it('cleans what is typed in the shortcut field', () => {
    expect(cleanShortcutInput('/Prix Été')).toBe('prix-ete');
    expect(cleanShortcutInput('a--b')).toBe('a-b');
  });

  it('searches title, shortcut and text without accents or case', () => {
    const response = { title: 'Horario', shortcut: 'hours', body: 'Abrimos a las **nueve**' };
    expect(cannedMatchesSearch(response, 'HORA')).toBe(true);
    expect(cannedMatchesSearch(response, 'nueve')).toBe(true);
    expect(cannedMatchesSearch(response, 'precio')).toBe(false);
  });
});
