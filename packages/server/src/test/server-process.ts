import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { TEST_POSTGRES_URL, TEST_REDIS_URL } from './test-db';

const serverDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export type ServerProcess = {
  baseUrl: string;
  child: ChildProcess;
  logs: string[];
  kill(signal?: NodeJS.Signals): Promise<void>;
};

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => res(typeof address === 'object' && address ? address.port : 0));
    });
    srv.on('error', rej);
  });
}

/** A fresh PostgreSQL database for a group of server processes. */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `charla_mp_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = TEST_POSTGRES_URL.replace(/\/[^/]*$/, `/${name}`);
  return {
    url,
    async drop() {
      const c = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/**
 * Starts a real Charla server process from source (node + tsx) on its own port; several of them
 * share one database and one Redis channel like nodes behind a load balancer.
 */
export async function startServerProcess(options: {
  databaseUrl: string;
  publicUrl: string;
  port: number;
  channel: string;
  env?: Record<string, string>;
  /** Variables to leave out (e.g. SESSION_SECRET, so the secret comes from the database). */
  unsetEnv?: string[];
}): Promise<ServerProcess> {
  const logs: string[] = [];
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(serverDir, 'src/main.ts')], {
    cwd: serverDir,
    env: {
      ...process.env,
      PORT: String(options.port),
      HOST: '127.0.0.1',
      PUBLIC_URL: options.publicUrl,
      DATABASE_URL: options.databaseUrl,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_CHANNEL: options.channel,
      LOG_LEVEL: 'warn',
      SESSION_SECRET: 's'.repeat(40),
      CHARLA_ADMIN_EMAIL: 'admin@charla.test',
      CHARLA_ADMIN_PASSWORD: 'multi process admin',
      NODE_NAME: `p${options.port}`,
      ...options.env,
      ...Object.fromEntries((options.unsetEnv ?? []).map((name) => [name, undefined])),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => logs.push(d.toString()));
  child.stderr?.on('data', (d: Buffer) => logs.push(d.toString()));
  const baseUrl = `http://127.0.0.1:${options.port}`;
  // Generous: on a loaded 2-core machine tsx alone can take half a minute to start.
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${logs.join('')}`);
    try {
      if ((await fetch(`${baseUrl}/readyz`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`server not ready:\n${logs.join('')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  let killing = false;
  // A server that dies on its own is a bug the failing test cannot explain: say why it died.
  child.once('exit', (code, signal) => {
    if (!killing)
      console.error(`server on port ${options.port} exited by itself (${code ?? signal}):\n${logs.join('')}`);
  });
  return {
    baseUrl,
    child,
    logs,
    async kill(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      killing = true;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill(signal);
      await exited;
    },
  };
}

/** Logs in over real HTTP; returns the Cookie header. */
export async function loginCookie(baseUrl: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`login ${res.status}: ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** A JSON request with a cookie and our Origin, as the inbox sends it. */
export async function api<T = unknown>(
  baseUrl: string,
  cookie: string,
  method: string,
  path: string,
  body?: unknown,
  origin = baseUrl,
): Promise<{ status: number; body: T }> {
  const send = () =>
    fetch(`${baseUrl}${path}`, {
      method,
      headers: { cookie, origin, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  // A pooled keep-alive socket can be closed by the server just as it is reused ("other side
  // closed"): retry once, as the inbox does. Writes are safe to repeat (same clientMsgId).
  const res = await send().catch((error: unknown) => {
    const code = (error as { cause?: { code?: string } }).cause?.code;
    if (code === 'UND_ERR_SOCKET' || code === 'ECONNRESET') return send();
    throw error;
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}
