import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';

/** `needle` as a LIKE pattern matching it anywhere, with %, _ and \ taken literally. */
export function containsPattern(needle: string): string {
  return `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * True when the column contains any of the needles, case-insensitively (lower() on both sides:
 * PostgreSQL's LIKE is case-sensitive, SQLite's only for ASCII). Same SQL on both databases.
 */
export function likeAny<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  column: string,
  needles: string[],
): Expression<SqlBool> {
  return eb.or(
    needles.map(
      (n) => sql<SqlBool>`lower(${sql.ref(column)}) like ${containsPattern(n.toLowerCase())} escape '\\'`,
    ),
  );
}
