import { isAllowedImageSrc, isAllowedLinkHref } from '@charla/protocol';

/** What the formatting toolbar can do (R7's set). */
export type RichTextCommand = 'bold' | 'italic' | 'link' | 'list' | 'image';

/** Why a URL cannot be used, or null when it can. */
export function urlProblem(kind: 'link' | 'image', url: string): 'invalid' | null {
  return (kind === 'link' ? isAllowedLinkHref(url) : isAllowedImageSrc(url)) ? null : 'invalid';
}

/** Which formats the selection has (the toolbar shows them pressed). */
export type ActiveFormats = Record<RichTextCommand, boolean>;
