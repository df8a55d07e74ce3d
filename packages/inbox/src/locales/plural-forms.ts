/**
 * A dictionary in a language whose plural rules have more categories than English's (Spanish,
 * French and Portuguese have `many`, for 1 000 000 and other multiples of a million): beside each
 * `key_other` it may hold `key_many`. `plurals.test.ts` checks that every language has every
 * category `Intl.PluralRules` asks for.
 */
export type WithPluralForms<T> = {
  [K in keyof T]: T[K] extends string ? string : WithPluralForms<T[K]>;
} & {
  [K in keyof T as K extends `${infer Base}_other` ? `${Base}_many` : never]?: string;
};

const CATEGORY_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** The plural categories `Intl.PluralRules` uses for `locale` (what i18next asks for). */
export function pluralCategories(locale: string): string[] {
  return [...new Intl.PluralRules(locale).resolvedOptions().pluralCategories];
}

/**
 * The same dictionary with every plural category `locale` needs: a missing one takes the `_other`
 * text of the same key. For the pseudo-locales, generated from English (one/other) but read with
 * their base language's rules (Arabic has six categories), so no count falls back to English.
 */
export function completePlurals<T>(dictionary: T, locale: string): T {
  const categories = pluralCategories(locale);
  const complete = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    const entries = Object.entries(value as Record<string, unknown>).map(
      ([k, v]) => [k, complete(v)] as const,
    );
    const out: Record<string, unknown> = Object.fromEntries(entries);
    for (const [key, text] of entries) {
      if (!key.endsWith('_other')) continue;
      const base = key.slice(0, -'_other'.length);
      for (const category of categories) out[`${base}_${category}`] ??= text;
    }
    return out;
  };
  return complete(dictionary) as T;
}

/** Every key that has plural forms, with the categories it has. */
export function pluralKeys(dictionary: unknown, prefix = ''): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  const walk = (value: unknown, path: string) => {
    if (typeof value !== 'object' || value === null) return;
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      const full = path ? `${path}.${key}` : key;
      const match = CATEGORY_SUFFIX.exec(key);
      if (typeof child === 'string' && match) {
        const base = full.slice(0, -match[0].length);
        found.set(base, (found.get(base) ?? new Set()).add(match[1] ?? ''));
      } else walk(child, full);
    }
  };
  walk(dictionary, prefix);
  return found;
}
