import type { TAttachmentType } from '@charla/protocol';

/** How many first bytes the sniffers read (browsers sniff at most 512 for HTML). */
export const SNIFF_BYTES = 1024;

export type Sniffed =
  | { ok: true; type: TAttachmentType; kind: 'image' | 'file' }
  | { ok: false; code: 'ATTACHMENT_TYPE_NOT_ALLOWED' | 'ATTACHMENT_POLYGLOT' };

const starts = (head: Buffer, bytes: number[], at = 0) => bytes.every((b, i) => head[at + i] === b);
const ascii = (head: Buffer, text: string, at = 0) =>
  head.subarray(at, at + text.length).toString('latin1') === text;

/** The allowlisted type of a file by its magic bytes; null for anything else (zip, SVG, HTML, …). */
export function typeByMagic(head: Buffer): TAttachmentType | null {
  if (starts(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (ascii(head, 'GIF87a') || ascii(head, 'GIF89a')) return 'image/gif';
  if (ascii(head, 'RIFF') && ascii(head, 'WEBP', 8)) return 'image/webp';
  if (ascii(head, '%PDF-')) return 'application/pdf';
  return null;
}

// What a browser or a plug-in would take for a web page or script if it ever sniffed the file.
const ACTIVE =
  /<(?:!doctype|html|head|body|script|svg|iframe|object|embed|meta|style|a\s|img\s)|javascript:/i;

/** True when the first bytes also read as HTML, SVG or script (a polyglot). */
export function looksActive(head: Buffer): boolean {
  return ACTIVE.test(head.subarray(0, SNIFF_BYTES).toString('latin1'));
}

/** The decision on a file's first bytes: its allowed type, or why it is refused. */
export function sniff(head: Buffer): Sniffed {
  const type = typeByMagic(head);
  if (!type) return { ok: false, code: 'ATTACHMENT_TYPE_NOT_ALLOWED' };
  if (looksActive(head)) return { ok: false, code: 'ATTACHMENT_POLYGLOT' };
  return { ok: true, type, kind: type.startsWith('image/') ? 'image' : 'file' };
}

// ZIP's local file header and end of central directory: a picture carrying them is also an archive.
const ZIP_MARKERS = [Buffer.from('PK\x03\x04', 'latin1'), Buffer.from('PK\x05\x06', 'latin1')];

/**
 * Scans a stream of chunks for an embedded ZIP (GIFAR-style polyglots) across chunk borders,
 * keeping only the last 3 bytes between chunks.
 */
export function createZipScanner() {
  let tail = Buffer.alloc(0);
  let found = false;
  return {
    push(chunk: Buffer): void {
      if (found) return;
      // Only the border needs a copy: the last 3 bytes before and the first 3 of this chunk.
      const border = Buffer.concat([tail, chunk.subarray(0, 3)]);
      found = ZIP_MARKERS.some((marker) => border.includes(marker) || chunk.includes(marker));
      tail = Buffer.from(
        chunk.length >= 3 ? chunk.subarray(chunk.length - 3) : Buffer.concat([tail, chunk]).subarray(-3),
      );
    },
    get found() {
      return found;
    },
  };
}
