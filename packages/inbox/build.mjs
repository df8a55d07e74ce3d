// Builds the inbox: `vite build`, then a Brotli and a gzip copy of each text asset beside it
// (scripts/precompress.mjs) for the server to send as they are.
import { join } from 'node:path';
import { build } from 'vite';
import { precompress } from './scripts/precompress.mjs';

const here = new URL('.', import.meta.url).pathname;
// `npm run build` passes a fresh folder (swapped in when complete); alone it writes dist/.
const outDir = process.env.CHARLA_BUILD_OUT ?? join(here, 'dist');

await build({ root: here, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
const { raw, brotli } = precompress(outDir);
console.log(`inbox: ${Math.round(raw / 1024)} KB of text assets, ${Math.round(brotli / 1024)} KB as Brotli`);
