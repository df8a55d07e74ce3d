// Writes a Brotli (.br) and a gzip (.gz) copy beside each text asset of a build folder, so the
// server sends them as they are (no compression per request). A copy that would not be smaller
// is not written.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(js|css|html|json|webmanifest|svg)$/;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (COMPRESSIBLE.test(name)) yield path;
  }
}

/** Compresses every text asset under `dir`; returns the total sizes before and as Brotli. */
export function precompress(dir) {
  let raw = 0;
  let brotli = 0;
  for (const path of files(dir)) {
    const body = readFileSync(path);
    const br = brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    });
    const gz = gzipSync(body, { level: 9 });
    if (br.length < body.length) writeFileSync(`${path}.br`, br);
    if (gz.length < body.length) writeFileSync(`${path}.gz`, gz);
    raw += body.length;
    brotli += Math.min(br.length, body.length);
  }
  return { raw, brotli };
}
