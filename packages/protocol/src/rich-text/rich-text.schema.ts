import { z } from 'zod';
import { isAllowedImageSrc, isAllowedLinkHref, MAX_RICH_TEXT_CHARS } from './rich-text-rules';

/**
 * The one restricted rich-text format used everywhere (playbook texts, live chat card messages,
 * chat messages, notes): a small typed AST. Allowed: paragraphs, bullet lists, images;
 * marks bold, italic, link. Nothing else exists, so nothing else can be rendered.
 */
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
