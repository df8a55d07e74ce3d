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
