import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresAdapter, PostgresDialect, sql } from 'kysely';
import { isTracing } from '../ops/tracing';
import { preparedName, preparedStatementsOf } from './prepared-statements';
import { traceQuery } from './query-tracing';
import { FairSqliteDialect, type SqliteStatements } from './sqlite-dialect';
import type { Database } from './schema';

export type Dialect = 'sqlite' | 'postgres';

export type Db = Kysely<Database>;

/** True on PostgreSQL (also inside a transaction): where the SQL differs per database. */
export function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export type DatabaseHandle = {
  db: Db;
  dialect: Dialect;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  /** PostgreSQL only: the connection pool, for the metrics (null on SQLite, which has none). */
  pool: PoolStats | null;
  /**
   * Statements sent to the database since it opened, BEGIN and COMMIT included: on PostgreSQL
   * each is a round trip (issue 25 counts them per message in `bench/message-cost.mjs`).
   */
  statements(): number;
  /** Transactions committed since it opened (chat messages share them on SQLite: db/commit-group.ts). */
  commits(): number;
  close(): Promise<void>;
};

export type PoolStats = {
  size(): number;
  idle(): number;
  /** Queries waiting for a free connection right now. */
  waiting(): number;
  /** Called with the seconds each query waited for a connection. */
  onWait(observer: (seconds: number) => void): void;
};

/** Opens the database named by a `sqlite:` or `postgres://` URL. `schema` isolates tests on PostgreSQL. */
export async function openDatabase(
  url: string,
  options: { schema?: string; poolSize?: number } = {},
): Promise<DatabaseHandle> {
  if (url.startsWith('sqlite:')) return openSqlite(url.slice('sqlite:'.length));
  // pg is loaded only for PostgreSQL: the embedded default stays lighter.
  const { default: pg } = await import('pg');
  return openPostgres(pg, url, options);
}

function openSqlite(path: string): DatabaseHandle {
  const file = path === ':memory:' ? path : resolve(path);
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  const counter = { statements: 0, commits: 0 };
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const tracing = isTracing();
  const db = new Kysely<Database>({
    dialect: new FairSqliteDialect({ database: withStatementCache(sqlite, counter), direct: !tracing }),
    ...(tracing ? { log: traceQuery('sqlite') } : {}),
  });
  return {
    db,
    dialect: 'sqlite',
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    pool: null,
    statements: () => counter.statements,
    commits: () => counter.commits,
    close: () => db.destroy(),
  };
}

/**
 * Kysely prepares every statement again; compiling SQL cost about 13 % of the CPU per chat
 * message in profiles. better-sqlite3 statements are reusable, so keep them by text. Kysely asks
 * for a statement once per execution: `counter` counts them. Past `max` texts one goes, by second
 * chance: a hit only marks its entry used (an LRU's delete and set on every statement rebuilt the
 * Map's table every few hundred statements, garbage for the old generation: issue 25), and the
 * oldest entry not used since it was last passed over goes.
 */
export function withStatementCache(
  sqlite: SQLite.Database,
  counter: StatementCounter,
  max = 500,
): SqliteStatements {
  const cache = new Map<string, { statement: SQLite.Statement; used: boolean }>();
  function evictOne(): void {
    for (const [sql, entry] of cache) {
      cache.delete(sql);
      if (!entry.used) return;
      // Used since it was last passed over: to the back of the line, unmarked.
      entry.used = false;
      cache.set(sql, entry);
    }
  }
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      countStatement(counter, sql);
      let entry = cache.get(sql);
      if (entry === undefined) {
        if (cache.size >= max) evictOne();
        entry = { statement: sqlite.prepare(sql), used: false };
        cache.set(sql, entry);
      } else entry.used = true;
      return entry.statement;
    },
  };
}

function openPostgres(
  pg: typeof import('pg').default,
  url: string,
  options: { schema?: string; poolSize?: number },
): DatabaseHandle {
  // int8 (epoch milliseconds) arrives as a string by default; every such value fits a JS number.
  pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10));
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 5000,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // A dropped connection must not crash the process; the next query reports the failure.
  pool.on('error', () => undefined);
  // The pool listens for errors only on idle connections. A connection killed while it runs a
  // query (a database restart, pg_terminate_backend) emits 'error' with nobody listening, which
  // would crash the process; the query itself already rejects with the failure.
  const guarded = new WeakSet<import('pg').PoolClient>();
  const observers: ((seconds: number) => void)[] = [];
  const counter = { statements: 0, commits: 0 };
  // Times how long each query waits for a connection: the first sign of an undersized pool.
  const timedPool = {
    connect: async () => {
      const started = performance.now();
      const client = await pool.connect();
      if (!guarded.has(client)) {
        guarded.add(client);
        client.on('error', () => undefined);
        instrumentQueries(client, counter);
      }
      const seconds = (performance.now() - started) / 1000;
      for (const observe of observers) observe(seconds);
      return client;
    },
    end: () => pool.end(),
  };
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: timedPool }),
    ...(isTracing() ? { log: traceQuery('postgresql') } : {}),
  });
  return {
    db,
    dialect: 'postgres',
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    pool: {
      size: () => pool.totalCount,
      idle: () => pool.idleCount,
      waiting: () => pool.waitingCount,
      onWait: (observer) => void observers.push(observer),
    },
    statements: () => counter.statements,
    commits: () => counter.commits,
    close: () => db.destroy(),
  };
}

/**
 * Counts every query the client sends (Kysely sends one per statement, BEGIN included), and sends
 * the registered ones as named prepared statements (`prepared-statements.ts`).
 */
function instrumentQueries(client: import('pg').PoolClient, counter: StatementCounter): void {
  const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
  const prepared = preparedStatementsOf(query);
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const [text, values] = args;
    countStatement(counter, typeof text === 'string' ? text : '');
    if (typeof text !== 'string') return query(...args);
    prepared.saw(text);
    const name = args.length === 2 ? preparedName(text) : undefined;
    return name ? prepared.run(name, text, values) : query(...args);
  };
}

type StatementCounter = { statements: number; commits: number };

function countStatement(counter: StatementCounter, sql: string): void {
  counter.statements += 1;
  if (sql === 'commit') counter.commits += 1;
}
