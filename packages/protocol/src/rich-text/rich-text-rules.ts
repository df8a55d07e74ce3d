// The rich-text limits and URL rules as plain code, apart from the zod schema that uses them, so a
// client can check links and lengths without bundling zod (issue 25: zod-free client bundles).

/** The longest text node of any rich text. */
export const MAX_RICH_TEXT_CHARS = 5000;

// Control, whitespace and invisible format characters (bidi overrides, zero-width): never
// needed in a URL we link to or load, and a way to disguise one.
const UNSAFE_URL_CHARS = /[\p{Cc}\p{Cf}\s]/u;

/** True for http(s) and mailto links with no credentials and no control or invisible characters. */
export function isAllowedLinkHref(href: string): boolean {
  if (UNSAFE_URL_CHARS.test(href)) return false;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  if (url.protocol === 'mailto:') return url.pathname.includes('@');
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  return url.username === '' && url.password === '' && url.hostname !== '';
}

/** True for https images, and http images served from localhost (development). */
export function isAllowedImageSrc(src: string): boolean {
  if (UNSAFE_URL_CHARS.test(src)) return false;
  let url: URL;
  try {
    url = new URL(src);
  } catch {
    return false;
  }
  if (url.username !== '' || url.password !== '') return false;
  if (url.protocol === 'https:') return url.hostname !== '';
  return url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname === '127.0.0.1');
}
