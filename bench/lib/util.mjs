// Shared helpers for the benchmarks: HTTP over a chosen loopback source address, WebSocket
// clients, percentiles, and the server process (built dist/main.js) under test.
import { spawn, execFileSync } from 'node:child_process';
import http from 'node:http';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import WebSocket from 'ws';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// BENCH_SERVER_MAIN runs another checkout's build (before/after comparisons in one run).
export const SERVER_MAIN = process.env.BENCH_SERVER_MAIN ?? path.join(ROOT, 'packages/server/dist/main.js');
export const ADMIN = { email: 'bench-admin@example.com', password: 'bench-password-123' };
export const EMBED_ORIGIN = 'https://www.customer.example';
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const now = () => performance.now();

/** Loopback source address number i (0 → 127.0.0.2): spreads clients past the per-address port and rate limits. */
export function loopback(i) {
  const n = i % 60000;
  return `127.0.${Math.floor(n / 250)}.${(n % 250) + 2}`;
}

const agents = new Map();
function agentFor(localAddress) {
  let a = agents.get(localAddress);
  if (!a) agents.set(localAddress, (a = new http.Agent({ keepAlive: false, maxSockets: 16, localAddress })));
  return a;
}

/** One JSON request; resolves { status, body, headers }. */
export function request(
  base,
  method,
  url,
  { body, cookie, origin, localAddress = '127.0.0.1', timeoutMs = 30_000 } = {},
) {
  return new Promise((resolve, reject) => {
    const u = new URL(url, base);
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers = { accept: 'application/json' };
    if (payload)
      Object.assign(headers, { 'content-type': 'application/json', 'content-length': payload.length });
    if (cookie) headers.cookie = cookie;
    if (origin) headers.origin = origin;
    const req = http.request(
      {
        host: u.hostname,
        port: u.port,
        path: u.pathname + u.search,
        method,
        headers,
        agent: agentFor(localAddress),
        timeout: timeoutMs,
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json = null;
          try {
            json = text ? JSON.parse(text) : null;
          } catch {
            json = text;
          }
          resolve({ status: res.statusCode ?? 0, body: json, headers: res.headers });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timeout ${method} ${url}`)));
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

export async function requestOk(base, method, url, options) {
  const res = await request(base, method, url, options);
  if (res.status >= 300)
    throw new Error(`${method} ${url} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
  return res;
}

/** Opens a WebSocket; resolves once open. Frames (parsed JSON) go to onFrame. */
export function openSocket(
  url,
  { localAddress, headers, onFrame, timeoutMs = 30_000, waitFirstFrame = false } = {},
) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, {
      localAddress,
      headers,
      perMessageDeflate: false,
      handshakeTimeout: timeoutMs,
    });
    // The first frame can arrive in the same packet as the upgrade response, before any
    // continuation of 'open' runs: listen for it from the start.
    if (waitFirstFrame) {
      const t = setTimeout(() => reject(new Error('no first frame')), timeoutMs);
      ws.once('message', () => (clearTimeout(t), resolve(ws)));
    } else ws.on('open', () => resolve(ws));
    ws.on('unexpected-response', (_req, res) => {
      reject(Object.assign(new Error(`ws refused ${res.statusCode}`), { status: res.statusCode }));
      res.resume();
    });
    ws.on('error', reject);
    if (onFrame) ws.on('message', (raw) => onFrame(JSON.parse(raw.toString())));
  });
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function summarize(values) {
  const s = Float64Array.from(values).sort();
  return {
    n: s.length,
    p50: percentile(s, 50),
    p99: percentile(s, 99),
    p999: percentile(s, 99.9),
    max: s[s.length - 1] ?? NaN,
  };
}

export const round = (x, d = 2) => (Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : x);

/** Runs fn over items with at most `limit` in flight. */
export async function pool(items, limit, fn) {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i], i);
    }
  });
  await Promise.all(workers);
}

export function text(value) {
  return { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: value }] }] };
}

let dbCounter = 0;
/** A fresh storage URL: a new SQLite file or a new PostgreSQL database (dropped by cleanup()). */
export function freshDatabase(kind, tmpDir) {
  dbCounter += 1;
  if (kind === 'sqlite')
    return { url: `sqlite:${tmpDir}/bench-${process.pid}-${dbCounter}.db`, cleanup: () => undefined };
  const name = `bench_${process.pid}_${dbCounter}_${Date.now() % 100000}`;
  execFileSync(
    'psql',
    ['-h', '127.0.0.1', '-U', 'postgres', '-d', 'test', '-qc', `create database ${name}`],
    { stdio: 'pipe' },
  );
  return {
    url: `postgres://postgres@127.0.0.1:5432/${name}`,
    cleanup: () => {
      try {
        execFileSync(
          'psql',
          [
            '-h',
            '127.0.0.1',
            '-U',
            'postgres',
            '-d',
            'test',
            '-qc',
            `drop database if exists ${name} with (force)`,
          ],
          { stdio: 'pipe' },
        );
      } catch {
        /* best effort */
      }
    },
  };
}

const children = new Set();
process.on('exit', () => {
  for (const c of children) c.kill('SIGKILL');
});

/**
 * Starts one server process and waits for /readyz. Resolves { url, proc, coldStartMs, stop() }.
 * coldStartMs is spawn → first 200 from /readyz.
 */
/** Node options for the server under test: BENCH_SERVER_NODE_ARGS (a profiler, a preload). */
export function serverNodeArgs() {
  return (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
}

export async function startServer({
  databaseUrl,
  port,
  redisUrl,
  nodeName,
  extraEnv = {},
  nodeArgs = serverNodeArgs(),
}) {
  if (!existsSync(SERVER_MAIN))
    throw new Error(`${SERVER_MAIN} missing: run npm run build -w @charla/server`);
  const url = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '0.0.0.0',
    DATABASE_URL: databaseUrl,
    PUBLIC_URL: url,
    LOG_LEVEL: 'warn',
    CHARLA_ADMIN_EMAIL: ADMIN.email,
    CHARLA_ADMIN_PASSWORD: ADMIN.password,
    SESSION_SECRET: 'b'.repeat(40),
    NODE_NAME: nodeName ?? `bench-${port}`,
    CHARLA_RATE_LIMIT_MULTIPLIER: '1000',
    DATA_DIR: path.dirname(databaseUrl.replace(/^sqlite:/, '')),
    ...(redisUrl ? { REDIS_URL: redisUrl } : { REDIS_URL: '' }),
    ...extraEnv,
  };
  const t0 = now();
  const proc = spawn(process.execPath, [...nodeArgs, SERVER_MAIN], {
    env,
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.add(proc);
  let stderr = '';
  proc.stderr.on('data', (d) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const exited = new Promise((r) => proc.once('exit', (code, signal) => r({ code, signal })));
  for (;;) {
    const done = await Promise.race([exited.then((e) => e), sleep(0).then(() => null)]);
    if (done) throw new Error(`server exited early (${JSON.stringify(done)}): ${stderr}`);
    try {
      const res = await request(url, 'GET', '/readyz', { timeoutMs: 1000 });
      if (res.status === 200) break;
    } catch {
      /* not listening yet */
    }
    await sleep(10);
    if (now() - t0 > 60_000) throw new Error(`server not ready after 60 s: ${stderr}`);
  }
  const coldStartMs = now() - t0;
  return {
    url,
    proc,
    coldStartMs,
    stderr: () => stderr,
    exited,
    async stop(signal = 'SIGTERM') {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      proc.kill(signal);
      const t = setTimeout(() => proc.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(t);
      children.delete(proc);
    },
  };
}

/** Logs in; resolves the cookie header value. */
export async function login(base, email, password, localAddress) {
  const res = await requestOk(base, 'POST', '/api/v1/auth/login', {
    body: { email, password },
    origin: base,
    localAddress,
  });
  const set = [].concat(res.headers['set-cookie'] ?? []);
  return { cookie: set.map((c) => c.split(';')[0]).join('; '), user: res.body };
}

export async function metrics(base, admin, reset = false) {
  const res = await requestOk(base, 'GET', `/api/v1/admin/metrics${reset ? '?reset=1' : ''}`, {
    cookie: admin.cookie,
    origin: base,
  });
  return res.body;
}

/** Creates and activates a live_chat playbook and marks it embedded; resolves its publicId. */
export async function activePlaybook(base, admin) {
  const opts = { cookie: admin.cookie, origin: base };
  const created = await requestOk(base, 'POST', '/api/v1/playbooks', {
    ...opts,
    body: { name: 'Bench live chat', templateId: 'live_chat', language: 'en' },
  });
  await requestOk(base, 'POST', `/api/v1/playbooks/${created.body.id}/activate`, opts);
  await requestOk(
    base,
    'GET',
    `/api/v1/widget/config/${created.body.publicId}?pageUrl=${encodeURIComponent(`${EMBED_ORIGIN}/pricing`)}`,
    { origin: EMBED_ORIGIN },
  );
  return created.body.publicId;
}
