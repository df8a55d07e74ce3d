// The load driver: agents (users) and active visitors live in this one process so send and
// receipt times come from one clock. It paces persisted messages both ways and measures
// send → receipt, send → ack and messages never received.
import { loopback, now, openSocket, pool, request, requestOk, sleep, summarize, text } from './util.mjs';

const runId = Math.random().toString(36).slice(2, 8);

export function frameRouter(owner) {
  owner.waiters = [];
  return (frame) => {
    owner.onFrame?.(frame);
    for (const w of [...owner.waiters]) {
      if (w.pred(frame)) {
        owner.waiters.splice(owner.waiters.indexOf(w), 1);
        w.resolve(frame);
      }
    }
  };
}

export function waitFor(owner, pred, timeoutMs = 20_000, what = 'frame') {
  return new Promise((resolve, reject) => {
    const w = { pred, resolve: (f) => (clearTimeout(t), resolve(f)) };
    const t = setTimeout(() => {
      owner.waiters.splice(owner.waiters.indexOf(w), 1);
      reject(new Error(`timeout waiting for ${what}`));
    }, timeoutMs);
    owner.waiters.push(w);
  });
}

/** Sets up `users` agents and `active` assigned conversations on a Charla server. */
export async function setupCharla(
  base,
  admin,
  publicId,
  { users, active, visitorBase = () => base, groupOf = () => 'all' },
) {
  const ws = base.replace('http', 'ws');
  const agents = Array.from({ length: users }, (_, i) => ({ i, addr: loopback(10 + (i % 40)) }));
  await pool(agents, 4, async (a) => {
    const email = `bench-${runId}-u${a.i}@example.com`;
    const password = 'bench-password-123';
    await requestOk(base, 'POST', '/api/v1/admin/users', {
      cookie: admin.cookie,
      origin: base,
      body: { email, name: `Agent ${a.i}`, role: 'regular', password },
    });
    const res = await requestOk(base, 'POST', '/api/v1/auth/login', {
      body: { email, password },
      origin: base,
      localAddress: a.addr,
    });
    a.cookie = []
      .concat(res.headers['set-cookie'] ?? [])
      .map((c) => c.split(';')[0])
      .join('; ');
    await requestOk(base, 'PUT', '/api/v1/me/online', {
      cookie: a.cookie,
      origin: base,
      body: { online: true },
      localAddress: a.addr,
    });
    a.ws = await openSocket(`${ws}/ws/agent`, {
      localAddress: a.addr,
      headers: { cookie: a.cookie, origin: base },
      onFrame: frameRouter(a),
    });
  });
  const convs = Array.from({ length: active }, (_, i) => ({
    i,
    addr: loopback(60 + (i % 40)),
    agent: agents[i % users],
    lastSeq: 0,
    vbase: visitorBase(i),
    group: groupOf(i),
  }));
  await pool(convs, 16, async (c) => {
    c.token = (
      await requestOk(c.vbase, 'POST', '/api/v1/widget/session', { body: {}, localAddress: c.addr })
    ).body.visitorToken;
    c.url = `${c.vbase.replace('http', 'ws')}/ws/visitor?token=${encodeURIComponent(c.token)}`;
    c.ws = await openSocket(c.url, { localAddress: c.addr, onFrame: frameRouter(c) });
    c.ws.send(
      JSON.stringify({ type: 'start', ref: 's', playbookId: publicId, startKey: `bench-${runId}-${c.i}` }),
    );
    const conv = await waitFor(
      c,
      (f) => (f.type === 'conversation' && f.ref === 's') || (f.type === 'error' && f.ref === 's'),
      20_000,
      'start',
    );
    if (conv.type === 'error') throw new Error(`start: ${conv.code} ${conv.message}`);
    c.conversationId = conv.conversation.id;
    c.ws.send(
      JSON.stringify({
        type: 'answer',
        ref: 'a',
        conversationId: c.conversationId,
        clientMsgId: `ans-${runId}-${c.i}`,
        answer: { kind: 'button', optionId: 'talk' },
      }),
    );
    const ack = await waitFor(
      c,
      (f) => (f.type === 'ack' || f.type === 'error') && f.ref === 'a',
      20_000,
      'answer',
    );
    if (ack.type === 'error') throw new Error(`answer: ${ack.code} ${ack.message}`);
    for (let attempt = 0; ; attempt += 1) {
      const res = await request(base, 'POST', `/api/v1/conversations/${c.conversationId}/assign`, {
        cookie: c.agent.cookie,
        origin: base,
        localAddress: c.agent.addr,
      });
      if (res.status === 200) break;
      if (attempt > 50) throw new Error(`assign: ${res.status} ${JSON.stringify(res.body)}`);
      await sleep(100);
    }
    // The user has the chat open: its messages come on their socket from here on (R28).
    c.agent.ws.send(JSON.stringify({ type: 'subscribe', conversationId: c.conversationId, lastSeq: 0 }));
  });
  return { agents, convs, kind: 'charla', base };
}

/** The same shape on the bare relay: visitor i and agent j are plain sockets addressed by id. */
export async function setupRelay(base, { users, active }) {
  const ws = base.replace('http', 'ws');
  const agents = Array.from({ length: users }, (_, i) => ({ i, addr: loopback(10 + (i % 40)), id: `a${i}` }));
  await pool(agents, 16, async (a) => {
    a.ws = await openSocket(`${ws}/ws?id=${a.id}`, { localAddress: a.addr, onFrame: frameRouter(a) });
  });
  const convs = Array.from({ length: active }, (_, i) => ({
    i,
    addr: loopback(60 + (i % 40)),
    agent: agents[i % users],
    id: `v${i}`,
    conversationId: `c${i}`,
    lastSeq: 0,
  }));
  await pool(convs, 16, async (c) => {
    c.url = `${ws}/ws?id=${c.id}`;
    c.ws = await openSocket(c.url, { localAddress: c.addr, onFrame: frameRouter(c) });
  });
  return { agents, convs, kind: 'relay', base };
}

/**
 * A client message id of the shape the widget and the inbox make (`newClientMsgId` in
 * packages/protocol: prefix, then 12 hex digits of the clock), with the step and the count in
 * place of the random part, so each is unique in its step. The server's unique index is led by
 * these ids: their order is part of what a message costs.
 */
function clientMsgIdOf(prefix, stepId, sent) {
  const clock = Date.now().toString(16).padStart(12, '0');
  return `${prefix}_${clock}${stepId}${sent.toString(16).padStart(15, '0')}`;
}

/**
 * Sends `rate` messages/s for `seconds`, half visitor → user and half user → visitor, round
 * robin over the conversations; then waits up to `drainMs` for stragglers. `reads`: each receiver
 * reports a read of every message it gets, as an open widget or inbox does (Charla only): the read
 * receipts' cost counts in the step.
 */
export async function runRate(env, rate, seconds, { drainMs = 5000, admin, during, reads = false } = {}) {
  const { convs, kind } = env;
  const records = new Map();
  const lat = { v2u: [], u2v: [], ack: [] };
  const groups = {};
  const errors = {};
  // Five hex digits, so a client id keeps the clients' 32 hex digits (see `clientMsgIdOf`).
  const stepId = Math.floor(Math.random() * 0x100000)
    .toString(16)
    .padStart(5, '0');
  /** Frames the clients got during the step, of every type (what each message costs the sockets). */
  let framesIn = 0;
  const readBy = (owner, message) =>
    owner.ws.send(JSON.stringify({ type: 'read', conversationId: message.conversationId, seq: message.seq }));
  const onFrame = (side, c) => (frame) => {
    // A replay from the database (`messages`, after a bus outage) counts as delivered, late.
    if (frame.type === 'messages') {
      for (const message of frame.messages) onFrame(side, c)({ type: 'message', message });
      return;
    }
    if (frame.type === 'message' && frame.message.clientMsgId) {
      if (frame.message.seq > c.lastSeq && side === 'visitor') c.lastSeq = frame.message.seq;
      const r = records.get(frame.message.clientMsgId);
      if (!r || r.recv) return;
      if ((r.dir === 'v2u' && side === 'agent') || (r.dir === 'u2v' && side === 'visitor' && r.conv === c)) {
        r.recv = true;
        if (reads && kind === 'charla') readBy(c, frame.message);
        const ms = now() - r.t0;
        lat[r.dir].push(ms);
        (groups[r.conv.group ?? 'all'] ??= []).push(ms);
        if (r.acked) records.delete(frame.message.clientMsgId);
      }
    } else if (frame.type === 'ack') {
      const r = records.get(frame.clientMsgId);
      if (!r || r.acked) return;
      r.acked = true;
      lat.ack.push(now() - r.t0);
      if (r.recv) records.delete(frame.clientMsgId);
    } else if (frame.type === 'error') {
      errors[frame.code] = (errors[frame.code] ?? 0) + 1;
    }
  };
  const counting = (handle) => (frame) => {
    framesIn += 1;
    handle(frame);
  };
  for (const c of convs) c.onFrame = counting(onFrame('visitor', c));
  for (const a of env.agents) a.onFrame = counting(onFrame('agent', a));
  const before = admin ? await env.metrics(true) : null;
  const body = text('Hello, I have a question about your pricing plans for teams.');
  let sent = 0;
  const total = Math.round(rate * seconds);
  const t0 = now();
  await new Promise((resolve) => {
    const tick = () => {
      const due = Math.min(total, Math.floor((rate * (now() - t0)) / 1000));
      while (sent < due) {
        const c = convs[sent % convs.length];
        const dir = Math.floor(sent / convs.length) % 2 === 0 ? 'v2u' : 'u2v';
        const clientMsgId = clientMsgIdOf(dir === 'v2u' ? 'w' : 'c', stepId, sent);
        const frame = { type: 'send', conversationId: c.conversationId, clientMsgId, body };
        if (kind === 'relay') frame.to = dir === 'v2u' ? c.agent.id : c.id;
        records.set(clientMsgId, { t0: now(), dir, conv: c, acked: false, recv: false });
        (dir === 'v2u' ? c.ws : c.agent.ws).send(JSON.stringify(frame));
        sent += 1;
      }
      if (sent >= total) resolve();
      else setTimeout(tick, 2);
    };
    tick();
  });
  const sendSeconds = (now() - t0) / 1000;
  if (during) await during.done;
  const drainStart = now();
  while (records.size > 0 && now() - drainStart < drainMs) await sleep(20);
  const after = admin ? await env.metrics(false) : null;
  // Lost: acknowledged to its sender and never received (the guarantee broken). A message still
  // unacknowledged when the step ends (an overloaded server's queue) is undelivered, not lost: its
  // sender has not been told it is stored, and would send it again.
  let lost = 0;
  let undelivered = 0;
  let unacked = 0;
  const undeliveredList = [];
  for (const [clientMsgId, r] of records) {
    if (!r.recv) {
      undelivered += 1;
      if (r.acked) lost += 1;
      undeliveredList.push({ clientMsgId, conv: r.conv, dir: r.dir, acked: r.acked });
    }
    if (!r.acked) unacked += 1;
  }
  const all = summarize([...lat.v2u, ...lat.u2v]);
  return {
    rate,
    sent,
    sendSeconds,
    achieved: sent / sendSeconds,
    lost,
    undelivered,
    unacked,
    errors,
    v2u: summarize(lat.v2u),
    u2v: summarize(lat.u2v),
    ack: summarize(lat.ack),
    all,
    groups: Object.fromEntries(Object.entries(groups).map(([k, v]) => [k, summarize(v)])),
    undeliveredList,
    framesIn,
    serverLoopP99: after?.eventLoopDelay?.p99,
    // The longest single block: a few long ones set the e2e p99 while staying under 1 % of the
    // histogram's samples (a checkpoint or a full collection), so its p99 alone can miss them.
    serverLoopMax: after?.eventLoopDelay?.max,
    // Statements the server sent its database over the step (BEGIN/COMMIT included; on PostgreSQL
    // each is a round trip). Older builds do not report them.
    dbStatements:
      after?.dbStatements !== undefined && before?.dbStatements !== undefined
        ? after.dbStatements - before.dbStatements
        : undefined,
    // Transactions committed over the step (chat messages share them on SQLite under load).
    dbCommits:
      after?.dbCommits !== undefined && before?.dbCommits !== undefined
        ? after.dbCommits - before.dbCommits
        : undefined,
    serverCpu:
      after && before && after.cpu && before.cpu
        ? (after.cpu.user + after.cpu.system - before.cpu.user - before.cpu.system) /
          1e6 /
          (after.uptime - before.uptime)
        : undefined,
  };
}

/** Sweeps rates upward until p99 ≥ 100 ms (or messages go missing); returns every step. */
export async function sweep(env, rates, seconds, log, label, options) {
  const steps = [];
  let misses = 0;
  // Warm-up (JIT, caches, first checkpoints): a short step at the lowest rate, not reported.
  await runRate(env, rates[0], Math.min(4, seconds), options);
  for (const rate of rates) {
    const s = await runRate(env, rate, seconds, options);
    steps.push(s);
    log(
      `  ${label} ${rate}/s: sent ${s.sent} in ${s.sendSeconds.toFixed(1)} s, p50 ${s.all.p50?.toFixed(1)} p99 ${s.all.p99?.toFixed(1)} p99.9 ${s.all.p999?.toFixed(1)} ms, ack p99 ${s.ack.p99?.toFixed(1)}, lost ${s.lost}, undelivered ${s.undelivered}, unacked ${s.unacked}, errors ${JSON.stringify(s.errors)}, server loop p99 ${s.serverLoopP99 ?? '-'} max ${s.serverLoopMax ?? '-'} ms, server cpu ${s.serverCpu === undefined ? '-' : `${(s.serverCpu * 100).toFixed(0)}%`}`,
    );
    // Two steps over in a row end the sweep (one can be a hiccup of a shared machine).
    misses = !(s.all.p99 < 100) || s.lost > 0 ? misses + 1 : 0;
    if (misses >= 2) break;
    await sleep(1000);
  }
  const good = steps.filter((s) => s.all.p99 < 100 && s.lost === 0 && Object.keys(s.errors).length === 0);
  return { steps, best: good.at(-1) ?? null };
}

/** Drops every idle worker's sockets at once and reconnects them on the storm's schedule. */
export async function idleStorm(workers, { firstDelayMs = 1000, timeoutMs = 60_000 } = {}) {
  const runs = await Promise.all(workers.map((w) => w.call('storm', { firstDelayMs, timeoutMs })));
  return {
    dropped: runs.reduce((a, r) => a + r.dropped, 0),
    reconnected: runs.reduce((a, r) => a + r.reconnected, 0),
    gaveUp: runs.reduce((a, r) => a + r.gaveUp, 0),
    // Each worker holds its own percentiles: merged conservatively, as storm() does.
    p95: Math.max(...runs.map((r) => r.p95 ?? 0)),
  };
}

/**
 * Reconnect storm: every visitor socket (idle workers and active conversations) drops at once and
 * reconnects with jittered backoff while users keep writing; active visitors resubscribe from the
 * last sequence they saw. Missed = messages the users sent that a visitor never got.
 */
export async function storm(
  env,
  workers,
  { firstDelayMs = 1000, timeoutMs = 60_000, writeSeconds = 6 } = {},
) {
  const { convs } = env;
  const acked = new Map(); // conversationId → Set(seq) written by the user
  const seen = new Map(); // conversationId → Set(seq) the visitor got
  for (const c of convs) {
    acked.set(c.conversationId, new Set());
    seen.set(c.conversationId, new Set());
  }
  const visitorFrame = (c) => (frame) => {
    if (frame.type === 'message') seen.get(c.conversationId).add(frame.message.seq);
    if (frame.type === 'messages') for (const m of frame.messages) seen.get(c.conversationId).add(m.seq);
  };
  for (const c of convs) c.onFrame = visitorFrame(c);
  for (const a of env.agents)
    a.onFrame = (frame) =>
      frame.type === 'ack' && acked.get(frame.message.conversationId)?.add(frame.message.seq);
  const body = text('Are you still there? Here is the link you asked for.');
  let k = 0;
  let writing = true;
  const writer = (async () => {
    while (writing) {
      // Users write into every conversation once per second, before, during and after the storm.
      for (const c of convs)
        c.agent.ws.send(
          JSON.stringify({ type: 'send', conversationId: c.conversationId, clientMsgId: `st${k++}`, body }),
        );
      await sleep(1000);
    }
  })();
  await sleep(1500);
  const t0 = now();
  const idleDone = idleStorm(workers, { firstDelayMs, timeoutMs });
  const resume = [];
  let gaveUp = 0;
  for (const c of convs) c.ws.terminate();
  await Promise.all(
    convs.map(async (c) => {
      await sleep(Math.random() * firstDelayMs);
      for (let attempt = 0; ; attempt += 1) {
        try {
          const ws = await openSocket(c.url, { localAddress: c.addr, onFrame: frameRouter(c) });
          c.ws = ws;
          c.onFrame = visitorFrame(c);
          const lastSeq = Math.max(0, ...seen.get(c.conversationId));
          ws.send(JSON.stringify({ type: 'subscribe', ref: 'r', conversationId: c.conversationId, lastSeq }));
          await waitFor(c, (f) => f.type === 'messages', 20_000, 'resubscribe');
          resume.push(now() - t0);
          return;
        } catch {
          if (now() - t0 > timeoutMs) {
            gaveUp += 1;
            return;
          }
          await sleep(Math.random() * Math.min(10_000, 500 * 2 ** (attempt + 1)));
        }
      }
    }),
  );
  const idle = await idleDone;
  await sleep(writeSeconds * 1000);
  writing = false;
  await writer;
  await sleep(3000);
  let missed = 0;
  let written = 0;
  for (const [id, seqs] of acked) {
    written += seqs.size;
    const got = seen.get(id);
    for (const s of seqs) if (!got.has(s)) missed += 1;
  }
  // p95 over all clients: merge the workers' percentiles conservatively (max of p95s vs ours).
  const activeP95 = percentileOf(resume, 95);
  return {
    dropped: convs.length + idle.dropped,
    reconnected: resume.length + idle.reconnected,
    gaveUp: gaveUp + idle.gaveUp,
    p95: Math.max(idle.p95, activeP95),
    idle,
    activeP95,
    written,
    missed,
  };
}

function percentileOf(values, p) {
  const s = Float64Array.from(values).sort();
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
}

export async function closeEnv(env) {
  for (const c of env.convs) c.ws?.terminate();
  for (const a of env.agents) a.ws?.terminate();
}
