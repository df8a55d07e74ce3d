import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';

/** SQLite's own default: checkpoint once the WAL holds this many pages. */
const SQLITE_AUTO_CHECKPOINT_PAGES = 1000;
/** The WAL file is cut back to this size when it restarts after a checkpoint. */
const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;
const STOP_TIMEOUT_MS = 5000;

/**
 * The worker's code: its own connection to the same file, a PASSIVE checkpoint every interval
 * (it copies what the WAL holds into the database file without waiting for or blocking anyone),
 * and on "stop" it closes its connection and exits. Plain JavaScript in a string, so it runs the
 * same from the sources under test and from the bundle.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const SQLite = require(workerData.driver);
const db = new SQLite(workerData.file, { fileMustExist: true });
db.pragma('synchronous = NORMAL');
const timer = setInterval(() => db.pragma('wal_checkpoint(PASSIVE)'), workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export type WalCheckpointer = { stop(): Promise<void> };

/**
 * WAL checkpoints off the event loop (issue 25). SQLite checkpoints inside the COMMIT that takes
 * the WAL past 1,000 pages: at 500 chat messages a second that was one commit in a hundred taking
 * 4-12 ms instead of 0.06, on the thread every socket waits for, and the bench's p99 latency
 * doubled (61-85 ms against 22 ms with them elsewhere). Here the connection that writes no longer
 * checkpoints; a worker thread with its own connection does, every `intervalMs`. Should the worker
 * fail, the connection goes back to checkpointing itself.
 */
export function startWalCheckpointer(
  sqlite: SQLite.Database,
  file: string,
  intervalMs = 200,
): WalCheckpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file, intervalMs } });
  sqlite.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
  sqlite.pragma('wal_autocheckpoint = 0');
  let stopping = false;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.on('error', (error) => {
    process.emitWarning(`SQLite checkpoints are back on the main thread: ${String(error)}`);
  });
  worker.once('exit', () => {
    if (!stopping && sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${SQLITE_AUTO_CHECKPOINT_PAGES}`);
  });
  // A process with nothing else to do may exit: the last connection to close checkpoints anyway.
  worker.unref();
  return {
    async stop() {
      stopping = true;
      worker.postMessage('stop');
      const timeout = setTimeout(() => void worker.terminate(), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timeout);
    },
  };
}
