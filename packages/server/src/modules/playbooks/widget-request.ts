import { toWebOrigin } from '@charla/protocol';

const MAX_URL_CHARS = 2000;

export type TWidgetRequest = {
  /** The raw `Origin` header, if any. */
  origin: string | undefined;
  /** The page the loader runs on, as it reports it. */
  pageUrl: string | undefined;
  /** Charla's own URL: loads from there are the admin preview, never an install. */
  publicUrl: string;
  allowedOrigins: readonly string[];
};

export type TWidgetRequestDecision =
  { allowed: false } | { allowed: true; install: { origin: string; lastUrl: string } | null };

/** The page URL to record: the reported one when it is on the requesting origin, else the origin itself. */
function installUrl(origin: string, pageUrl: string | undefined): string {
  if (pageUrl === undefined || toWebOrigin(pageUrl) !== origin) return `${origin}/`;
  const url = new URL(pageUrl);
  url.hash = '';
  const href = url.href;
  return href.length <= MAX_URL_CHARS ? href : `${origin}/`;
}

function isDemoUrl(pageUrl: string, ownOrigin: string): boolean {
  try {
    const url = new URL(pageUrl);
    return url.origin === ownOrigin && url.pathname === '/demo';
  } catch {
    return false;
  }
}

/**
 * Decides a widget config request: whether the origin may load the playbook (an empty allowed
 * list means any; Charla's own origin is always allowed, for the preview), and which install to
 * record — only for real pages, that is http(s) origins other than Charla's own, and the demo page.
 */
export function decideWidgetRequest(request: TWidgetRequest): TWidgetRequestDecision {
  const origin =
    request.origin !== undefined && request.origin !== 'null' ? toWebOrigin(request.origin) : null;
  const ownOrigin = new URL(request.publicUrl).origin;
  const allowed =
    request.allowedOrigins.length === 0 ||
    (origin !== null && (origin === ownOrigin || request.allowedOrigins.includes(origin)));
  if (!allowed) return { allowed: false };
  // The bundled demo website (/demo) is a real page too, so a fresh install can try live chat.
  // Browsers send no Origin on a same-origin GET, so the demo page is known by its URL alone.
  const isDemoPage =
    (origin === ownOrigin || origin === null) &&
    request.pageUrl !== undefined &&
    isDemoUrl(request.pageUrl, ownOrigin);
  if (isDemoPage)
    return { allowed: true, install: { origin: ownOrigin, lastUrl: installUrl(ownOrigin, request.pageUrl) } };
  const isRealPage = origin !== null && origin !== ownOrigin;
  return {
    allowed: true,
    install: isRealPage ? { origin, lastUrl: installUrl(origin, request.pageUrl) } : null,
  };
}
