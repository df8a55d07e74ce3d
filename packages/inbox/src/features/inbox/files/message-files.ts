import type { TAttachmentDto } from '@charla/protocol';

export type TBox = { width: number; height: number };

/** A message's files as the timeline shows them: pictures as thumbnails, the rest as chips. */
export function splitAttachments(attachments: readonly TAttachmentDto[]): {
  images: TAttachmentDto[];
  files: TAttachmentDto[];
} {
  return {
    images: attachments.filter((a) => a.kind === 'image'),
    files: attachments.filter((a) => a.kind !== 'image'),
  };
}

/**
 * The room a picture takes before it loads, from the size the server measured, so the thread never
 * jumps: scaled down to fit `max` (never up), no side thinner than `min` (a panorama is cropped).
 * A picture of unknown size gets a 4:3 box.
 */
export function thumbnailBox(
  size: { width: number | null; height: number | null },
  max: TBox,
  min = 48,
): TBox {
  const width = size.width ?? 0;
  const height = size.height ?? 0;
  if (width <= 0 || height <= 0)
    return { width: max.width, height: Math.min(max.height, Math.round((max.width * 3) / 4)) };
  const scale = Math.min(1, max.width / width, max.height / height);
  const clamp = (value: number, limit: number) => Math.min(limit, Math.max(min, Math.round(value * scale)));
  return { width: clamp(width, max.width), height: clamp(height, max.height) };
}

/** The picture shown after an arrow key in the viewer: the next or previous, going round. */
export function stepImage(index: number, delta: 1 | -1, count: number): number {
  if (count <= 0) return 0;
  return (((index + delta) % count) + count) % count;
}
