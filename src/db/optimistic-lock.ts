import type { ExpressionBuilder, Kysely, Selectable, Updateable } from 'kysely';
import type { Executor } from './database.ts';
import type { DatabaseSchema } from './schema.ts';

/** The tables whose rows carry a `version` for optimistic locking. */
export type VersionedTable = {
  [T in keyof DatabaseSchema]: DatabaseSchema[T] extends { version: unknown } ? T : never;
}[keyof DatabaseSchema];

type Match<T extends VersionedTable> = Partial<Selectable<DatabaseSchema[T]>>;

/** The same database seen without table types: the typed signatures below keep callers honest. */
type LooseRow = Record<string, unknown> & { version: number };
type Loose = Kysely<Record<string, LooseRow>>;

function loose(db: Executor): Loose {
  return db as unknown as Loose;
}

/**
 * The optimistic-lock update: changes the row that matches `match` (equality on every given
 * column, IS NULL for a null) only while its version is still `version`, and moves the version on by one. False when
 * nothing matched — the row changed since it was read, or it is gone, or it no longer matches.
 */
export async function updateAtVersion<T extends VersionedTable>(
  db: Executor,
  table: T,
  match: Match<T>,
  version: number,
  changes: Updateable<DatabaseSchema[T]>,
): Promise<boolean> {
  let query = loose(db)
    .updateTable(table as string)
    .set((eb: ExpressionBuilder<Record<string, LooseRow>, string>) => ({ ...(changes as Record<string, unknown>), version: eb('version', '+', 1) }))
    .where('version', '=', version);
  for (const [column, value] of Object.entries(match)) query = query.where(column, value === null ? 'is' : '=', value);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The optimistic-lock delete: removes the matching row only while its version is still `version`. */
export async function deleteAtVersion<T extends VersionedTable>(db: Executor, table: T, match: Match<T>, version: number): Promise<boolean> {
  let query = loose(db).deleteFrom(table as string).where('version', '=', version);
  for (const [column, value] of Object.entries(match)) query = query.where(column, value === null ? 'is' : '=', value);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
