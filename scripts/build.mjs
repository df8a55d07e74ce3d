// `npm run build`: builds the packages whose sources changed since their last build, each into a
// new folder swapped in atomically (see lib/builds.mjs). Unchanged packages are skipped.
import { fileURLToPath } from 'node:url';
import { buildPackage, buildStatus } from './lib/packages.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

try {
  for (const status of buildStatus(root)) {
    if (status.upToDate) console.log(`${status.pkg.name}: up to date (${status.current})`);
    else buildPackage(root, status);
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
