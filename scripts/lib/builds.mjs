// Build bookkeeping shared by `npm run build` and `npm start`.
//
// Each package builds into a fresh sibling folder `dist-<hash>` (hash of the sources that make it)
// and `dist` is a symlink that is swapped to the new folder in one rename once the build is
// complete. So a build never leaves `dist` half-written, a checkout whose symlinks point at the
// hash of the current sources is "built", and a running server that resolved `dist` at startup
// keeps serving its own complete build while a newer one is made.
import { createHash } from 'node:crypto';
import {
  existsSync,
  lstatSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { join, relative } from 'node:path';

/** Folders and files that never change what a package builds. */
const SKIP_DIR = /^(node_modules|dist|dist-.*|\..*)$/;
const SKIP_FILE = /\.test\.tsx?$|\.test\.mjs$|^\.|\.tsbuildinfo$/;

function listFiles(dir, out) {
  if (!existsSync(dir)) return out;
  const stat = statSync(dir);
  if (stat.isFile()) {
    out.push(dir);
    return out;
  }
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIR.test(entry.name)) listFiles(path, out);
    } else if (entry.isFile() && !SKIP_FILE.test(entry.name)) out.push(path);
  }
  return out;
}

/**
 * Content hash of everything a package's build reads: its own folder, the protocol sources it
 * imports and the lockfile (a dependency upgrade changes the output too). Names and bytes, sorted.
 */
export function inputsHash(root, inputs) {
  const files = inputs.flatMap((input) => listFiles(join(root, input), [])).sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(relative(root, file));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** The build folder `dist` points at (e.g. "dist-1a2b…"), or null when there is none. */
export function currentBuild(pkgDir) {
  const link = join(pkgDir, 'dist');
  let stat;
  try {
    stat = lstatSync(link);
  } catch {
    return null;
  }
  if (!stat.isSymbolicLink()) return null; // a plain folder from an older build: not ours to trust
  const target = readlinkSync(link);
  return existsSync(join(pkgDir, target)) ? target : null;
}

export const buildFolder = (hash) => `dist-${hash}`;

/** Points `dist` at `folder` in one atomic rename (a plain `dist` folder is replaced once). */
export function swapTo(pkgDir, folder) {
  const link = join(pkgDir, 'dist');
  const next = join(pkgDir, `dist.next-${process.pid}`);
  rmSync(next, { force: true });
  symlinkSync(folder, next);
  try {
    if (lstatSync(link).isDirectory()) rmSync(link, { recursive: true, force: true });
  } catch {
    // no dist yet
  }
  renameSync(next, link);
}

/**
 * Removes old build folders, keeping the current one and `keep` (the one running servers may
 * still serve from). Folders younger than `graceMs` stay: another build may be writing them.
 */
export function pruneBuilds(pkgDir, keep, graceMs = 10 * 60_000, now = Date.now()) {
  const removed = [];
  for (const name of readdirSync(pkgDir)) {
    if (!/^dist-[0-9a-f]+(\.tmp-\d+)?$/.test(name) || keep.includes(name)) continue;
    const path = join(pkgDir, name);
    if (now - statSync(path).mtimeMs < graceMs) continue;
    rmSync(path, { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}
