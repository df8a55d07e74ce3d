// `node bench/inbox-thread.mjs [--sizes=50,400,2000] [--arrivals=10] [--scroll=10000]` (after
// `npm run build`): main-thread cost in the inbox of ONE incoming visitor message while the open
// conversation already holds N messages, the time to open such a conversation (a full page load,
// and a click in the conversation list of a loaded inbox), and frame times while scrolling a
// `--scroll` message thread (0 skips it). Real server (SQLite), real WebSockets, headless Chromium
// without CPU throttling.
//
// Method: Chrome DevTools Protocol `Performance.getMetrics` on the inbox page. TaskDuration
// (all renderer main-thread task time) and ScriptDuration (JS only) are read just before the
// visitor sends and again once the message's row is added to the timeline (a MutationObserver,
// not Playwright polling, which would walk the long list itself) plus a 600 ms settle (the
// read receipt, list refresh and any follow-up renders). The same window with no message is
// measured as the idle baseline and printed beside it. A 'longtask' PerformanceObserver in the
// page gives the longest single task of each arrival.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ADMIN,
  activePlaybook,
  freshDatabase,
  login,
  openSocket,
  request,
  requestOk,
  round,
  sleep,
  startServer,
  text,
} from './lib/util.mjs';
import { frameStats, openFromList, rowsInDom, scrollFrames } from './lib/inbox-page.mjs';

const CHROMIUM = '/usr/bin/chromium';
const args = process.argv.slice(2);
const arg = (name, fallback) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const SIZES = arg('sizes', '50,400,2000').split(',').map(Number);
const ARRIVALS = Number(arg('arrivals', '10'));
const SCROLL = Number(arg('scroll', '10000'));
const SETTLE_MS = 600;
const loadavg = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const pct = (xs, p) => sorted(xs)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];

/** A visitor socket that resolves frames by predicate. */
async function visitorSocket(base) {
  const token = (await requestOk(base, 'POST', '/api/v1/widget/session', { body: {} })).body.visitorToken;
  const waiters = [];
  const ws = await openSocket(`${base.replace('http', 'ws')}/ws/visitor?token=${encodeURIComponent(token)}`, {
    onFrame: (f) => {
      for (const w of [...waiters]) if (w.pred(f)) waiters.splice(waiters.indexOf(w), 1) && w.resolve(f);
    },
  });
  const waitFor = (pred) =>
    new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('visitor frame timeout')), 30_000);
      waiters.push({ pred, resolve: (f) => (clearTimeout(t), resolve(f)) });
    });
  const send = (frame) => ws.send(JSON.stringify(frame));
  return { ws, send, waitFor };
}

/** A live conversation assigned to the admin holding `n` messages (visitor and admin turns). */
async function seedConversation(base, admin, publicId, n, tag) {
  const v = await visitorSocket(base);
  v.send({ type: 'start', ref: 's', playbookId: publicId, startKey: `thread-bench-${tag}` });
  const conv = await v.waitFor((f) => f.ref === 's');
  if (conv.type !== 'conversation') throw new Error(`start: ${JSON.stringify(conv)}`);
  const id = conv.conversation.id;
  v.send({
    type: 'answer',
    ref: 'a',
    conversationId: id,
    clientMsgId: `ans-${tag}`,
    answer: { kind: 'button', optionId: 'talk' },
  });
  const answered = await v.waitFor((f) => f.ref === 'a');
  if (answered.type === 'error') throw new Error(`answer: ${JSON.stringify(answered)}`);
  const opts = { cookie: admin.cookie, origin: base };
  // Routing may already have offered it to the online admin; otherwise take it once it waits.
  for (let attempt = 0; ; attempt += 1) {
    const got = await requestOk(base, 'GET', `/api/v1/conversations/${id}`, opts);
    if (got.body.agent?.id === admin.user.id) break;
    const res = await request(base, 'POST', `/api/v1/conversations/${id}/assign`, opts);
    if (res.status === 200) break;
    if (attempt > 50) throw new Error(`assign: ${res.status} ${got.body.status} ${JSON.stringify(res.body)}`);
    await sleep(100);
  }
  // Turns of 1–4 messages each side, so grouping varies like a real chat.
  let sent = 0;
  let turn = 0;
  while (sent < n) {
    const size = Math.min(n - sent, 1 + (turn % 4));
    const fromVisitor = turn % 2 === 0;
    const batch = [];
    for (let k = 0; k < size; k += 1, sent += 1) {
      const clientMsgId = `seed-${tag}-${sent}`;
      const body = text(
        `Message ${sent}: could you tell me more about **plan ${sent % 7}** and https://example.com/p/${sent}?`,
      );
      if (fromVisitor) {
        v.send({ type: 'send', conversationId: id, clientMsgId, body });
        batch.push(v.waitFor((f) => f.type === 'ack' && f.clientMsgId === clientMsgId));
      } else {
        await requestOk(base, 'POST', `/api/v1/conversations/${id}/messages`, {
          ...opts,
          body: { clientMsgId, body },
        });
      }
    }
    await Promise.all(batch);
    turn += 1;
  }
  return { id, visitor: v };
}

async function taskMetrics(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return {
    task: get('TaskDuration'),
    script: get('ScriptDuration'),
    layout: get('LayoutDuration'),
    style: get('RecalcStyleDuration'),
  };
}

const OBSERVE = `window.__longtasks = [];
new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longtasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });`;

/** A logged-in inbox page (English, 1440×900) with the app shell warm (JS/CSS cached). */
async function inboxPage(browser, server) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  await context.addInitScript(() => {
    localStorage.setItem('charla.language', 'en');
    localStorage.setItem('charla.notificationPromptDismissed', '1');
  });
  await context.addInitScript(OBSERVE);
  const res = await context.request.post(`${server.url}/api/v1/auth/login`, {
    data: { email: ADMIN.email, password: ADMIN.password },
    headers: { origin: server.url },
  });
  if (!res.ok()) throw new Error(`login ${res.status()}`);
  const page = await context.newPage();
  await page.goto(`${server.url}/inbox/mine`);
  await page.getByTestId('timeline').or(page.locator('main')).first().waitFor();
  return { context, page };
}

/** Frame times while scrolling an `n`-message thread up from the bottom, then jumping around. */
async function measureScroll(browser, server, admin, publicId, n) {
  const { id, visitor } = await seedConversation(server.url, admin, publicId, n, `scroll-${n}-${Date.now()}`);
  visitor.ws.close();
  const { context, page } = await inboxPage(browser, server);
  const clickOpenMs = round(await openFromList(page, id, `Message ${n - 1}:`), 0);
  const openLoad = loadavg();
  await sleep(1500);
  const mark = await page.evaluate(() => window.__longtasks.length);
  const r = await scrollFrames(page);
  const long = await page.evaluate((k) => window.__longtasks.slice(k), mark);
  await context.close();
  return {
    n,
    clickOpenMs,
    openLoad,
    idle: frameStats(r.idle),
    up: frameStats(r.up),
    jump: frameStats(r.jump),
    travelledPx: Math.round(r.travelled),
    heightPx: [r.startHeight, r.endHeight],
    rowsInDom: r.rows,
    longTasks: long.length,
    longest: round(Math.max(0, ...long), 0),
    load: loadavg(),
  };
}

async function measureSize(browser, server, admin, publicId, n) {
  const { id, visitor } = await seedConversation(server.url, admin, publicId, n, `${n}-${Date.now()}`);
  const { context, page } = await inboxPage(browser, server);
  const lastText = `Message ${n - 1}:`;
  const openStart = Date.now();
  await page.goto(`${server.url}/inbox/mine/${id}`);
  await page.getByTestId('timeline').getByText(lastText).waitFor({ timeout: 120_000 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  const openMs = Date.now() - openStart;
  const openLoad = loadavg();
  // The same conversation opened from the list of an inbox already loaded (its usual path).
  await page.goto(`${server.url}/inbox/mine`);
  const clickOpenMs = round(await openFromList(page, id, lastText), 0);
  const clickLoad = loadavg();
  const domRows = await rowsInDom(page);
  await sleep(1500);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const idle = [];
  const rows = [];
  for (let i = 0; i < ARRIVALS; i += 1) {
    const b0 = await taskMetrics(cdp);
    await sleep(SETTLE_MS + 150);
    const b1 = await taskMetrics(cdp);
    idle.push(b1.task - b0.task);
    const mark = await page.evaluate(() => window.__longtasks.length);
    const body = `Arrival ${i} for thread ${n}`;
    // A MutationObserver on added nodes only: Playwright's locator polling would itself walk the
    // whole long timeline on the main thread and inflate the figure.
    await page.evaluate((wanted) => {
      window.__arrived = new Promise((resolve) => {
        const list = document.querySelector('[data-testid="timeline"]');
        const observer = new MutationObserver((records) => {
          for (const r of records)
            for (const node of r.addedNodes)
              if (node.textContent?.includes(wanted)) return (observer.disconnect(), resolve(true));
        });
        observer.observe(list, { childList: true });
      });
    }, body);
    const m0 = await taskMetrics(cdp);
    visitor.send({ type: 'send', conversationId: id, clientMsgId: `arr-${n}-${i}`, body: text(body) });
    await page.evaluate(() => window.__arrived);
    await sleep(SETTLE_MS);
    const m1 = await taskMetrics(cdp);
    const long = await page.evaluate((k) => window.__longtasks.slice(k), mark);
    rows.push({
      task: m1.task - m0.task,
      script: m1.script - m0.script,
      layout: m1.layout - m0.layout,
      style: m1.style - m0.style,
      longest: Math.max(0, ...long),
      load: loadavg(),
    });
    await sleep(300);
  }
  visitor.ws.close();
  await context.close();
  const tasks = rows.map((r) => r.task);
  return {
    n,
    openMs,
    openLoad,
    clickOpenMs,
    clickLoad,
    domRows,
    taskMedian: round(pct(tasks, 50), 0),
    taskP95: round(pct(tasks, 95), 0),
    layoutMedian: round(
      pct(
        rows.map((r) => r.layout),
        50,
      ),
      0,
    ),
    styleMedian: round(
      pct(
        rows.map((r) => r.style),
        50,
      ),
      0,
    ),
    scriptMedian: round(
      pct(
        rows.map((r) => r.script),
        50,
      ),
      0,
    ),
    longest: round(Math.max(...rows.map((r) => r.longest)), 0),
    idleMedian: round(pct(idle, 50), 0),
    loads: [rows[0].load, rows.at(-1).load],
  };
}

function printResults(results, scroll) {
  console.log(
    `\nOne incoming message, inbox main thread (CDP TaskDuration delta, ${ARRIVALS} arrivals, ${SETTLE_MS} ms settle)`,
  );
  console.log(
    '| N messages | median ms | p95 ms | script median ms | style / layout median ms | longest task ms | idle window ms | page load → latest painted ms | list click → latest painted ms | rows in DOM | load average (start / end) |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const r of results)
    console.log(
      `| ${r.n} | ${r.taskMedian} | ${r.taskP95} | ${r.scriptMedian} | ${r.styleMedian} / ${r.layoutMedian} | ${r.longest} | ${r.idleMedian} | ${r.openMs} (load ${r.openLoad}) | ${r.clickOpenMs} (load ${r.clickLoad}) | ${r.domRows} | ${r.loads[0]} / ${r.loads[1]} |`,
    );
  if (!scroll) return;
  console.log(
    `\nScrolling a ${scroll.n}-message thread (rAF intervals; 60 fps = 16.7 ms; opened from the list in ${scroll.clickOpenMs} ms, load ${scroll.openLoad})`,
  );
  console.log('| phase | frames | median ms | p95 ms | worst ms | dropped frames |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const [name, f] of [
    ['idle (no scrolling)', scroll.idle],
    ['bottom → top, 200 px per frame', scroll.up],
    ['random jumps, one per frame', scroll.jump],
  ])
    console.log(`| ${name} | ${f.frames} | ${f.median} | ${f.p95} | ${f.worst} | ${f.dropped} |`);
  console.log(
    `travelled ${scroll.travelledPx} px; scroll height ${scroll.heightPx.join(' → ')} px; ${scroll.rowsInDom} rows in the DOM at the end; ${scroll.longTasks} long tasks (longest ${scroll.longest} ms); load average ${scroll.load}`,
  );
}

/**
 * Seeds and measures each size, then the scroll (0 skips it); what `main` prints and the bench
 * suite's `inbox` scenario reports.
 */
export async function measureInboxThread({
  sizes = SIZES,
  scrollSize = SCROLL,
  port = Number(arg('port', '39240')),
  log = (line) => process.stderr.write(`${line}\n`),
} = {}) {
  const { chromium } = await import('playwright-core');
  const tmpDir = mkdtempSync(path.join(os.tmpdir(), 'charla-thread-'));
  const db = freshDatabase('sqlite', tmpDir);
  const server = await startServer({ databaseUrl: db.url, port });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const admin = await login(server.url, ADMIN.email, ADMIN.password);
    await requestOk(server.url, 'PUT', '/api/v1/me/online', {
      cookie: admin.cookie,
      origin: server.url,
      body: { online: true },
    });
    // Availability needs a connected agent socket (as in the inbox), or the bot takes a message.
    const agentSocket = await openSocket(`${server.url.replace('http', 'ws')}/ws/agent`, {
      headers: { cookie: admin.cookie, origin: server.url },
    });
    const publicId = await activePlaybook(server.url, admin);
    const results = [];
    for (const n of sizes) {
      log(`▶ N=${n} (load average ${loadavg()})`);
      const r = await measureSize(browser, server, admin, publicId, n);
      log(`  ${JSON.stringify(r)}`);
      results.push(r);
    }
    let scroll = null;
    if (scrollSize > 0) {
      log(`▶ scroll N=${scrollSize} (load average ${loadavg()})`);
      scroll = await measureScroll(browser, server, admin, publicId, scrollSize);
      log(`  ${JSON.stringify(scroll)}`);
    }
    agentSocket.close();
    return { results, scroll };
  } finally {
    await browser.close();
    await server.stop();
    db.cleanup();
  }
}

async function main() {
  const { results, scroll } = await measureInboxThread();
  printResults(results, scroll);
}

// Run as a script (not when the bench suite imports it).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
