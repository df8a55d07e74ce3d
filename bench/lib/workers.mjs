// Forks idle-visitor holder processes and talks to them over IPC.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const WORKER = fileURLToPath(new URL('./idle-worker.mjs', import.meta.url));

// One exit listener for every worker still running (one each tripped Node's leak warning after ten).
const running = new Set();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export function forkIdleWorker() {
  const child = fork(WORKER, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const pending = new Map();
  let seq = 0;
  child.on('message', (m) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.error) p.reject(new Error(m.error));
    else p.resolve(m.result);
  });
  running.add(child);
  child.on('exit', () => {
    running.delete(child);
    for (const p of pending.values()) p.reject(new Error('idle worker exited'));
    pending.clear();
  });
  return {
    call(cmd, args = {}) {
      const id = ++seq;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        child.send({ id, cmd, ...args });
      });
    },
    async close() {
      if (child.exitCode !== null) return;
      await this.call('close').catch(() => undefined);
      child.kill('SIGKILL');
    },
  };
}

/** Spreads `count` idle visitors over `workers` (each on its own range of source addresses). */
export async function connectIdle(workers, url, count, { concurrency = 64, addrBase = 1000 } = {}) {
  const per = Math.ceil(count / workers.length);
  const results = await Promise.all(
    workers.map((w, i) =>
      w.call('connect', {
        url,
        count: Math.max(0, Math.min(per, count - i * per)),
        addrOffset: addrBase + i * 200,
        addrCount: 200,
        concurrency,
      }),
    ),
  );
  return results.reduce(
    (a, r) => ({
      ok: a.ok + r.ok,
      failed: a.failed + r.failed,
      refused: a.refused + r.refused,
      ms: Math.max(a.ms, r.ms),
      open: a.open + r.open,
    }),
    { ok: 0, failed: 0, refused: 0, ms: 0, open: 0 },
  );
}
