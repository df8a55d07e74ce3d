/**
 * PostgreSQL parses, analyses and plans every statement sent without a name, at every execution.
 * For the few statements each chat message runs (compiled queries, `compiled-query.ts`) that was
 * about a fifth of the database server's CPU per message (issue 25): they are sent as named
 * prepared statements instead, parsed once per connection (node-postgres remembers which of its
 * connections prepared which name) and planned from a cached plan after that.
 *
 * Only texts registered here get a name: a connection keeps each prepared statement until it
 * closes, so the set must stay small and fixed (the compiled queries' shapes), never one name per
 * ad-hoc text (an `in (?, ?, …)` list of every length).
 */
const names = new Map<string, string>();

/** Names `sql` for PostgreSQL: from now on it is sent as a prepared statement. */
export function prepareOnPostgres(sql: string): void {
  if (!names.has(sql)) names.set(sql, `charla_${names.size + 1}`);
}

/** The prepared statement name of `sql`, if it was registered. */
export function preparedName(sql: string): string | undefined {
  return names.get(sql);
}

type Query = (...args: unknown[]) => Promise<unknown>;

/** PostgreSQL's "cached plan must not change result type": the statement's table changed shape. */
const STALE_PLAN = '0A000';

/**
 * One pool connection's prepared statements. When another process changes a table this connection
 * prepared a statement on (a migration adding a column during a rolling upgrade), PostgreSQL
 * refuses that prepared `select *` for good: the connection then prepares every statement again
 * under new names (`charla_3_1`), and sends the refused query again unless a transaction is open
 * (the refusal aborted it: that change fails once, as any failed statement does).
 */
export function preparedStatementsOf(query: Query) {
  let generation = 0;
  let inTransaction = false;
  const named = (name: string) => (generation === 0 ? name : `${name}_${generation}`);

  return {
    /** Follows the connection's transactions, from the text of every statement it sends. */
    saw(text: string): void {
      if (text === 'begin') inTransaction = true;
      else if (text === 'commit' || text === 'rollback') inTransaction = false;
    },
    async run(name: string, text: string, values: unknown): Promise<unknown> {
      try {
        return await query({ name: named(name), text, values });
      } catch (error) {
        if ((error as { code?: unknown }).code !== STALE_PLAN) throw error;
        generation += 1;
        if (inTransaction) throw error;
        return query({ name: named(name), text, values });
      }
    },
  };
}
