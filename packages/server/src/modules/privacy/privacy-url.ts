/**
 * Whether a privacy link is a web page the widget may link to: an absolute http(s) address. The
 * widget puts it in an href, so `javascript:`, `data:` and the like are refused (PRIVACY_URL_NOT_WEB).
 */
export function isWebPageUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}
