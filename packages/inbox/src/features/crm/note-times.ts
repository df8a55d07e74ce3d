import type { TRichText } from '@charla/protocol';
import { dateTimeFormat } from '../../lib/intl-cache';

/** `[2026-11-28T09:07:23.736Z]`, the stamp a saved transcript puts before each line. */
const STAMP = /\[(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z)\]/g;

/** A transcript stamp as the viewer reads time: "28 Nov 2026, 10:07" in their locale and zone. */
export function formatStamp(iso: string, locale: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}

/** Text with every transcript stamp in the viewer's locale and time zone. */
export function localizeStampsInText(text: string, locale: string, timeZone?: string): string {
  return text.replace(STAMP, (_match, iso: string) => `[${formatStamp(iso, locale, timeZone)}]`);
}

type AnyNode = { text?: unknown; content?: unknown };

function mapNode<T>(node: T, locale: string, timeZone?: string): T {
  const n = node as AnyNode;
  if (typeof n.text === 'string') return { ...node, text: localizeStampsInText(n.text, locale, timeZone) };
  if (Array.isArray(n.content))
    return { ...node, content: n.content.map((c: unknown) => mapNode(c, locale, timeZone)) };
  return node;
}

/** A note body whose transcript stamps read in the viewer's locale and time zone (issue 15). */
export function localizeTimestamps(body: TRichText, locale: string, timeZone?: string): TRichText {
  return mapNode(body, locale, timeZone);
}
