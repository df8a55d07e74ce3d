/**
 * Accent and case folding shared by the search index and the queries, so "garcia" finds
 * "García" on both databases: SQLite's FTS5 tokenizer (`remove_diacritics 2`) and PostgreSQL's
 * `charla_fold()` fold the stored text the same way this folds the query.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

const MAX_TOKENS = 8;
const MAX_TOKEN_CHARS = 64;

/** The words of a query, folded: letters and digits only (safe in any full-text query syntax). */
export function queryTokens(query: string): string[] {
  return foldText(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0)
    .slice(0, MAX_TOKENS)
    .map((t) => t.slice(0, MAX_TOKEN_CHARS));
}

/** A folded word `word` matches query `token` (the last query word matches as a prefix). */
export function wordMatches(word: string, token: string, prefix: boolean): boolean {
  return prefix ? word.startsWith(token) : word === token;
}
