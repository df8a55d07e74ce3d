// `node bench/message-cost.mjs [--storage=sqlite|postgres] [--rate=300] [--seconds=15] [--users=20]
// [--active=100] [--idle=0] [--no-reads]` (after `npm run build -w @charla/server`): what one persisted
// message costs the server (issue 25 item 4), at a fixed rate well below saturation so the figure
// is work, not queueing. Half the messages go visitor → user and half user → visitor, and each
// receiver reports a read of every message it gets, as an open widget and an open inbox do
// (`--no-reads` leaves the receipts out). Prints the server's CPU per message (process CPU time
// over the step from /api/v1/admin/metrics, divided by the messages sent), the frames the clients
// got per message, the database statements per message (BEGIN/COMMIT included: on PostgreSQL the
// round trips), on SQLite the kilobytes the server wrote to disk per message, latency, and
// lost/unacked counts. `--idle=N` connects N idle visitors first (as the delivery scenario does):
// what they cost each message (heartbeats, memory) shows in the latency.
// `--profile=FILE` writes a CPU profile of the server over the measured step only
// (`node bench/lib/profile-top.mjs FILE` prints its heaviest functions). BENCH_SERVER_MAIN=<other checkout>/packages/
// server/dist/main.js measures another build in the same conditions. BENCH_STEP_SIGNAL=SIGUSR2 sends that
// signal to the server right before and after the measured step, for a preload of your own in
// BENCH_SERVER_NODE_ARGS (a statement counter) to count the step alone.
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { closeEnv, runRate, setupCharla } from './lib/driver.mjs';
import { INSPECTOR_PORT, startStepProfile } from './lib/step-profile.mjs';
import { connectIdle, forkIdleWorker } from './lib/workers.mjs';
import {
  ADMIN,
  SERVER_MAIN,
  activePlaybook,
  freshDatabase,
  login,
  metrics,
  round,
  serverNodeArgs,
  startServer,
} from './lib/util.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const found = args.find((a) => a.startsWith(`--${name}=`));
  return found ? found.slice(name.length + 3) : fallback;
};
const storage = option('storage', 'sqlite');
const rate = Number(option('rate', '300'));
const seconds = Number(option('seconds', '15'));
const users = Number(option('users', '20'));
const active = Number(option('active', '100'));
const idle = Number(option('idle', '0'));
const profileFile = option('profile', null);
const reads = !args.includes('--no-reads');
// A preload's cue (BENCH_STEP_SIGNAL=SIGUSR2 with a statement tracer in BENCH_SERVER_NODE_ARGS): sent to
// the server right before and right after the measured step, so what it counts between is the step's.
const STEP_SIGNAL = process.env.BENCH_STEP_SIGNAL;
const log = (line) => process.stderr.write(`${line}\n`);

/**
 * Bytes a process has sent to storage so far (`write_bytes` of /proc/<pid>/io: on SQLite the WAL
 * frames its commits append and the pages its checkpoints copy), or null where /proc has no such
 * file. Far steadier than CPU time on a shared machine, so a change to what a message writes shows
 * in one run.
 */
function storageWrites(pid) {
  try {
    const line = readFileSync(`/proc/${pid}/io`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('write_bytes:'));
    return line ? Number(line.slice('write_bytes:'.length)) : null;
  } catch {
    return null;
  }
}

/** One measured step at a fixed rate; what `main` prints and the bench suite's `cost` scenario reports. */
export async function measureMessageCost({
  storage: onStorage = storage,
  rate: atRate = rate,
  seconds: forSeconds = seconds,
  users: withUsers = users,
  active: withActive = active,
  reads: withReads = reads,
  idle: withIdle = idle,
  profile = profileFile,
  port = 39400,
} = {}) {
  const tmpDir = mkdtempSync(path.join(os.tmpdir(), 'charla-message-cost-'));
  const db = freshDatabase(onStorage, tmpDir);
  const inspect = profile ? [`--inspect=127.0.0.1:${INSPECTOR_PORT}`] : [];
  const server = await startServer({
    databaseUrl: db.url,
    port,
    nodeArgs: [...serverNodeArgs(), ...inspect],
  });
  const workers = withIdle > 0 ? [forkIdleWorker(), forkIdleWorker()] : [];
  try {
    if (withIdle > 0) await connectIdle(workers, server.url, withIdle);
    const admin = await login(server.url, ADMIN.email, ADMIN.password);
    const publicId = await activePlaybook(server.url, admin);
    const env = await setupCharla(server.url, admin, publicId, { users: withUsers, active: withActive });
    env.metrics = (reset) => metrics(server.url, admin, reset);
    log(
      `${SERVER_MAIN}: ${onStorage}, ${withUsers} users, ${withActive} assigned conversations, ${withIdle} idle visitors, reads ${withReads ? 'on' : 'off'}`,
    );
    // Warm-up (JIT, statement caches), not reported.
    await runRate(env, atRate, 4, { reads: withReads });
    const profiling = profile ? await startStepProfile() : null;
    if (STEP_SIGNAL) server.proc.kill(STEP_SIGNAL);
    const writtenBefore = storageWrites(server.proc.pid);
    const step = await runRate(env, atRate, forSeconds, { admin, reads: withReads });
    const writtenAfter = storageWrites(server.proc.pid);
    if (STEP_SIGNAL) server.proc.kill(STEP_SIGNAL);
    await profiling?.stop(profile);
    const cpuSeconds = (step.serverCpu ?? Number.NaN) * step.sendSeconds;
    await closeEnv(env);
    return {
      server: SERVER_MAIN,
      storage: onStorage,
      rate: atRate,
      seconds: forSeconds,
      reads: withReads,
      idleVisitors: withIdle,
      sent: step.sent,
      serverCpuPercent: round((step.serverCpu ?? Number.NaN) * 100, 1),
      cpuMsPerMessage: round((cpuSeconds * 1000) / step.sent, 3),
      framesPerMessage: round(step.framesIn / step.sent, 2),
      statementsPerMessage: step.dbStatements === undefined ? null : round(step.dbStatements / step.sent, 2),
      commitsPerMessage: step.dbCommits === undefined ? null : round(step.dbCommits / step.sent, 2),
      // On PostgreSQL the database server writes, not this process: no figure there.
      diskKbPerMessage:
        onStorage === 'sqlite' && writtenBefore !== null && writtenAfter !== null
          ? round((writtenAfter - writtenBefore) / 1024 / step.sent, 2)
          : null,
      latencyP50: round(step.all.p50),
      latencyP99: round(step.all.p99),
      latencyP999: round(step.all.p999),
      serverLoopP99: step.serverLoopP99 ?? null,
      serverLoopMax: step.serverLoopMax ?? null,
      lost: step.lost,
      undelivered: step.undelivered,
      unacked: step.unacked,
      errors: step.errors,
      loadAverage: os.loadavg().map((x) => round(x, 1)),
    };
  } finally {
    await Promise.all(workers.map((w) => w.close()));
    await server.stop();
    db.cleanup();
  }
}

// Run as a script (not when the bench suite imports it).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  measureMessageCost().then(
    (result) => console.log(JSON.stringify(result, null, 2)),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
