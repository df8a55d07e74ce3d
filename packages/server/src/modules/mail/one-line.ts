/**
 * Header safety: a subject or a display name is one line. CR, LF, other line and paragraph
 * separators and control characters become one space, so a name like "Eve\r\nBcc: x@y" can never
 * start a new header; the result is trimmed and capped.
 */
export function oneLine(value: string, max = 200): string {
  // eslint-disable-next-line no-control-regex
  const flat = value.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, ' ').replace(/\s{2,}/g, ' ');
  const trimmed = flat.trim();
  return trimmed.length > max ? `${trimmed.slice(0, max - 1)}…` : trimmed;
}

/** A recipient must be exactly one plain address: no name, no list, no line break. */
export function isSingleAddress(value: string): boolean {
  return (
    value.length <= 254 && /^[^\s@<>,;:"()[\]\\]+@[^\s@<>,;:"()[\]\\]+\.[^\s@<>,;:"()[\]\\]+$/.test(value)
  );
}
