import { describe, expect, it } from 'vitest';
import { createTranslator, dictionaries } from './i18n';

const CATEGORY = /_(zero|one|two|few|many|other)$/;
const REAL = ['en', 'es', 'pt-BR', 'fr', 'de'] as const;

/** The keys of a dictionary lacking a plural category `language` needs, as `key_category`. */
function missingCategories(dictionary: Record<string, string | undefined>, language: string): string[] {
  const needed = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  const bases = new Set(
    Object.keys(dictionary).flatMap((k) => (CATEGORY.test(k) ? [k.replace(CATEGORY, '')] : [])),
  );
  return [...bases].flatMap((base) =>
    needed.filter((c) => dictionary[`${base}_${c}`] === undefined).map((c) => `${base}_${c}`),
  );
}

describe('widget plural forms (issue 23)', () => {
  it.each(REAL)('gives every plural key every category %s needs', (language) => {
    expect(missingCategories(dictionaries[language], language)).toEqual([]);
  });

  it('catches a language missing a category its rules need', () => {
    const { charsLeft_many: _dropped, ...french } = dictionaries.fr;
    expect(missingCategories(french, 'fr')).toEqual(['charsLeft_many']);
  });

  it('picks the form by count: one, other, and many for a million in French and Portuguese', () => {
    expect(createTranslator('en')('charsLeft', { count: '1' })).toBe('1 character left');
    expect(createTranslator('en')('charsLeft', { count: '12' })).toBe('12 characters left');
    expect(createTranslator('fr')('tooLong', { count: '1' })).toBe(
      '1 caractère de trop. Raccourcissez pour envoyer.',
    );
    expect(createTranslator('fr')('charsLeft', { count: '1000000' })).toBe('Encore 1000000 de caractères');
    expect(createTranslator('pt-BR')('charsLeft', { count: '1000000' })).toBe('Restam 1000000 de caracteres');
    expect(createTranslator('es')('charsLeft', { count: '1' })).toBe('Queda 1 carácter');
  });

  it('falls back to _other in a pseudo-locale whose base language has more categories', () => {
    const few = createTranslator('ar-XB')('charsLeft', { count: '3' });
    expect(new Intl.PluralRules('ar-XB').select(3)).toBe('few');
    expect(few).toContain('3');
    // Arabic's "few" has no form of its own here: the _other text (as for 100), never the key.
    const other = createTranslator('ar-XB')('charsLeft', { count: '100' });
    expect(new Intl.PluralRules('ar-XB').select(100)).toBe('other');
    expect(few).toBe(other.replace('100', '3'));
    expect(few).not.toContain('charsLeft');
  });
});
