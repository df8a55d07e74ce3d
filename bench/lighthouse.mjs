// `node bench/lighthouse.mjs [--runs=3]` (after `npm run build`): Lighthouse 12 performance of
// the inbox's login page and of the inbox itself (signed in, one conversation waiting), with
// Lighthouse's mobile and desktop presets, against a real server (SQLite) on loopback and
// Debian's Chromium. Prints each page × preset: median score of `runs` and the median of the
// metrics the score is made of. Issue 25's target: ≥ 90 desktop and ≥ 80 mobile.
//
// Lighthouse's default throttling is simulated (it loads the page at full speed, then models a
// slow network and a 4× slower CPU from the trace), so a busy machine still moves the figures:
// run it with nothing else running.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import lighthouse, { desktopConfig } from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { ADMIN, ROOT, activePlaybook, freshDatabase, login, round, startServer } from './lib/util.mjs';

const args = process.argv.slice(2);
const RUNS = Number(args.find((a) => a.startsWith('--runs='))?.split('=')[1] ?? 3);
const PORT = 3940;
const METRICS = {
  'first-contentful-paint': 'FCP ms',
  'largest-contentful-paint': 'LCP ms',
  'total-blocking-time': 'TBT ms',
  'cumulative-layout-shift': 'CLS',
  'speed-index': 'SI ms',
};
const TARGET = { mobile: 80, desktop: 90 };
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

async function audit(url, port, formFactor, cookie) {
  const flags = {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance'],
    ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
  };
  const result = await lighthouse(url, flags, formFactor === 'desktop' ? desktopConfig : undefined);
  if (!result) throw new Error(`lighthouse gave no result for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
  const figures = { score: Math.round((lhr.categories.performance.score ?? 0) * 100) };
  for (const id of Object.keys(METRICS)) figures[id] = lhr.audits[id]?.numericValue ?? NaN;
  // What moved, when the layout shifted: the elements Lighthouse blames, largest shift first.
  const shifts = lhr.audits['layout-shifts']?.details?.items ?? [];
  figures.shifted = shifts
    .slice(0, 3)
    .map((item) => `${item.node?.selector ?? item.node?.snippet ?? '?'} (${round(item.score ?? 0, 3)})`);
  return figures;
}

/**
 * Audits each page × preset `runs` times; the rows (median score and metrics) are what `main`
 * prints and the bench suite's `lighthouse` scenario reports.
 */
export async function measureLighthouse({ runs = RUNS, port = PORT, log = console.log } = {}) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'charla-lighthouse-'));
  const database = freshDatabase('sqlite', tmp);
  const server = await startServer({ databaseUrl: database.url, port });
  const chrome = await chromeLauncher.launch({
    chromePath: '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
  });
  try {
    const admin = await login(server.url, ADMIN.email, ADMIN.password);
    await activePlaybook(server.url, admin);
    const pages = [
      { name: 'login', url: `${server.url}/login`, cookie: null },
      { name: 'inbox', url: `${server.url}/inbox/unassigned`, cookie: admin.cookie },
    ];
    const rows = [];
    for (const page of pages) {
      for (const formFactor of ['mobile', 'desktop']) {
        const audits = [];
        for (let i = 0; i < runs; i += 1)
          audits.push(await audit(page.url, chrome.port, formFactor, page.cookie));
        const row = { page: page.name, formFactor, target: TARGET[formFactor] };
        row.score = median(audits.map((r) => r.score));
        for (const id of Object.keys(METRICS)) row[METRICS[id]] = round(median(audits.map((r) => r[id])), 3);
        const shifted = audits.find((r) => r.shifted.length > 0)?.shifted;
        if (shifted) log(`${page.name} ${formFactor}: layout shifts of ${shifted.join(', ')}`);
        rows.push(row);
        log(JSON.stringify(row));
      }
    }
    return rows;
  } finally {
    await chrome.kill();
    await server.stop();
    database.cleanup();
  }
}

async function main() {
  const rows = await measureLighthouse();
  console.table(rows);
  const load = os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
  console.log(`runs per figure: ${RUNS}; load average at the end: ${load}`);
  const out = path.join(ROOT, 'bench/results/lighthouse.json');
  writeFileSync(
    out,
    `${JSON.stringify({ at: new Date().toISOString(), runs: RUNS, load, rows }, null, 2)}\n`,
  );
  console.log(`written ${path.relative(ROOT, out)}`);
}

// Run as a script (not when the bench suite imports it).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
