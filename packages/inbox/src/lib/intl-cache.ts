// Intl formatters are expensive to build (each loads locale data): one per locale and options,
// kept for the life of the page. Same signatures as the constructors they stand for.

const cache = new Map<string, unknown>();

function cached<T>(kind: string, locale: string | undefined, options: object | undefined, build: () => T): T {
  const key = `${kind}|${locale ?? ''}|${options ? JSON.stringify(options) : ''}`;
  let formatter = cache.get(key) as T | undefined;
  if (formatter === undefined) {
    formatter = build();
    cache.set(key, formatter);
  }
  return formatter;
}

export function numberFormat(locale?: string, options?: Intl.NumberFormatOptions): Intl.NumberFormat {
  return cached('number', locale, options, () => new Intl.NumberFormat(locale, options));
}

export function dateTimeFormat(locale?: string, options?: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached('date', locale, options, () => new Intl.DateTimeFormat(locale, options));
}

export function relativeTimeFormat(
  locale?: string,
  options?: Intl.RelativeTimeFormatOptions,
): Intl.RelativeTimeFormat {
  return cached('relative', locale, options, () => new Intl.RelativeTimeFormat(locale, options));
}

export function listFormat(locale?: string, options?: Intl.ListFormatOptions): Intl.ListFormat {
  return cached('list', locale, options, () => new Intl.ListFormat(locale, options));
}

export function pluralRules(locale?: string, options?: Intl.PluralRulesOptions): Intl.PluralRules {
  return cached('plural', locale, options, () => new Intl.PluralRules(locale, options));
}

export function displayNames(
  locale: string | undefined,
  options: Intl.DisplayNamesOptions,
): Intl.DisplayNames {
  return cached('names', locale, options, () => new Intl.DisplayNames(locale, options));
}

/**
 * A language's name as said in `uiLanguage`, for use inside a sentence ("… en inglés"): pickers
 * list each language under its own name ("English"), sentences must not.
 */
export function languageName(uiLanguage: string, code: string): string {
  try {
    return displayNames(uiLanguage, { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** How many formatters are built (for the test that shows they are reused). */
export function cachedFormatterCount(): number {
  return cache.size;
}
