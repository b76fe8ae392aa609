import { sql, type Expression, type SqlBool } from 'kysely';

/**
 * The SQL side of scope: `column` lies in one of the subtrees given by code prefixes (from
 * Access.prefixes). No prefixes means nothing matches. Uses the text_pattern_ops indexes.
 */
export function withinSubtrees(column: string, prefixes: readonly string[]): Expression<SqlBool> {
  if (prefixes.length === 0) return sql<SqlBool>`false`;
  if (prefixes.includes('')) return sql<SqlBool>`true`;
  const conditions = prefixes.map((prefix) => sql`${sql.ref(column)} LIKE ${`${escapeLike(prefix)}%`}`);
  return sql<SqlBool>`(${sql.join(conditions, sql` OR `)})`;
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
