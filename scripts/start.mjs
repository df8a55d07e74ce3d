// `npm start`: starts the built server at once when the build matches the sources (a content
// hash, about 50 ms); otherwise builds what changed first, and says so. Where the app folder is
// read-only (a container image), a stale build is refused with the command that fixes it.
import { pathToFileURL, fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { buildPackage, buildStatus } from './lib/packages.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const stale = buildStatus(root).filter((s) => !s.upToDate);
if (stale.length > 0) {
  const names = stale.map((s) => `${s.pkg.name} (${s.current ? 'sources changed' : 'never built'})`);
  console.log(`Charla: the build is not current for ${names.join(', ')}: building it first…`);
  try {
    for (const status of stale) buildPackage(root, status);
  } catch (err) {
    console.error(
      `Charla cannot start: ${err instanceof Error ? err.message : String(err)}.\n` +
        'Run `npm run build` in the app folder (with write access), then `npm start` again.',
    );
    process.exit(1);
  }
}
await import(pathToFileURL(join(root, 'packages/server/dist/main.js')).href);
