// What the first page of the inbox loads: index.html's scripts and styles and every chunk they
// import statically (not the lazy screens). The build prints its size and refuses a first load
// that bundles zod: the clients keep the protocol's types and validate on the server (issue 25).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const STATIC_IMPORT = /(?:^|[;}\s])import\s*(?:[^'"()]*?from\s*)?["']\.\/([^"']+\.js)["']/g;

/** The asset paths (relative to `dist`) the first page loads. */
export function firstLoadAssets(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const queue = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  const seen = new Set();
  while (queue.length > 0) {
    const asset = queue.shift();
    if (seen.has(asset)) continue;
    seen.add(asset);
    if (!asset.endsWith('.js')) continue;
    for (const m of readFileSync(join(dist, asset), 'utf8').matchAll(STATIC_IMPORT))
      queue.push(`assets/${m[1]}`);
  }
  return [...seen];
}

/** Size of the first load (raw and as Brotli), and the zod modules in it (from the source maps). */
export function firstLoadReport(dist) {
  let raw = 0;
  let brotli = 0;
  const zodModules = [];
  for (const asset of firstLoadAssets(dist)) {
    const path = join(dist, asset);
    raw += readFileSync(path).length;
    brotli += existsSync(`${path}.br`) ? readFileSync(`${path}.br`).length : readFileSync(path).length;
    if (asset.endsWith('.js') && existsSync(`${path}.map`)) {
      const { sources } = JSON.parse(readFileSync(`${path}.map`, 'utf8'));
      zodModules.push(...sources.filter((s) => s.includes('node_modules/zod/')));
    }
  }
  return { raw, brotli, zodModules };
}
