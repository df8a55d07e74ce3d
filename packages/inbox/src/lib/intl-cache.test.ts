import { describe, expect, it } from 'vitest';
import {
  cachedFormatterCount,
  dateTimeFormat,
  languageName,
  listFormat,
  numberFormat,
  relativeTimeFormat,
} from './intl-cache';

describe('intl-cache', () => {
  it('builds one formatter per locale and options and reuses it', () => {
    const first = numberFormat('de', { style: 'currency', currency: 'EUR' });
    const before = cachedFormatterCount();
    expect(numberFormat('de', { style: 'currency', currency: 'EUR' })).toBe(first);
    expect(cachedFormatterCount()).toBe(before);
    expect(numberFormat('fr', { style: 'currency', currency: 'EUR' })).not.toBe(first);
    expect(cachedFormatterCount()).toBe(before + 1);
  });
  it('formats in the locale it was built for', () => {
    expect(numberFormat('de').format(12345.67)).toBe('12.345,67');
    expect(numberFormat('pt-BR').format(12345.67)).toBe('12.345,67');
    expect(listFormat('fr', { type: 'conjunction' }).format(['a', 'b', 'c'])).toBe('a, b et c');
    expect(relativeTimeFormat('de', { numeric: 'auto' }).format(-1, 'day')).toBe('gestern');
    expect(dateTimeFormat('pt-BR', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2026, 2, 2))).toBe(
      'março',
    );
  });
  it('names a language in the language of the sentence it goes in', () => {
    expect(languageName('es', 'en')).toBe('inglés');
    expect(languageName('en', 'es')).toBe('Spanish');
    expect(languageName('de', 'pt-BR')).toBe('Portugiesisch (Brasilien)');
    expect(languageName('fr', 'de')).toBe('allemand');
  });
});
