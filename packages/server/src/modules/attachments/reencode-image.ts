import type { TAttachmentType } from '@charla/protocol';
import { AppError } from '../../lib/app-error';

/** Bigger pictures are refused before decoding (a small PNG can claim 100 000 × 100 000 pixels). */
export const MAX_IMAGE_PIXELS = 40_000_000;

/**
 * Decodes an image and writes it again in its own format (sharp drops EXIF, GPS and every other
 * metadata unless asked to keep it; the orientation is applied first so the picture stays upright).
 * Whatever was hidden around or inside the pixels does not survive. A file that does not decode,
 * or claims too many pixels, is ATTACHMENT_UNREADABLE.
 */
export async function reencodeImage(
  input: string,
  output: string,
  type: TAttachmentType,
): Promise<{ width: number; height: number }> {
  const animated = type === 'image/gif' || type === 'image/webp';
  // Loaded with the first picture: libvips costs about 19 MB of memory (issue 25, idle RSS).
  const { default: sharp } = await import('sharp');
  try {
    let image = sharp(input, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error', animated });
    if (!animated) image = image.autoOrient();
    image =
      type === 'image/png'
        ? image.png()
        : type === 'image/jpeg'
          ? image.jpeg({ quality: 85 })
          : type === 'image/webp'
            ? image.webp({ quality: 85 })
            : image.gif();
    const info = await image.toFile(output);
    return { width: info.width, height: info.pageHeight ?? info.height };
  } catch (error) {
    throw new AppError('ATTACHMENT_UNREADABLE', { cause: error });
  }
}
