import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../test/server-process';
import { testDialect } from '../test/test-db';

// What the Dockerfile's final stage runs, outside a container (there is no container runtime here):
// a copy of the checkout is built as root, then `npm start` runs as an unprivileged user (nobody,
// through setpriv) for whom the app folder is read-only and only the data folder is writable.
// node_modules is hard-linked from this checkout (an `npm ci` result: running npm ci again needs
// the registry). One run is enough: the SQLite run does it.

const root = resolve(import.meta.dirname, '../../../..');
const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;

/** The image's command: the Dockerfile's last `CMD [...]`, as its words. */
function imageCommand(): string[] {
  const commands = readFileSync(join(root, 'Dockerfile'), 'utf8').match(/^CMD (\[.*\])$/gm) ?? [];
  const last = commands.at(-1);
  if (!last) throw new Error('the Dockerfile has no CMD');
  return JSON.parse(last.slice('CMD '.length)) as string[];
}

function startAsNobody(
  app: string,
  env: Record<string, string>,
): { child: ChildProcess; output: () => string } {
  // The image's CMD (Dockerfile): node as the first process, so a stop's SIGTERM reaches the server.
  const child = spawn(
    'setpriv',
    [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', ...imageCommand()],
    {
      cwd: app,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  return { child, output: () => output };
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((r) =>
    child.exitCode !== null ? r(child.exitCode) : child.once('exit', (code) => r(code)),
  );

describe.runIf(isRoot && testDialect === 'sqlite')('the image’s steps, outside a container', () => {
  const dir = mkdtempSync(join(tmpdir(), 'charla-image-'));
  const app = join(dir, 'app');
  const data = join(dir, 'data');
  const env = (port: number) => ({
    HOME: data,
    NPM_CONFIG_CACHE: join(data, '.npm'),
    NPM_CONFIG_UPDATE_NOTIFIER: 'false',
    DATABASE_URL: `sqlite:${join(data, 'charla.db')}`,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  });

  beforeAll(() => {
    chmodSync(dir, 0o755);
    // The tracked files, as `COPY . .` sees them (.dockerignore leaves out builds and modules).
    const files = execFileSync('git', ['ls-files', '-z'], { cwd: root })
      .toString()
      .split('\0')
      .filter(Boolean);
    mkdirSync(app);
    execFileSync('xargs', ['-0', 'cp', '--parents', '-t', app], { cwd: root, input: files.join('\0') });
    for (const modules of [
      'node_modules',
      ...['inbox', 'server', 'widget', 'protocol'].map((p) => `packages/${p}/node_modules`),
    ])
      if (existsSync(join(root, modules)))
        execFileSync('cp', ['-al', join(root, modules), join(app, modules)]);
    execFileSync('npm', ['run', 'build'], { cwd: app, stdio: 'ignore' });
    mkdirSync(data);
    chownSync(data, NOBODY, NOBODY);
  }, 240_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('starts as a non-root user with a read-only app folder and serves the inbox', async () => {
    const port = await freePort();
    const server = startAsNobody(app, env(port));
    try {
      let ready = false;
      for (let i = 0; i < 600 && !ready && server.child.exitCode === null; i += 1) {
        ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
          (r) => r.ok,
          () => false,
        );
        if (!ready) await new Promise((r) => setTimeout(r, 100));
      }
      expect(ready, server.output()).toBe(true);
      const inbox = await fetch(`http://127.0.0.1:${port}/`);
      expect(inbox.status).toBe(200);
      expect(await inbox.text()).toContain('<div id="root">');
      expect((await fetch(`http://127.0.0.1:${port}/widget.js`)).status).toBe(200);
      const writable = (path: string) =>
        spawnSync('setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', 'test', '-w', path])
          .status === 0;
      expect([app, join(app, 'packages/server/dist'), data].map(writable)).toEqual([false, false, true]);
      // It wrote its database in the data folder and nothing in the app folder.
      expect(readFileSync(join(data, 'charla.db')).subarray(0, 15).toString()).toBe('SQLite format 3');
      expect(server.output()).not.toMatch(/building it first/);
    } finally {
      // A stop: the server closes and exits by itself, and nothing answers on its port afterwards
      // (under `npm start` the server outlived the signal, one left running per test run).
      server.child.kill('SIGTERM');
      const code = await Promise.race([exited(server.child), new Promise((r) => setTimeout(r, 20_000))]);
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
      expect(code, server.output()).toBe(0);
      expect(
        await fetch(`http://127.0.0.1:${port}/readyz`).then(
          () => 'answers',
          () => 'closed',
        ),
      ).toBe('closed');
      expect(server.output()).not.toMatch(/Error|ERR!/);
    }
  });

  it('refuses to start on a stale build it cannot rebuild, and says which command fixes it', async () => {
    const source = join(app, 'packages/server/src/main.ts');
    writeFileSync(source, `${readFileSync(source, 'utf8')}\n// changed after the build\n`);
    const server = startAsNobody(app, env(await freePort()));
    expect(await exited(server.child)).toBe(1);
    expect(server.output()).toMatch(/Charla cannot start: .*\n.*Run `npm run build`/);
  });
});

describe.runIf(testDialect === 'sqlite')('the image’s command', () => {
  it('is what `npm start` runs, with the same node flags', () => {
    const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      scripts: { start: string };
    };
    expect(imageCommand()).toEqual(scripts.start.split(' '));
  });
});
