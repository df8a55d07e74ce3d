import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const screenshotsDir = join(repoRoot, 'e2e', 'screenshots');

export const ADMIN_EMAIL = 'admin@charla.test';
export const ADMIN_PASSWORD = 'e2e admin password';

export type RunningCharla = {
  baseUrl: string;
  process: ChildProcess;
  dataDir: string;
  logs: string[];
  /** SIGKILL, as a crash would: no graceful shutdown. */
  crash(): Promise<void>;
  /** Starts the server again (after a crash) on the same port and database. */
  restart(): Promise<void>;
  stop(): Promise<void>;
};

async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => res(port));
    });
    srv.on('error', rej);
  });
}

/**
 * Starts the BUILT server (packages/server/dist/main.js, as `npm start` runs it) on a fresh
 * SQLite database with an admin from CHARLA_ADMIN_*, and waits for /readyz. `crash()` kills it
 * with SIGKILL and `restart()` starts it again on the same port and database.
 */
export async function startCharla(
  env: Record<string, string> = {},
  options: { entry?: string } = {},
): Promise<RunningCharla> {
  const port = await freePort();
  const dataDir = join(tmpdir(), `charla-e2e-${randomBytes(4).toString('hex')}`);
  mkdirSync(dataDir, { recursive: true });
  const baseUrl = `http://127.0.0.1:${port}`;
  const logs: string[] = [];
  const entry = options.entry ?? 'packages/server/dist/main.js';
  const spawnServer = (): ChildProcess => {
    const child = spawn(process.execPath, [join(repoRoot, entry)], {
      cwd: repoRoot,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        PUBLIC_URL: baseUrl,
        DATABASE_URL: `sqlite:${join(dataDir, 'charla.db')}`,
        LOG_LEVEL: 'warn',
        CHARLA_ADMIN_EMAIL: ADMIN_EMAIL,
        CHARLA_ADMIN_PASSWORD: ADMIN_PASSWORD,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d: Buffer) => logs.push(d.toString()));
    child.stderr?.on('data', (d: Buffer) => logs.push(d.toString()));
    return child;
  };
  const running: RunningCharla = {
    baseUrl,
    process: spawnServer(),
    dataDir,
    logs,
    async crash() {
      const child = running.process;
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    },
    async restart() {
      await running.crash();
      running.process = spawnServer();
      await waitReady(running);
    },
    async stop() {
      const child = running.process;
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  await waitReady(running);
  return running;
}

async function waitReady({ process: child, baseUrl, logs }: RunningCharla): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${logs.join('')}`);
    try {
      const res = await fetch(`${baseUrl}/readyz`);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`server not ready in 30 s:\n${logs.join('')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Debian's Chromium through playwright-core; never downloads a browser. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Logs a browser context in through the real login API (cookie set by the server). */
export async function loginContext(
  context: BrowserContext,
  baseUrl: string,
  email: string,
  password: string,
): Promise<void> {
  const res = await context.request.post(`${baseUrl}/api/v1/auth/login`, {
    data: { email, password },
    headers: { origin: baseUrl },
  });
  if (!res.ok()) throw new Error(`login failed: ${res.status()} ${await res.text()}`);
}

/**
 * A browser context signed in as the admin (or `as`), reading the inbox in `language` (the browser's own
 * locale follows it) with the notification prompt already dismissed.
 */
export async function adminInboxContext(
  browser: Browser,
  baseUrl: string,
  options: {
    language: string;
    viewport: { width: number; height: number };
    /** Another user to sign in as (default: the admin). */
    as?: { email: string; password: string };
  },
): Promise<BrowserContext> {
  const locale = options.language === 'es' ? 'es-ES' : 'en-US';
  const context = await browser.newContext({ viewport: options.viewport, locale });
  await context.addInitScript((lang) => {
    try {
      localStorage.setItem('charla.language', lang);
      localStorage.setItem('charla.notificationPromptDismissed', '1');
    } catch {
      // A sandboxed frame (the mail template preview) has no storage: the page's own frame does.
    }
  }, options.language);
  const { email, password } = options.as ?? { email: ADMIN_EMAIL, password: ADMIN_PASSWORD };
  await loginContext(context, baseUrl, email, password);
  return context;
}

/** Saves a screenshot under e2e/screenshots/<name>.png (looked at by people, kept out of git). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotsDir, { recursive: true });
  const path = join(screenshotsDir, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/** Runs axe-core in the page and returns the serious and critical violations. */
export async function axeSeriousViolations(
  page: Page,
  context?: string,
): Promise<{ id: string; impact: string; help: string; nodes: string[] }[]> {
  const axePath = join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js');
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async (ctx) => {
    const axe = (
      window as unknown as {
        axe: {
          run(c?: unknown): Promise<{
            violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe;
    const r = await axe.run(ctx ?? document);
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')),
    }));
  }, context ?? null);
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
