import {
  mkdtempSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  rmSync,
  utimesSync,
  writeFileSync,
  existsSync,
  readdirSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inputsHash, pruneBuilds } from './builds.mjs';
import { buildPackage, buildStatus } from './packages.mjs';

let root;
const write = (path, text) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
};
// A package whose "build" copies its source into the output folder (or fails on demand).
const fake = {
  name: 'fake',
  dir: 'packages/fake',
  inputs: ['packages/shared', 'packages/fake'],
  command: (out) => [
    'node',
    [
      '-e',
      `const fs=require('fs');const src=fs.readFileSync('src/a.ts','utf8');if(src.includes('FAIL'))process.exit(3);fs.mkdirSync(${JSON.stringify(out)});fs.writeFileSync(${JSON.stringify(out)}+'/out.js',src)`,
    ],
    {},
  ],
};
const quiet = () => undefined;
const status = () => buildStatus(root, [fake])[0];
const built = () => readFileSync(join(root, 'packages/fake/dist/out.js'), 'utf8');

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'charla-builds-'));
  write('packages/shared/x.ts', 'shared 1');
  write('packages/fake/src/a.ts', 'version 1');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('inputsHash', () => {
  it('changes with a source and ignores tests, build folders and node_modules', () => {
    const first = inputsHash(root, fake.inputs);
    write('packages/fake/src/a.test.ts', 'a test');
    write('packages/fake/dist-0123/out.js', 'old output');
    write('packages/fake/node_modules/dep/index.js', 'dep');
    expect(inputsHash(root, fake.inputs)).toBe(first);
    write('packages/shared/x.ts', 'shared 2');
    expect(inputsHash(root, fake.inputs)).not.toBe(first);
  });
});

describe('buildPackage', () => {
  it('builds into a new folder, swaps dist to it and is then up to date', () => {
    expect(status()).toMatchObject({ current: null, upToDate: false });
    buildPackage(root, status(), quiet);
    expect(status().upToDate).toBe(true);
    expect(readlinkSync(join(root, 'packages/fake/dist'))).toBe(status().wanted);
    expect(built()).toBe('version 1');
  });

  it('rebuilds after a change while the previous build stays whole for a running server', () => {
    buildPackage(root, status(), quiet);
    const servedByRunningServer = realpathSync(join(root, 'packages/fake/dist'));
    write('packages/fake/src/a.ts', 'version 2');
    expect(status().upToDate).toBe(false);
    buildPackage(root, status(), quiet);
    expect(built()).toBe('version 2');
    expect(readFileSync(join(servedByRunningServer, 'out.js'), 'utf8')).toBe('version 1');
  });

  it('a failed build leaves the current build in place', () => {
    buildPackage(root, status(), quiet);
    write('packages/fake/src/a.ts', 'FAIL');
    expect(() => buildPackage(root, status(), quiet)).toThrow(/fake build failed/);
    expect(built()).toBe('version 1');
    expect(readdirSync(join(root, 'packages/fake')).filter((n) => n.includes('.tmp-'))).toEqual([]);
  });

  it('replaces a plain dist folder left by an older checkout', () => {
    write('packages/fake/dist/stale.js', 'old');
    buildPackage(root, status(), quiet);
    expect(built()).toBe('version 1');
    expect(existsSync(join(root, 'packages/fake/dist/stale.js'))).toBe(false);
  });
});

describe('pruneBuilds', () => {
  it('removes old build folders but keeps the current, the previous and young ones', () => {
    const dir = join(root, 'packages/fake');
    for (const name of ['dist-aa', 'dist-bb', 'dist-cc', 'dist-dd', 'dist-ee.tmp-1'])
      write(`packages/fake/${name}/f`, '');
    const old = new Date(Date.now() - 3600_000);
    for (const name of ['dist-aa', 'dist-bb', 'dist-cc', 'dist-ee.tmp-1'])
      utimesSync(join(dir, name), old, old);
    expect(pruneBuilds(dir, ['dist-aa', 'dist-bb']).sort()).toEqual(['dist-cc', 'dist-ee.tmp-1']);
    expect(readdirSync(dir).sort()).toEqual(['dist-aa', 'dist-bb', 'dist-dd', 'src']);
  });
});
