const MAX_NAME_CHARS = 120;
// C0/C1 controls, and the bidirectional controls that make "gpj.exe" read as "exe.jpg" (RTL override).
const UNSAFE = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu;

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
};

/**
 * A name safe to show and to put in Content-Disposition: no folders (only what follows the last
 * / or \), no control or bidi characters, at most 120 characters, and the extension of the type
 * the content really is ("invoice.pdf.exe" sniffed as a PDF becomes "invoice.pdf.exe.pdf").
 */
export function sanitiseFileName(raw: string, contentType: string): string {
  const base = raw.split(/[/\\]/).pop() ?? '';
  let name = base.normalize('NFC').replace(UNSAFE, '').replace(/\s+/g, ' ').trim();
  name = name.replace(/^\.+/, '');
  const extension = EXTENSIONS[contentType] ?? 'bin';
  const dot = name.lastIndexOf('.');
  const current = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  const same = current === extension || (extension === 'jpg' && current === 'jpeg');
  let stem = same ? name.slice(0, dot) : name;
  stem = stem.slice(0, MAX_NAME_CHARS - extension.length - 1).trim();
  return `${stem === '' ? 'file' : stem}.${same ? current : extension}`;
}

/** `Content-Disposition` for a name: an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;]/g, '_');
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
