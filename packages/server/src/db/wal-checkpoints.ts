import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';

/** How often the worker copies the write-ahead log back into the database file. */
const EVERY_MS = 250;
/** SQLite's own checkpoint, after the commit that takes the log past this many pages (its default). */
const INLINE_PAGES = 1_000;
/** The same, while the worker checkpoints: a backstop should it fall behind (40 MB of log). */
const BACKSTOP_PAGES = 10_000;

/**
 * The worker: its own connection to the file, a PASSIVE checkpoint (it never blocks the writer)
 * every `everyMs`, closed when asked. Plain CommonJS, run with `eval` (the server is one bundle).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
const checkpoint = () => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy: the next one tries again */ }
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.postMessage('ready');
parentPort.on('message', () => { clearInterval(timer); db.close(); parentPort.close(); });
`;

export type Checkpointer = { stop(): Promise<void> };

/**
 * Checkpoints a SQLite database in WAL mode from a worker thread (issue 25). SQLite checkpoints
 * inside the COMMIT that takes the log past 1,000 pages, on the event loop: at 2,000 chat messages
 * a second that stalled every socket several times a second and was the largest share of p99.
 * The worker copies the log with its own connection instead; the event loop's connection keeps
 * its checkpoint only as a backstop, and takes its usual one back if the worker stops.
 */
export function startCheckpointer(sqlite: SQLite.Database, file: string): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file, everyMs: EVERY_MS } });
  worker.unref();
  let stopping = false;
  worker.on('message', (message) => {
    if (message === 'ready' && !stopping) sqlite.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  });
  const inline = () => {
    if (!stopping && sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${INLINE_PAGES}`);
  };
  worker.on('error', inline);
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  void exited.then(inline);
  return {
    async stop() {
      stopping = true;
      worker.postMessage('stop');
      await exited;
    },
  };
}
