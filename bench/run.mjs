// `npm run bench [-- --quick] [-- --only=idle,delivery,redis,widget,restart,parser,cost,inbox,lighthouse]`: runs the benchmark suite against
// real server processes on loopback, prints a table and writes bench/results/latest.json.
import { execSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './lib/util.mjs';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = (args.find((a) => a.startsWith('--only=')) ?? '').slice(7).split(',').filter(Boolean);
const skipBuild = args.includes('--no-build');
const want = (name) => only.length === 0 || only.includes(name);
const log = (line) => process.stderr.write(`${line}\n`);

const plan = quick
  ? {
      idleSteps: [1000, 3000],
      idleVisitors: 2000,
      users: 50,
      active: 200,
      rates: [200, 400, 800],
      stepSeconds: 6,
      stormClients: 2000,
      relayRates: [400, 1600, 6400],
    }
  : {
      idleSteps: [2000, 6000, 10000, 14000, 18000, 18100],
      idleVisitors: 15_000,
      users: 200,
      active: 500,
      // Past issue 25's 2,000 msg/s; the delivery scenario adds a step at 15 % of the relay's rate.
      rates: [250, 500, 1000, 1500, 2000, 2500, 3000],
      stepSeconds: 12,
      stormClients: 17_000,
      relayRates: [1000, 2000, 4000, 8000, 16000],
    };

async function main() {
  const started = Date.now();
  if (!skipBuild) {
    // Everything: the inbox and lighthouse scenarios load the built inbox, the widget's its widget.
    log('building (npm run build)…');
    execSync('npm run build', { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const tmpDir = mkdtempSync(path.join(os.tmpdir(), 'charla-bench-'));
  const figures = [];
  const ctx = { tmpDir, log, quick, plan };
  let port = 39100;
  const scenarios = [
    [
      'idle',
      async () =>
        (await import('./scenarios/idle.mjs')).idleScenario({
          ...ctx,
          storage: 'sqlite',
          steps: plan.idleSteps,
          port: port++,
        }),
    ],
    [
      'delivery',
      async () =>
        (await import('./scenarios/delivery.mjs')).deliveryScenarios({ ...ctx, nextPort: () => port++ }),
    ],
    [
      'redis',
      async () => (await import('./scenarios/redis.mjs')).redisScenario({ ...ctx, nextPort: () => port++ }),
    ],
    [
      'widget',
      async () => (await import('./scenarios/widget.mjs')).widgetScenario({ ...ctx, nextPort: () => port++ }),
    ],
    [
      'restart',
      async () =>
        (await import('./scenarios/restart.mjs')).restartScenario({ ...ctx, nextPort: () => port++ }),
    ],
    ['parser', async () => (await import('./scenarios/parser.mjs')).parserScenario()],
    [
      'cost',
      async () => (await import('./scenarios/cost.mjs')).costScenario({ ...ctx, nextPort: () => port++ }),
    ],
    [
      'inbox',
      async () => (await import('./scenarios/inbox.mjs')).inboxScenario({ ...ctx, nextPort: () => port++ }),
    ],
    [
      'lighthouse',
      async () =>
        (await import('./scenarios/lighthouse.mjs')).lighthouseScenario({ ...ctx, nextPort: () => port++ }),
    ],
  ];
  for (const [name, run] of scenarios) {
    if (!want(name)) continue;
    const t0 = Date.now();
    log(
      `▶ ${name} (load average ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')})`,
    );
    try {
      const result = await run();
      figures.push(...result.figures);
    } catch (error) {
      log(`✗ ${name} failed: ${error && error.stack ? error.stack : error}`);
      figures.push({
        name: `${name}.error`,
        value: String(error && error.message ? error.message : error).slice(0, 300),
        unit: '',
        conditions: 'scenario failed',
      });
    }
    log(`  ${name} took ${Math.round((Date.now() - t0) / 1000)} s`);
  }
  rmSync(tmpDir, { recursive: true, force: true });

  const rows = figures.map((f) => [
    f.name,
    String(f.value),
    f.unit,
    f.target ?? '',
    f.ok === undefined ? '' : f.ok ? 'met' : 'MISSED',
  ]);
  const head = ['figure', 'value', 'unit', 'target', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => c.padEnd(widths[i])).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  const out = {
    runAt: new Date(started).toISOString(),
    mode: quick ? 'quick' : 'full',
    durationSeconds: Math.round((Date.now() - started) / 1000),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      memoryGB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      loadAverageAtEnd: os.loadavg(),
    },
    figures,
  };
  mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
  const file = only.length
    ? `bench/results/partial-${only.join('-')}${quick ? '-quick' : ''}.json`
    : 'bench/results/latest.json';
  writeFileSync(path.join(ROOT, file), `${JSON.stringify(out, null, 2)}\n`);
  log(`wrote ${file} (${out.durationSeconds} s)`);
}

main().then(
  () => process.exit(0),
  (error) => {
    log(error && error.stack ? error.stack : String(error));
    process.exit(1);
  },
);
