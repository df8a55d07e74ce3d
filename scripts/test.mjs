// The whole suite, in order: lint, typecheck, unit, integration on SQLite, integration on
// PostgreSQL + Redis, build, end-to-end in Chromium. Under CI=true an unreachable PostgreSQL,
// Redis or Chromium is a failure; elsewhere it is skipped with a loud warning.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';

const ci = process.env.CI === 'true' || process.env.CI === '1';
const results = [];

function run(name, command, env = {}) {
  const started = Date.now();
  console.log(`\n\u001b[1m▶ ${name}\u001b[0m  (${command})`);
  const r = spawnSync(command, { shell: true, stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  results.push({ name, ok: r.status === 0, seconds });
  if (r.status !== 0) {
    summary();
    console.error(`\n\u001b[31m✗ ${name} failed\u001b[0m`);
    process.exit(r.status ?? 1);
  }
}

function reachable(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host, timeout: 2000 }, () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
    socket.on('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

function loud(message) {
  const bar = '!'.repeat(78);
  console.error(`\n${bar}\n!! ${message}\n${bar}\n`);
}

function summary() {
  console.log('\nSummary:');
  for (const r of results) console.log(`  ${r.ok ? '✓' : '✗'} ${r.name.padEnd(40)} ${r.seconds}s`);
}

run('lint', 'npx eslint . --max-warnings 0');
run('format', 'npx prettier --check . --log-level warn');
run('typecheck', 'npm run typecheck');
run('unit', 'npx vitest run --project unit');
run('integration on SQLite', 'npx vitest run --project integration', { CHARLA_TEST_DB: 'sqlite' });

const pg = await reachable(5432);
const redis = await reachable(6379);
if (pg && redis) {
  run('integration on PostgreSQL + Redis', 'npx vitest run --project integration', {
    CHARLA_TEST_DB: 'postgres',
  });
} else {
  const what = [!pg && 'PostgreSQL (127.0.0.1:5432)', !redis && 'Redis (127.0.0.1:6379)']
    .filter(Boolean)
    .join(' and ');
  loud(`${what} NOT REACHABLE: the PostgreSQL + Redis integration run is SKIPPED`);
  if (ci) process.exit(1);
  results.push({ name: 'integration on PostgreSQL + Redis (SKIPPED)', ok: false, seconds: '0' });
}

run('build', 'npm run build');
if (existsSync('/usr/bin/chromium')) {
  run('end-to-end in Chromium', 'npx vitest run --project e2e');
} else {
  loud('/usr/bin/chromium NOT FOUND: end-to-end tests are SKIPPED (apt-get install -y chromium)');
  if (ci) process.exit(1);
}
summary();
