// Builds the widget: dist/widget.js (the loader a site embeds) and dist/frame.html with its hashed
// dist/frame.[hash].js/css (the chat window). Prints gzip -9 and brotli sizes and fails when a
// weight budget (issue #6) is exceeded.
import { build, transform } from 'esbuild';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const here = new URL('.', import.meta.url).pathname;
// `npm run build` passes a fresh folder (swapped in when complete); alone it writes dist/.
const dist = process.env.CHARLA_BUILD_OUT ?? join(here, 'dist');
const BUDGET = { loader: 3 * 1024, firstOpen: 35 * 1024 };
const target = ['es2020', 'chrome87', 'firefox78', 'safari14'];

// The widget never validates with zod (the server does), but a few pure helpers it uses live in
// files that also declare zod schemas. This stub keeps zod's ~90 KB out of the bundle; calling
// parse on a stubbed schema throws, so an accidental runtime use fails loudly in the tests.
const ZOD_STUB = `
const fail = () => { throw new Error('zod is not bundled into the widget'); };
const chain = new Proxy(function () {}, {
  get: (_t, key) => (key === 'parse' || key === 'safeParse' || key === 'parseAsync' || key === 'safeParseAsync' ? fail : chain),
  apply: () => chain,
});
export const z = chain;
export default chain;
`;
const zodStub = {
  name: 'zod-stub',
  setup(b) {
    b.onResolve({ filter: /^zod(\/.*)?$/ }, () => ({ path: 'zod', namespace: 'zod-stub' }));
    b.onLoad({ filter: /.*/, namespace: 'zod-stub' }, () => ({ contents: ZOD_STUB, loader: 'js' }));
  },
};

// The loader's styles are a .css file, inlined as minified text (it injects them into its shadow root).
const cssAsText = {
  name: 'css-as-text',
  setup(b) {
    b.onLoad({ filter: /\.css$/ }, async (args) => {
      const { code } = await transform(readFileSync(args.path, 'utf8'), {
        loader: 'css',
        minify: true,
        target,
      });
      return { contents: code.trim(), loader: 'text' };
    });
  },
};

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

await build({
  entryPoints: [join(here, 'src/loader/loader.ts')],
  outfile: join(dist, 'widget.js'),
  bundle: true,
  plugins: [cssAsText],
  minify: true,
  format: 'iife',
  target,
  legalComments: 'none',
  logLevel: 'warning',
});

await build({
  entryPoints: { frame: join(here, 'src/frame/main.ts') },
  outdir: dist,
  entryNames: '[name].[hash]',
  bundle: true,
  minify: true,
  format: 'esm',
  target,
  legalComments: 'none',
  plugins: [zodStub],
  logLevel: 'warning',
});
await build({
  entryPoints: { frame: join(here, 'src/frame/frame.css') },
  outdir: dist,
  entryNames: '[name].[hash]',
  bundle: true,
  minify: true,
  target,
  logLevel: 'warning',
});

const files = readdirSync(dist);
const js = files.find((f) => /^frame\.[A-Z0-9]+\.js$/.test(f));
const css = files.find((f) => /^frame\.[A-Z0-9]+\.css$/.test(f));
if (!js || !css) throw new Error('frame build outputs missing');
const html = readFileSync(join(here, 'src/frame/frame.html'), 'utf8')
  .replace('%JS%', `/widget/${js}`)
  .replace('%CSS%', `/widget/${css}`);
writeFileSync(join(dist, 'frame.html'), html);

const sizes = (file) => {
  const data = readFileSync(join(dist, file));
  return {
    file,
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};
const rows = ['widget.js', 'frame.html', js, css].map(sizes);
const total = rows.reduce(
  (sum, r) => ({ raw: sum.raw + r.raw, gzip: sum.gzip + r.gzip, brotli: sum.brotli + r.brotli }),
  { raw: 0, gzip: 0, brotli: 0 },
);
const pad = (v, n) => String(v).padStart(n);
console.log(`${'file'.padEnd(24)}${pad('raw', 9)}${pad('gzip -9', 9)}${pad('brotli', 9)}`);
for (const r of rows) console.log(`${r.file.padEnd(24)}${pad(r.raw, 9)}${pad(r.gzip, 9)}${pad(r.brotli, 9)}`);
console.log(
  `${'first open (all)'.padEnd(24)}${pad(total.raw, 9)}${pad(total.gzip, 9)}${pad(total.brotli, 9)}`,
);
writeFileSync(
  join(dist, 'sizes.json'),
  JSON.stringify({ files: rows, firstOpen: total, budget: BUDGET }, null, 2),
);

// Precompressed copies: the server sends them as they are (it has no compression of its own).
for (const r of rows) {
  const data = readFileSync(join(dist, r.file));
  writeFileSync(join(dist, `${r.file}.gz`), gzipSync(data, { level: 9 }));
  writeFileSync(
    join(dist, `${r.file}.br`),
    brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
  );
}

const loader = rows[0];
if (loader.gzip > BUDGET.loader)
  throw new Error(`loader is ${loader.gzip} B gzip, over its ${BUDGET.loader} B budget`);
if (total.gzip > BUDGET.firstOpen)
  throw new Error(`first open is ${total.gzip} B gzip, over its ${BUDGET.firstOpen} B budget`);
