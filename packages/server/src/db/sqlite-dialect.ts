import {
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  type QueryCompiler,
} from 'kysely';
import type SQLite from 'better-sqlite3';

/** What the dialect needs of better-sqlite3: a database, or database.ts's statement cache over one. */
export type SqliteStatements = { close(): void; prepare(sql: string): SQLite.Statement };

/**
 * A lock that hands itself to the longest waiter: `unlock` wakes exactly one. Kysely's SQLite
 * driver guards its one connection with a lock whose waiters all await the same promise, so each
 * release wakes every waiter and all but one go back to sleep: with W queries queued, each release
 * costs W promise resumptions. Under load (a group commit holding the connection while reads
 * arrive) that made queueing quadratic: an allocation profile at 1,000 msg/s on a busy machine put
 * 30 % of the server's allocations in that lock (issue 25).
 */
export class FairLock {
  private held = false;
  private readonly waiting: (() => void)[] = [];

  /** Resolves when the caller holds the lock, in the order the callers asked. */
  lock(): Promise<void> {
    if (!this.held) {
      this.held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Passes the lock to the longest waiter, or frees it. */
  unlock(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.held = false;
  }
}

/**
 * Kysely's SQLite driver with its connection handed out by a `FairLock`: by the time the inner
 * driver's own lock is asked, nobody else holds or waits for it, so it never wakes a crowd.
 */
class FairSqliteDriver implements Driver {
  constructor(
    private readonly inner: SqliteDriver,
    private readonly turns: FairLock,
  ) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.turns.lock();
    try {
      return await this.inner.acquireConnection();
    } catch (error) {
      this.turns.unlock();
      throw error;
    }
  }

  async releaseConnection(): Promise<void> {
    try {
      await this.inner.releaseConnection();
    } finally {
      this.turns.unlock();
    }
  }

  /** SQLite has no isolation levels or access modes to set: Kysely's driver takes none. */
  beginTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.beginTransaction(connection);
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.commitTransaction(connection);
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.rollbackTransaction(connection);
  }

  savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    return this.inner.savepoint(connection, name, compile);
  }

  rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    return this.inner.rollbackToSavepoint(connection, name, compile);
  }

  releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    return this.inner.releaseSavepoint(connection, name, compile);
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

/**
 * Runs an already compiled statement on the one connection without Kysely's executor: about 30
 * promises a query there (connection provider, driver, result transform), 2 here (issue 25). Inside
 * a transaction the connection is the transaction's already; outside, the statement waits its turn
 * in the same fair line as Kysely's queries.
 */
export class DirectSqlite {
  /** Each statement's column names, read once (better-sqlite3 makes new descriptors per call). */
  private readonly columns = new WeakMap<SQLite.Statement, string[]>();

  constructor(
    private readonly database: SqliteStatements,
    private readonly turns: FairLock,
  ) {}

  /** The rows a reading statement returns (none for a write without RETURNING). */
  async run<R>(inTransaction: boolean, sql: string, parameters: readonly unknown[]): Promise<R[]> {
    if (inTransaction) return this.execute<R>(sql, parameters);
    await this.turns.lock();
    try {
      return this.execute<R>(sql, parameters);
    } finally {
      this.turns.unlock();
    }
  }

  private execute<R>(sql: string, parameters: readonly unknown[]): R[] {
    const statement = this.database.prepare(sql);
    if (statement.reader) return this.rows<R>(statement, parameters);
    statement.run(parameters);
    return [];
  }

  /**
   * The rows as objects, built here from arrays: better-sqlite3 sets each column of an object row
   * through V8's API, which for a conversation's 31 columns took 23 µs a row in the loaded server
   * against 8 µs for the arrays (issue 25). Same objects: keys in column order, a repeated name
   * keeps its last value. The statement is shared, so it is raw only for this call.
   */
  private rows<R>(statement: SQLite.Statement, parameters: readonly unknown[]): R[] {
    let values: unknown[][];
    statement.raw(true);
    try {
      values = statement.all(parameters) as unknown[][];
    } finally {
      statement.raw(false);
    }
    let names = this.columns.get(statement);
    // A schema change re-prepares the statement underneath: `select *` may have new columns.
    if (names === undefined || (values.length > 0 && values[0]?.length !== names.length)) {
      names = statement.columns().map((column) => column.name);
      this.columns.set(statement, names);
    }
    const rows = new Array<R>(values.length);
    for (let i = 0; i < values.length; i++) {
      const row: Record<string, unknown> = {};
      const value = values[i] as unknown[];
      for (let c = 0; c < names.length; c++) row[names[c] as string] = value[c];
      rows[i] = row as R;
    }
    return rows;
  }
}

/** SQLite's adapter, carrying the way around Kysely's executor for compiled statements. */
class DirectSqliteAdapter extends SqliteAdapter {
  constructor(readonly direct: DirectSqlite) {
    super();
  }
}

/** The direct runner of a database or transaction opened by `FairSqliteDialect` with `direct`; else null. */
export function directSqliteOf(db: { getExecutor(): { adapter: DialectAdapter } }): DirectSqlite | null {
  const { adapter } = db.getExecutor();
  return adapter instanceof DirectSqliteAdapter ? adapter.direct : null;
}

/**
 * SQLite as Kysely speaks it, with queries queued for the one connection in a fair line.
 * `direct: true` also lets compiled statements skip Kysely's executor (db/compiled-query.ts); off
 * where every query must pass through Kysely (its query log feeds tracing).
 */
export class FairSqliteDialect extends SqliteDialect {
  private readonly turns = new FairLock();
  private readonly direct: DirectSqlite | null;

  private readonly database: SqliteStatements;

  constructor(config: { database: SqliteStatements; direct?: boolean }) {
    super({ database: config.database });
    this.database = config.database;
    this.direct = config.direct ? new DirectSqlite(config.database, this.turns) : null;
  }

  override createDriver(): Driver {
    return new FairSqliteDriver(new SqliteDriver({ database: this.database }), this.turns);
  }

  override createAdapter(): DialectAdapter {
    return this.direct ? new DirectSqliteAdapter(this.direct) : super.createAdapter();
  }
}
