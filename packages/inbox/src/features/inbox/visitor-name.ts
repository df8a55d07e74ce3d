import { isolateBidi, isVisitorNumberLabel, type TConversationDto } from '@charla/protocol';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The visitor's captured name (bidi-isolated: shown inline everywhere), or a stable "Visitor #1234" in the UI language. */
export function visitorName(visitor: TConversationDto['visitor'], t: Translate): string {
  const name = visitor.displayName.trim();
  // The numbered fallback, in whichever language the server wrote it, is said in the reader's.
  if (isVisitorNumberLabel(name, visitor.number) || /^(visitor|visitante) #\d+$/i.test(name))
    return t('inbox.visitorNumber', { number: visitor.number });
  return isolateBidi(name);
}

/** "Visitor #2631" when the conversation shows a person's name or email instead, else null. */
export function visitorNumberLabel(visitor: TConversationDto['visitor'], t: Translate): string | null {
  const label = t('inbox.visitorNumber', { number: visitor.number });
  return visitorName(visitor, t) === label ? null : label;
}

/** "example.com/pricing" from a full URL, for compact display. */
export function shortUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    const path = parsed.pathname === '/' ? '' : parsed.pathname;
    return `${parsed.host}${path}`;
  } catch {
    return url;
  }
}

/** "Chrome 120 on macOS" from a user agent, good enough for a side panel. */
export function describeUserAgent(ua: string | null): string | null {
  if (!ua) return null;
  const browser =
    /Edg\/(\d+)/.exec(ua)?.[1] !== undefined
      ? `Edge ${/Edg\/(\d+)/.exec(ua)?.[1]}`
      : /Firefox\/(\d+)/.test(ua)
        ? `Firefox ${/Firefox\/(\d+)/.exec(ua)?.[1]}`
        : /Chrome\/(\d+)/.test(ua)
          ? `Chrome ${/Chrome\/(\d+)/.exec(ua)?.[1]}`
          : /Version\/(\d+).*Safari/.test(ua)
            ? `Safari ${/Version\/(\d+)/.exec(ua)?.[1]}`
            : null;
  const os = /iPhone|iPad/.test(ua)
    ? 'iOS'
    : /Android/.test(ua)
      ? 'Android'
      : /Mac OS X/.test(ua)
        ? 'macOS'
        : /Windows/.test(ua)
          ? 'Windows'
          : /Linux/.test(ua)
            ? 'Linux'
            : null;
  if (browser && os) return `${browser} · ${os}`;
  return browser ?? os ?? ua.slice(0, 60);
}
