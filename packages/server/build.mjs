// Bundles the server, the protocol sources and its pure-JS npm dependencies into dist/main.js.
// One file loads in about a third less CPU than resolving ~400 modules from node_modules at each
// start (issue 22: `npm start` on a built checkout in < 2 s). Left external, loaded from
// node_modules: native addons, packages that read their own files or start worker threads, and
// the lazily imported ones a default install never loads (PostgreSQL, Redis, push, SMTP).
import { build } from 'esbuild';

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
  outfile: `${process.env.CHARLA_BUILD_OUT ?? 'dist'}/main.js`,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
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
