import { z } from 'zod';

/**
 * The one restricted rich-text format used everywhere (playbook texts, live chat card messages,
 * chat messages, notes): a small typed AST. Allowed: paragraphs, bullet lists, images;
 * marks bold, italic, link. Nothing else exists, so nothing else can be rendered.
 */
export const MAX_RICH_TEXT_CHARS = 5000;

export const ZLinkHref = z
  .string()
  .max(2000)
  .refine((href) => isAllowedLinkHref(href), 'Links must be http, https or mailto');

export const ZImageSrc = z
  .string()
  .max(2000)
  .refine((src) => isAllowedImageSrc(src), 'Images must be https (http only on localhost)');

export const ZMark = z.discriminatedUnion('type', [
  z.object({ type: z.literal('bold') }).strict(),
  z.object({ type: z.literal('italic') }).strict(),
  z.object({ type: z.literal('link'), href: ZLinkHref }).strict(),
]);
export type TMark = z.infer<typeof ZMark>;

export const ZTextNode = z
  .object({
    type: z.literal('text'),
    text: z.string().min(1).max(MAX_RICH_TEXT_CHARS),
    marks: z.array(ZMark).max(3).optional(),
  })
  .strict();
export type TTextNode = z.infer<typeof ZTextNode>;

export const ZParagraph = z
  .object({ type: z.literal('paragraph'), content: z.array(ZTextNode).max(200).optional() })
  .strict();
export type TParagraph = z.infer<typeof ZParagraph>;

export const ZBulletList = z
  .object({ type: z.literal('bullet_list'), items: z.array(ZParagraph).min(1).max(50) })
  .strict();
export type TBulletList = z.infer<typeof ZBulletList>;

export const ZImage = z
  .object({ type: z.literal('image'), src: ZImageSrc, alt: z.string().max(300).default('') })
  .strict();
export type TImage = z.infer<typeof ZImage>;

export const ZBlock = z.discriminatedUnion('type', [ZParagraph, ZBulletList, ZImage]);
export type TBlock = z.infer<typeof ZBlock>;

export const ZRichText = z.object({ type: z.literal('doc'), content: z.array(ZBlock).max(100) }).strict();
export type TRichText = z.infer<typeof ZRichText>;

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
