// Two server processes + Redis: the cross-process hop, and a 5 s Redis restart mid-run.
// Uses a private redis-server on its own port (same flags as the machine's) so restarting it
// cannot disturb anything else using the shared Redis on 6379.
import { spawn, execFileSync } from 'node:child_process';
import {
  ADMIN,
  activePlaybook,
  freshDatabase,
  login,
  metrics,
  requestOk,
  round,
  sleep,
  startServer,
} from '../lib/util.mjs';
import { closeEnv, runRate, setupCharla } from '../lib/driver.mjs';

const REDIS_PORT = 6391;

function redisUp(tmpDir) {
  const proc = spawn(
    'redis-server',
    [
      '--bind',
      '127.0.0.1',
      '--port',
      String(REDIS_PORT),
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      tmpDir,
    ],
    { stdio: 'ignore' },
  );
  return proc;
}

async function waitRedis() {
  for (let i = 0; i < 100; i += 1) {
    try {
      if (
        execFileSync('redis-cli', ['-p', String(REDIS_PORT), 'ping'], { stdio: 'pipe' })
          .toString()
          .trim() === 'PONG'
      )
        return;
    } catch {
      /* starting */
    }
    await sleep(50);
  }
  throw new Error('private redis-server did not start');
}

export async function redisScenario(ctx) {
  const { plan, log, tmpDir, nextPort } = ctx;
  const figures = [];
  const db = freshDatabase('postgres', tmpDir);
  let redis = redisUp(tmpDir);
  await waitRedis();
  const redisUrl = `redis://127.0.0.1:${REDIS_PORT}`;
  const a = await startServer({ databaseUrl: db.url, port: nextPort(), redisUrl, nodeName: 'bench-a' });
  const b = await startServer({ databaseUrl: db.url, port: nextPort(), redisUrl, nodeName: 'bench-b' });
  const users = Math.min(plan.users, 50);
  const active = Math.min(plan.active, 200);
  const rate = 100;
  try {
    const admin = await login(a.url, ADMIN.email, ADMIN.password);
    const publicId = await activePlaybook(a.url, admin);
    // Users on process A; even conversations' visitors on A (same process), odd ones on B (one Redis hop).
    const env = await setupCharla(a.url, admin, publicId, {
      users,
      active,
      visitorBase: (i) => (i % 2 === 0 ? a.url : b.url),
      groupOf: (i) => (i % 2 === 0 ? 'same' : 'cross'),
    });
    env.metrics = (reset) => metrics(a.url, admin, reset);
    await runRate(env, rate, 3);
    const s = await runRate(env, rate, plan.stepSeconds);
    const same = s.groups.same;
    const cross = s.groups.cross;
    log(
      `  two processes @${rate}/s: same-process p50 ${round(same.p50)} p99 ${round(same.p99)}; cross-process p50 ${round(cross.p50)} p99 ${round(cross.p99)} ms; lost ${s.lost}, undelivered ${s.undelivered}`,
    );
    const cond = `PostgreSQL + Redis pub/sub, two server processes; ${users} users on A; ${active} assigned conversations, half with the visitor on A, half on B; ${rate} msg/s both ways for ${plan.stepSeconds} s`;
    figures.push({ name: 'redis.same_process_p50', value: round(same.p50), unit: 'ms', conditions: cond });
    figures.push({ name: 'redis.cross_process_p50', value: round(cross.p50), unit: 'ms', conditions: cond });
    figures.push({
      name: 'redis.hop_p50',
      value: round(cross.p50 - same.p50),
      unit: 'ms',
      conditions: `${cond}; cross-process p50 − same-process p50`,
      target: '≤ 2 ms',
      ok: cross.p50 - same.p50 <= 2,
    });
    figures.push({
      name: 'redis.hop_p99',
      value: round(cross.p99 - same.p99),
      unit: 'ms',
      conditions: `${cond}; cross-process p99 − same-process p99 (same ${round(same.p99)} ms, cross ${round(cross.p99)} ms)`,
      target: '≤ 10 ms',
      ok: cross.p99 - same.p99 <= 10,
    });

    // Redis down for 5 s in the middle of a 20 s run.
    const restartRate = rate;
    const during = {};
    during.done = (async () => {
      await sleep(6000);
      execFileSync('redis-cli', ['-p', String(REDIS_PORT), 'shutdown', 'nosave'], { stdio: 'ignore' });
      await sleep(5000);
      redis = redisUp(tmpDir);
      await waitRedis();
    })();
    const r = await runRate(env, restartRate, 20, { during, drainMs: 10_000 });
    // Were the messages missed live at least stored (so a resync finds them)?
    let stored = 0;
    for (const l of r.undeliveredList) {
      const page = await requestOk(
        a.url,
        'GET',
        `/api/v1/conversations/${l.conv.conversationId}/messages?afterSeq=0&limit=500`,
        { cookie: l.conv.agent.cookie, origin: a.url },
      );
      if ((page.body.items ?? []).some((m) => m.clientMsgId === l.clientMsgId)) stored += 1;
    }
    log(
      `  redis restart: sent ${r.sent}, never delivered (live or by replay) ${r.undelivered} (${stored} of them stored, ${r.unacked} unacked), errors ${JSON.stringify(r.errors)}`,
    );
    const cond2 = `PostgreSQL + Redis, two server processes, ${restartRate} msg/s for 20 s, Redis shut down (nosave) at 6 s and restarted 5 s later; private redis-server on port ${REDIS_PORT}`;
    figures.push({
      name: 'redis.restart_lost',
      value: r.undelivered,
      unit: 'messages',
      conditions: `${cond2}; sent ${r.sent}; not received by the other side (live, or replayed from the database when the bus returned) within 10 s after the run`,
      target: '0',
      ok: r.undelivered === 0,
    });
    figures.push({
      name: 'redis.restart_lost_from_storage',
      value: r.undelivered - stored,
      unit: 'messages',
      conditions: `${cond2}; of those, not in the database either (a reconnecting client's resync would not find them)`,
      target: '0',
      ok: r.undelivered - stored === 0,
    });
    await closeEnv(env);
  } finally {
    await a.stop();
    await b.stop();
    try {
      execFileSync('redis-cli', ['-p', String(REDIS_PORT), 'shutdown', 'nosave'], { stdio: 'ignore' });
    } catch {
      redis.kill('SIGKILL');
    }
    db.cleanup();
  }
  return { figures };
}
