import { describe, expect, it } from 'vitest';
import { pseudoDictionary } from '@charla/protocol';
import { en } from './en';
import { es } from './es';
import de from './de.json';
import fr from './fr.json';
import ptBR from './pt-BR.json';

function leaves(value: unknown, prefix = ''): [string, string][] {
  if (typeof value === 'string') return [[prefix, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    leaves(v, prefix ? `${prefix}.${k}` : k),
  );
}

const translations = { es, 'pt-BR': ptBR, fr, de };
const englishKeys = leaves(en).map(([k]) => k);

describe('locales', () => {
  it.each(Object.entries(translations))(
    'has every key English has in %s, and no other',
    (_lang, messages) => {
      const keys = new Set(leaves(messages).map(([k]) => k));
      expect(englishKeys.filter((k) => !keys.has(k))).toEqual([]);
      // Beyond English's keys, only the plural categories English lacks (plurals.test.ts).
      const extra = [...keys].filter((k) => !englishKeys.includes(k));
      expect(
        extra.filter((k) => !/_many$/.test(k) || !englishKeys.includes(k.replace(/_many$/, '_other'))),
      ).toEqual([]);
    },
  );
  it.each(Object.entries(translations))(
    'keeps every placeholder of the English string in %s',
    (_lang, messages) => {
      const map = new Map(leaves(messages));
      for (const [key, text] of leaves(en)) {
        const vars = text.match(/\{\{\w+\}\}/g) ?? [];
        for (const v of vars) expect(map.get(key), key).toContain(v);
      }
    },
  );
  it('translates: no newer language leaves a long English sentence as it is', () => {
    for (const messages of [ptBR, fr, de]) {
      const map = new Map(leaves(messages));
      const same = leaves(en).filter(([k, v]) => v.split(' ').length > 3 && map.get(k) === v);
      expect(same.map(([k]) => k)).toEqual([]);
    }
  });
  it('generates the pseudo-locale with no ASCII letter outside placeholders', () => {
    for (const [key, text] of leaves(pseudoDictionary(en))) {
      if (text === '') continue;
      expect(text.replace(/\{\{\w+\}\}|<[^>]*>/g, ''), key).not.toMatch(/[A-Za-z]/);
    }
  });
});
