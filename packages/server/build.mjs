// Bundles the server, the protocol sources and its pure-JS npm dependencies into dist/main.js.
// One file loads in about a third less CPU than resolving ~400 modules from node_modules at each
// start (issue 22: `npm start` on a built checkout in < 2 s). Left external, loaded from
// node_modules: native addons, packages that read their own files or start worker threads, and
// the lazily imported ones a default install never loads (PostgreSQL, Redis, push, SMTP).
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const outfile = `${process.env.CHARLA_BUILD_OUT ?? 'dist'}/main.js`;

const external = [
  'better-sqlite3', // native addon
  '@node-rs/argon2', // native addon
  'pino', // transports run in worker threads that load files by path
  '@fastify/swagger', // reads its own package.json
  '@fastify/swagger-ui', // serves the Swagger UI files from its own folder
  '@fastify/static', // sends files through `send`, with its own mime tables
  'pg',
  'ioredis',
  'web-push',
  'nodemailer',
  // OpenTelemetry's SDK loads only when OTEL_* asks for traces; its small API is bundled.
  '@opentelemetry/sdk-trace-node',
  '@opentelemetry/exporter-trace-otlp-http',
  '@opentelemetry/resources',
];

await build({
  entryPoints: ['src/main.ts'],
  // `npm run build` passes a fresh folder (swapped in when complete); alone it writes dist/.
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  // Whitespace and comments out: the source stays in memory as one string, two bytes a character
  // as soon as it holds one non-ASCII character (16 MB for this bundle; issue 25, idle RSS).
  // Names stay, so stack traces and profiles still read; licence comments go to main.js.LEGAL.txt.
  minifyWhitespace: true,
  legalComments: 'external',
  external,
  banner: {
    js: [
      "import { createRequire as __cr } from 'node:module';",
      "import { fileURLToPath as __fu } from 'node:url';",
      "import { dirname as __dn } from 'node:path';",
      'const require = __cr(import.meta.url);',
      'const __filename = __fu(import.meta.url);',
      'const __dirname = __dn(__filename);',
    ].join(' '),
  },
  logLevel: 'warning',
});

// V8 keeps the bundle's source in memory as one string: one non-ASCII character (a regex literal
// with an accent, a comment esbuild kept) doubles it. esbuild escapes strings itself; refuse the rest.
const source = readFileSync(outfile, 'latin1');
const wide = source.search(/[^\x00-\x7f]/);
if (wide !== -1)
  throw new Error(
    `${outfile} has a non-ASCII character near "${source.slice(Math.max(0, wide - 60), wide + 20)}": ` +
      'write it as an escape (\\u00f3) so the server source stays a one-byte string',
  );
