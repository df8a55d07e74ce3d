import { CompiledQuery, type Compilable } from 'kysely';
import { isPostgres, type Db } from './database';
import { prepareOnPostgres } from './prepared-statements';
import { directSqliteOf } from './sqlite-dialect';

/** Stands for one of the values in a query built once (see `compiledQuery`). */
class Slot {
  constructor(readonly name: string) {}
}

/** What a query's builder gets: each value named by the caller, as kysely's types expect it. */
export type Slots<V> = { readonly [K in keyof V]: V[K] };

type Shape = { sql: string; parameters: readonly unknown[] };

function slotsFor<V>(): Slots<V> {
  return new Proxy({} as Slots<V>, { get: (_, name) => new Slot(String(name)) });
}

function fill(shape: Shape, values: Record<string, unknown>): unknown[] {
  return shape.parameters.map((p) => (p instanceof Slot ? values[p.name] : p));
}

/**
 * Kysely builds a query's operation tree and compiles it to SQL every time it runs; for the few
 * statements every chat message runs, that was 6-8 % of the server's CPU samples per message
 * (issue 25). A compiled query is built once per dialect with slots where its values go, and
 * runs the same SQL again with the caller's values in the slots. `shape` names the variants a
 * builder makes from the values themselves (which columns an UPDATE sets): one SQL text each.
 *
 * The builder must put each value in through a slot (a literal it writes stays as it is): a value
 * read from `values` in the builder would be frozen into the first SQL compiled.
 */
export function compiledQuery<V extends Record<string, unknown>, R>(
  build: (db: Db, slots: Slots<V>, values: V) => Compilable<R>,
  shape: (values: V) => string = () => '',
) {
  const compiled = new Map<string, Shape>();
  const slots = slotsFor<V>();
  return async function run(db: Db, values: V): Promise<R[]> {
    const postgres = isPostgres(db);
    const key = `${postgres ? 'pg' : 'sqlite'}:${shape(values)}`;
    let found = compiled.get(key);
    if (!found) {
      const { sql, parameters } = build(db, slots, values).compile();
      // PostgreSQL plans it once per connection (prepared-statements.ts); better-sqlite3's
      // statements are already kept by text (database.ts).
      if (postgres) prepareOnPostgres(sql);
      compiled.set(key, (found = { sql, parameters }));
    }
    const parameters = fill(found, values);
    // SQLite: straight to the statement, in turn with Kysely's queries (db/sqlite-dialect.ts).
    const direct = postgres ? null : directSqliteOf(db);
    if (direct) return direct.run<R>(db.isTransaction, found.sql, parameters);
    const result = await db.executeQuery<R>(CompiledQuery.raw(found.sql, parameters));
    return result.rows;
  };
}
