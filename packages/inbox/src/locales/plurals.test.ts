import { describe, expect, it } from 'vitest';
import { pseudoDictionary } from '@charla/protocol';
import { en } from './en';
import { es } from './es';
import de from './de.json';
import fr from './fr.json';
import ptBR from './pt-BR.json';
import { completePlurals, pluralCategories, pluralKeys } from './plural-forms';

const real = { en, es, 'pt-BR': ptBR, fr, de };
const englishPlurals = [...pluralKeys(en).keys()];

/** The keys of `dictionary` lacking a plural category `locale` needs, as `key_category`. */
function missingCategories(dictionary: unknown, locale: string): string[] {
  const needed = pluralCategories(locale);
  return [...pluralKeys(dictionary)].flatMap(([key, has]) =>
    needed.filter((c) => !has.has(c)).map((c) => `${key}_${c}`),
  );
}

describe('plural forms (issue 23)', () => {
  it('knows the languages that need more than one/other', () => {
    expect(pluralCategories('fr')).toContain('many');
    expect(pluralCategories('pt-BR')).toContain('many');
    expect(new Intl.PluralRules('fr').select(1_000_000)).toBe('many');
  });

  it.each(Object.entries(real))('gives every plural key every category %s needs', (locale, messages) => {
    expect(missingCategories(messages, locale)).toEqual([]);
  });

  it.each(Object.entries(real))(
    'pluralises in %s exactly the keys English pluralises',
    (_locale, messages) => {
      expect([...pluralKeys(messages).keys()].sort()).toEqual([...englishPlurals].sort());
    },
  );

  it('catches a language missing a category its rules need', () => {
    const { waitingCount_many: _dropped, ...inbox } = fr.inbox;
    expect(missingCategories({ ...fr, inbox }, 'fr')).toEqual(['inbox.waitingCount_many']);
  });

  it('completes the pseudo-locales with the categories of their base language, from _other', () => {
    const arabic = completePlurals(pseudoDictionary(en, true), 'ar-XB');
    expect(missingCategories(arabic, 'ar-XB')).toEqual([]);
    expect(pluralCategories('ar-XB')).toEqual(expect.arrayContaining(['zero', 'two', 'few', 'many']));
    const inbox = arabic.inbox as unknown as Record<string, string>;
    expect(inbox.waitingCount_few).toBe(inbox.waitingCount_other);
    expect(missingCategories(completePlurals(pseudoDictionary(en), 'en-XA'), 'en-XA')).toEqual([]);
  });
});
