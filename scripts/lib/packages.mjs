// What `npm run build` makes, what each build reads, and how it is run into a given folder.
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildFolder, currentBuild, inputsHash, pruneBuilds, swapTo } from './builds.mjs';

const shared = ['packages/protocol/src', 'packages/protocol/package.json', 'package-lock.json'];

/** In build order; `command(out)` builds into the absolute folder `out`. */
export const PACKAGES = [
  {
    name: 'widget',
    dir: 'packages/widget',
    inputs: [...shared, 'packages/widget'],
    command: (out) => ['node', ['build.mjs'], { CHARLA_BUILD_OUT: out }],
  },
  {
    name: 'inbox',
    dir: 'packages/inbox',
    inputs: [...shared, 'packages/inbox'],
    command: (out) => ['node', ['build.mjs'], { CHARLA_BUILD_OUT: out }],
  },
  {
    name: 'server',
    dir: 'packages/server',
    inputs: [...shared, 'packages/server'],
    command: (out) => ['node', ['build.mjs'], { CHARLA_BUILD_OUT: out }],
  },
];

/** For each package: the build its sources call for and whether `dist` already points at it. */
export function buildStatus(root, packages = PACKAGES) {
  return packages.map((pkg) => {
    const wanted = buildFolder(inputsHash(root, pkg.inputs));
    const current = currentBuild(join(root, pkg.dir));
    return { pkg, wanted, current, upToDate: current === wanted };
  });
}

/**
 * Builds one package into a temporary folder, renames it to its final name when the build
 * succeeded and swaps `dist` to it. A folder already built from the same sources is reused.
 */
export function buildPackage(root, status, log = console.log) {
  const { pkg, wanted, current } = status;
  const pkgDir = join(root, pkg.dir);
  const final = join(pkgDir, wanted);
  if (!existsSync(final)) {
    const tmp = `${final}.tmp-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    const [cmd, args, env] = pkg.command(tmp);
    const started = Date.now();
    const r = spawnSync(cmd, args, { cwd: pkgDir, stdio: 'inherit', env: { ...process.env, ...env } });
    if (r.status !== 0) {
      rmSync(tmp, { recursive: true, force: true });
      throw new Error(`${pkg.name} build failed (exit ${r.status ?? r.signal})`);
    }
    renameSync(tmp, final);
    log(`${pkg.name}: built ${wanted} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } else {
    log(`${pkg.name}: reusing ${wanted} (built earlier from the same sources)`);
  }
  swapTo(pkgDir, wanted);
  pruneBuilds(pkgDir, [wanted, ...(current ? [current] : [])]);
}
