import { z } from 'zod';

/**
 * Page URLs and referrers come from the visitor's browser (any script on the host page can send
 * anything) and are shown to the team as links. Only absolute http(s) URLs are kept; anything
 * else (`javascript:`, `java\tscript:`, `data:text/html,…`, relative or malformed) becomes null,
 * i.e. "unknown". A browser's `location.href` is serialized ASCII (non-ASCII, spaces, quotes and
 * angle brackets percent-encoded, hosts in punycode), so anything outside that set is refused
 * outright — also because the URL parser silently drops tabs and newlines
 * (`java\tscript:` parses as `javascript:`). URLs with credentials are refused as well.
 */
export function toHttpUrlOrNull(value: string | null | undefined): string | null {
  if (typeof value !== 'string' || value.length > 2000) return null;
  if (!/^https?:\/\/[!#-;=?-[\]_a-z~]+$/i.test(value)) return null;
  try {
    const { protocol, username, password } = new URL(value);
    if (username || password) return null;
    return protocol === 'http:' || protocol === 'https:' ? value : null;
  } catch {
    return null;
  }
}

/** A page URL or referrer as the widget reports it: stored only when http(s), else null. */
export const ZReportedPageUrl = z.string().max(2000).transform(toHttpUrlOrNull);
