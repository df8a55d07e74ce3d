/**
 * Full-text queries built from folded tokens (see `queryTokens`): every word must match, the
 * last one as a prefix so results follow typing. Tokens hold only letters and digits, so the
 * quoting below cannot be escaped from.
 */
export function toSqliteMatch(tokens: readonly string[]): string {
  return tokens.map((t, i) => (i === tokens.length - 1 ? `"${t}"*` : `"${t}"`)).join(' ');
}

/** The same query in PostgreSQL's `to_tsquery` syntax. */
export function toPostgresTsQuery(tokens: readonly string[]): string {
  return tokens.map((t, i) => (i === tokens.length - 1 ? `${t}:*` : t)).join(' & ');
}
