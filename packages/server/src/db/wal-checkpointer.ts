import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * SQLite copies its write-ahead log back into the database file (a checkpoint) inside the COMMIT
 * that crosses `wal_autocheckpoint` pages: on the event loop, with two fsyncs. Under a steady
 * message load that was about eight checkpoints a second of 8–20 ms each, a third of the main
 * thread's time per message and the longest stalls after garbage collection (issue 25). Here a
 * worker thread with its own connection checkpoints instead, PASSIVE (it never waits for, nor
 * blocks, the writer), every `intervalMs`; pages written many times between two checkpoints are
 * copied once.
 *
 * The main connection keeps a far larger automatic checkpoint as a backstop, for when this worker
 * lags or has died: under constant writes a passive checkpoint never finds the log fully copied
 * at the start of a write, so the log restarts only when the backstop's small catch-up runs.
 */
export const BACKSTOP_CHECKPOINT_PAGES = 10_000;

export type WalCheckpointer = { stop(): Promise<void> };

// Plain JavaScript, evaluated in the worker: the same code runs from the sources and the bundle.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message ? error.message : error) });
  }
}, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/**
 * Starts checkpointing `file` (already in WAL mode) from a worker thread. A failure is reported
 * once, as a process warning: the backstop keeps the log bounded meanwhile.
 */
export function startWalCheckpointer(
  file: string,
  options: { intervalMs?: number; onError?: (message: string) => void } = {},
): WalCheckpointer {
  let reported = false;
  const onError =
    options.onError ??
    ((message: string) => {
      if (reported) return;
      reported = true;
      process.emitWarning(`SQLite checkpoints on the worker thread failed: ${message}`);
    });
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { file, driver, intervalMs: options.intervalMs ?? 250 },
  });
  worker.on('message', (message: { error?: string }) => {
    if (message.error) onError(message.error);
  });
  worker.on('error', (error) => onError(error.message));
  // The backstop checkpoints if the worker is gone; a stopped process need not wait for it.
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    async stop() {
      worker.postMessage('stop');
      await exited;
    },
  };
}
