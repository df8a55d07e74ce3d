import { deflateRawSync } from 'node:zlib';
import sharp from 'sharp';

/** A small photo carrying EXIF (a camera's metadata) that re-encoding must drop. */
export async function photoWithExif(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 40, b: 40 } } })
    .jpeg()
    .withExif({ IFD0: { Artist: 'Secret Photographer', ImageDescription: 'home at 40.4168 N -3.7038 W' } })
    .toBuffer();
}

/** A screenshot-like PNG. */
export async function screenshotPng(width = 80, height = 60): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: { r: 10, g: 120, b: 220, alpha: 1 } } })
    .png()
    .toBuffer();
}

/** A minimal one-page PDF. */
export function tinyPdf(text = 'Invoice 42'): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 100]>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
    'latin1',
  );
}

/** A ZIP archive holding one highly compressible entry (a "zip bomb" in miniature). */
export function zipBomb(): Buffer {
  const data = Buffer.alloc(1024 * 1024);
  const compressed = deflateRawSync(data);
  const name = Buffer.from('bomb.bin');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(compressed.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(name.length, 26);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  return Buffer.concat([local, name, compressed, end]);
}
