import { isAllowedImageSrc, isAllowedLinkHref } from './rich-text-rules';

// A strict reader of renderHtml's output for tests (here, on the server and in e2e): every `<`
// must open an allowlisted tag with allowlisted double-quoted attributes, every `&` must be one
// of the five entities renderHtml writes, and every URL must pass the rich-text URL rules.

const ALLOWED_ATTRIBUTES: Record<string, readonly string[]> = {
  p: [],
  strong: [],
  em: [],
  ul: [],
  li: [],
  br: [],
  a: ['href', 'target', 'rel'],
  img: ['src', 'alt', 'loading'],
};
const TAG = /^<(\/?)([a-z]+)((?: [a-z]+="[^"<>]*")*)>/;
const ATTRIBUTE = / ([a-z]+)="([^"<>]*)"/g;
const ENTITY = /^&(?:amp|lt|gt|quot|#39);/;
const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};
const DANGEROUS_SCHEME = /^(?:javascript|vbscript|data):/i;

function decodeEntities(value: string): string | null {
  if (/&(?!(?:amp|lt|gt|quot|#39);)/.test(value)) return null;
  return value.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? '');
}

function attributeViolation(tag: string, name: string, rawValue: string): string | null {
  if (!(ALLOWED_ATTRIBUTES[tag] ?? []).includes(name)) return `attribute "${name}" on <${tag}>`;
  const value = decodeEntities(rawValue);
  if (value === null) return `stray "&" in ${tag}[${name}]`;
  if (name !== 'href' && name !== 'src') return null;
  // Browsers ignore control characters and whitespace around a scheme.
  if (DANGEROUS_SCHEME.test(value.replace(/[\p{Cc}\s]/gu, ''))) return `dangerous URL in ${tag}[${name}]`;
  if (name === 'href' ? !isAllowedLinkHref(value) : !isAllowedImageSrc(value))
    return `disallowed ${name} "${value}"`;
  return null;
}

/** First way `html` breaks the renderHtml contract (unknown tag or attribute, unsafe URL, raw markup), or null. */
export function findHtmlSafetyViolation(html: string): string | null {
  let i = 0;
  while (i < html.length) {
    const char = html[i];
    if (char === '<') {
      const match = TAG.exec(html.slice(i, i + 4200));
      if (match === null) return `unescaped "<" at ${i}: ${html.slice(i, i + 40)}`;
      const [whole, closing, tag = '', attributes = ''] = match;
      if (ALLOWED_ATTRIBUTES[tag] === undefined) return `tag <${tag}>`;
      if (closing === '/' && attributes !== '') return `attributes on </${tag}>`;
      for (const [, name = '', value = ''] of attributes.matchAll(ATTRIBUTE)) {
        const violation = attributeViolation(tag, name, value);
        if (violation !== null) return violation;
      }
      i += whole.length;
    } else if (char === '>') {
      return `unescaped ">" at ${i}`;
    } else if (char === '&') {
      if (!ENTITY.test(html.slice(i, i + 6))) return `stray "&" at ${i}`;
      i += 1;
    } else {
      i += 1;
    }
  }
  return null;
}
