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

/**
 * Queries whose words are groups of tokens: the tokens of one typed word (an email, a domain,
 * "o'brien") must follow each other (a phrase), the groups may be anywhere; the last token is a
 * prefix. So "ana@example.com" finds that address, not a record holding "ana" and "example"
 * apart.
 */
export function toSqlitePhrases(groups: readonly string[][]): string {
  const last = groups.length - 1;
  return groups.map((g, i) => g.map((t) => `"${t}"`).join(' + ') + (i === last ? '*' : '')).join(' ');
}

/** The same phrases in PostgreSQL's `to_tsquery` syntax (`<->`: the next position). */
export function toPostgresPhrases(groups: readonly string[][]): string {
  const last = groups.length - 1;
  return groups
    .map((g, i) => {
      const phrase = g.map((t, j) => (i === last && j === g.length - 1 ? `${t}:*` : t)).join(' <-> ');
      return g.length > 1 ? `(${phrase})` : phrase;
    })
    .join(' & ');
}
