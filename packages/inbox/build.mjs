// Builds the inbox: `vite build`, then a Brotli and a gzip copy of each text asset beside it
// (scripts/precompress.mjs) for the server to send as they are.
import { join } from 'node:path';
import { build } from 'vite';
import { firstLoadReport } from './scripts/first-load.mjs';
import { precompress } from './scripts/precompress.mjs';

const here = new URL('.', import.meta.url).pathname;
// `npm run build` passes a fresh folder (swapped in when complete); alone it writes dist/.
const outDir = process.env.CHARLA_BUILD_OUT ?? join(here, 'dist');

await build({ root: here, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
const { raw, brotli } = precompress(outDir);
console.log(`inbox: ${Math.round(raw / 1024)} KB of text assets, ${Math.round(brotli / 1024)} KB as Brotli`);
const first = firstLoadReport(outDir);
console.log(
  `inbox: the first page loads ${Math.round(first.raw / 1024)} KB, ${Math.round(first.brotli / 1024)} KB as Brotli`,
);
if (first.zodModules.length > 0) {
  // A value import of a schema file from code the first page runs: import it from a zod-free file
  // (packages/protocol: *-names, *-limits, *-rules) or load it lazily (lib/draft-schemas.ts).
  throw new Error(`the inbox's first load bundles zod (${first.zodModules.length} modules)`);
}
