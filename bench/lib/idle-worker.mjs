// A child process that holds many idle visitor sockets (each process stays well under the
// 20,000 open-files limit). Driven over IPC by the scenario that forked it.
import { loopback, openSocket, pool, requestOk, now, sleep, percentile } from './util.mjs';
import { reconnectUntil } from './reconnect-schedules.mjs';

/** @type {{ token: string; addr: string; ws: import('ws').WebSocket | null }[]} */
const visitors = [];
let base = '';

function wsUrl(token) {
  return `${base.replace('http', 'ws')}/ws/visitor?token=${encodeURIComponent(token)}`;
}

async function connectOne(v) {
  const ws = await openSocket(wsUrl(v.token), { localAddress: v.addr, waitFirstFrame: true });
  v.ws = ws;
  ws.on('error', () => undefined);
  ws.on('close', () => {
    if (v.ws === ws) v.ws = null;
  });
  return ws;
}

async function connect({ url, count, addrOffset, addrCount, concurrency }) {
  base = url;
  const t0 = now();
  let ok = 0;
  let failed = 0;
  let refused = 0;
  const start = visitors.length;
  for (let i = 0; i < count; i += 1)
    visitors.push({ token: '', addr: loopback(addrOffset + (i % addrCount)), ws: null });
  await pool(visitors.slice(start), concurrency, async (v) => {
    try {
      if (!v.token)
        v.token = (
          await requestOk(base, 'POST', '/api/v1/widget/session', { body: {}, localAddress: v.addr })
        ).body.visitorToken;
      await connectOne(v);
      ok += 1;
    } catch (error) {
      if (error && (error.status === 503 || error.status === 429)) refused += 1;
      else failed += 1;
    }
  });
  return { ok, failed, refused, ms: now() - t0, open: visitors.filter((v) => v.ws).length };
}

/** Drops every socket at once, then reconnects each with jittered exponential backoff. */
async function storm({ firstDelayMs, timeoutMs }) {
  const live = visitors.filter((v) => v.ws);
  for (const v of live) v.ws.terminate();
  const t0 = now();
  const times = [];
  let gaveUp = 0;
  await Promise.all(
    live.map(async (v) => {
      let attempt = 0;
      await sleep(Math.random() * firstDelayMs);
      for (;;) {
        try {
          await connectOne(v);
          times.push(now() - t0);
          return;
        } catch {
          attempt += 1;
          if (now() - t0 > timeoutMs) {
            gaveUp += 1;
            return;
          }
          await sleep(Math.random() * Math.min(10_000, 500 * 2 ** attempt));
        }
      }
    }),
  );
  times.sort((a, b) => a - b);
  return {
    dropped: live.length,
    reconnected: times.length,
    gaveUp,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: times.at(-1) ?? NaN,
  };
}

/** Closes every socket and opens them again `concurrency` at a time: the server's handshake rate. */
async function handshakes({ concurrency }) {
  const live = visitors.filter((v) => v.ws);
  for (const v of live) v.ws.terminate();
  await sleep(200);
  const t0 = now();
  let failed = 0;
  await pool(live, concurrency, (v) => connectOne(v).catch(() => (failed += 1)));
  return { count: live.length - failed, failed, ms: now() - t0 };
}

/** Reconnections after the server dies: each socket, once closed, comes back on `schedule`. */
let restart = null;
function armRestart({ schedule, timeoutMs }) {
  const live = visitors.filter((v) => v.ws);
  const times = [];
  const done = live.map(
    (v) =>
      new Promise((resolve) =>
        v.ws.once('close', async () => {
          const at = await reconnectUntil(() => connectOne(v), schedule, Date.now() + timeoutMs);
          if (at !== null) times.push(at);
          resolve();
        }),
      ),
  );
  restart = { dropped: live.length, times, done: Promise.all(done) };
  return { armed: live.length };
}

process.on('message', async (msg) => {
  try {
    if (msg.cmd === 'connect') process.send({ id: msg.id, result: await connect(msg) });
    else if (msg.cmd === 'storm') process.send({ id: msg.id, result: await storm(msg) });
    else if (msg.cmd === 'handshakes') process.send({ id: msg.id, result: await handshakes(msg) });
    else if (msg.cmd === 'arm-restart') process.send({ id: msg.id, result: armRestart(msg) });
    else if (msg.cmd === 'restart-result') {
      await restart.done;
      process.send({ id: msg.id, result: { dropped: restart.dropped, times: restart.times } });
    } else if (msg.cmd === 'count')
      process.send({
        id: msg.id,
        result: { open: visitors.filter((v) => v.ws && v.ws.readyState === 1).length },
      });
    else if (msg.cmd === 'close') {
      for (const v of visitors) v.ws?.terminate();
      process.send({ id: msg.id, result: {} });
      setTimeout(() => process.exit(0), 50);
    }
  } catch (error) {
    process.send({ id: msg.id, error: String(error && error.stack ? error.stack : error) });
  }
});
