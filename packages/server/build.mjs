// Bundles the server (and the protocol sources it imports) into dist/main.js; npm dependencies stay external.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const external = Object.keys(pkg.dependencies).filter((name) => !name.startsWith('@charla/'));

await build({
  entryPoints: ['src/main.ts'],
  // `npm run build` passes a fresh folder (swapped in when complete); alone it writes dist/.
  outfile: `${process.env.CHARLA_BUILD_OUT ?? 'dist'}/main.js`,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  external: [...external, 'pino'],
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
  logLevel: 'warning',
});
