import { describe, expect, it } from 'vitest';
import { en } from './en';
import { es } from './es';

function leaves(value: unknown, prefix = ''): [string, string][] {
  if (typeof value === 'string') return [[prefix, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    leaves(v, prefix ? `${prefix}.${k}` : k),
  );
}

describe('locales', () => {
  it('has the same keys in English and Spanish', () => {
    expect(leaves(es).map(([k]) => k)).toEqual(leaves(en).map(([k]) => k));
  });
  it('keeps every placeholder of the English string in the Spanish one', () => {
    const esMap = new Map(leaves(es));
    for (const [key, text] of leaves(en)) {
      const vars = text.match(/\{\{\w+\}\}/g) ?? [];
      for (const v of vars) expect(esMap.get(key), key).toContain(v);
    }
  });
});
