import type { ColumnType } from 'kysely';

/** Column types shared by every table definition. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
export type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
/** The county code of a distributed table's row: set on insert, never changed (the row's shard). */
export type CountyCode = ColumnType<string, string, never>;
