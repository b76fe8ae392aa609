import { sql, type Expression, type SqlBool } from 'kysely';

/**
 * The SQL side of scope: `column` lies in one of the subtrees given by code prefixes (from
 * Access.prefixes). No prefixes means nothing matches. Uses the text_pattern_ops indexes.
 * `countyColumn`, for a table distributed by county (src/db/distribution.ts), adds the county of
 * each prefix of a county or below, so that on Citus the query goes to that county's shard only
 * (the result is the same: the county is the first six digits of the unit code).
 */
export function withinSubtrees(column: string, prefixes: readonly string[], options: { countyColumn?: string } = {}): Expression<SqlBool> {
  if (prefixes.length === 0) return sql<SqlBool>`false`;
  if (prefixes.includes('')) return sql<SqlBool>`true`;
  const conditions = prefixes.map((prefix) => {
    const like = sql`${sql.ref(column)} LIKE ${`${escapeLike(prefix)}%`}`;
    return options.countyColumn && prefix.length >= COUNTY_DIGITS ? sql`(${sql.ref(options.countyColumn)} = ${prefix.slice(0, COUNTY_DIGITS)} AND ${like})` : like;
  });
  return sql<SqlBool>`(${sql.join(conditions, sql` OR `)})`;
}

const COUNTY_DIGITS = 6;

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
