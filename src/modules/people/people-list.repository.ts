import type { ReserveStatus } from '../../domain/reserve-status.ts';
import { sql, type Expression, type RawBuilder, type Selectable, type SqlBool } from 'kysely';
import type { PersonTable } from '../../db/schema.ts';
import type { Executor } from '../../db/database.ts';
import { escapeLike, withinSubtrees } from '../../db/scope.ts';
import { birthDateRangeForAges } from '../../domain/dates.ts';

/** Filters of the ledger, the pool and the roster, already resolved to SQL-ready values. */
export interface PeopleQuery {
  prefixes: string[];
  orgPrefix?: string | undefined;
  nameContains?: string | undefined;
  idNumberHash?: string | undefined;
  sourceCategory?: string | undefined;
  education?: string | undefined;
  politicalStatus?: string | undefined;
  ageMin?: number | undefined;
  ageMax?: number | undefined;
  isAway?: boolean | undefined;
  status?: string | undefined;
  targetPost?: string | undefined;
  readiness?: string | undefined;
  referenceDate: string;
  sortBy: 'name' | 'age' | 'orgCode' | 'createdAt';
  sortOrder: 'asc' | 'desc';
}

/** The person's columns every list shows (PERSON_COLUMNS), typed from the schema. */
export type PersonSummaryRow = { person_id: string } & Pick<
  Selectable<PersonTable>,
  'name' | 'gender' | 'birth_date' | 'id_number_masked' | 'phone_masked' | 'political_status' | 'party_join_date' | 'education' | 'is_living_away'
>;

/** Conditions on person `p`, entry `x` (ledger entry or reserve) and their unit. */
function conditions(query: PeopleQuery, kind: 'ledger' | 'reserve'): Expression<SqlBool>[] {
  const where: Expression<SqlBool>[] = [withinSubtrees('x.org_code', query.prefixes, { countyColumn: 'x.county_code' })];
  if (query.orgPrefix !== undefined) where.push(withinSubtrees('x.org_code', [query.orgPrefix], { countyColumn: 'x.county_code' }));
  if (query.nameContains) where.push(sql<SqlBool>`p.name LIKE ${`%${escapeLike(query.nameContains)}%`}`);
  if (query.idNumberHash) where.push(sql<SqlBool>`p.id_number_hash = ${query.idNumberHash}`);
  if (query.sourceCategory) where.push(sql<SqlBool>`x.source_category = ${query.sourceCategory}`);
  if (query.education) where.push(sql<SqlBool>`p.education = ${query.education}`);
  if (query.politicalStatus) where.push(sql<SqlBool>`p.political_status = ${query.politicalStatus}`);
  const range = birthDateRangeForAges(query.referenceDate, query.ageMin, query.ageMax);
  if (range.bornOnOrBefore) where.push(sql<SqlBool>`p.birth_date <= ${range.bornOnOrBefore}::date`);
  if (range.bornAfter) where.push(sql<SqlBool>`p.birth_date > ${range.bornAfter}::date`);
  if (kind === 'ledger' && query.isAway !== undefined) where.push(sql<SqlBool>`x.is_away = ${query.isAway}`);
  if (kind === 'reserve') {
    if (query.isAway !== undefined) where.push(sql<SqlBool>`p.is_living_away = ${query.isAway}`);
    if (query.status) where.push(sql<SqlBool>`x.status = ${query.status}`);
    if (query.targetPost) where.push(sql<SqlBool>`x.target_post = ${query.targetPost}`);
    if (query.readiness) where.push(sql<SqlBool>`x.readiness = ${query.readiness}`);
  }
  return where;
}

function orderBy(query: Pick<PeopleQuery, 'sortBy' | 'sortOrder'>): RawBuilder<unknown> {
  const direction = query.sortOrder === 'desc' ? sql`DESC` : sql`ASC`;
  const inverse = query.sortOrder === 'desc' ? sql`ASC` : sql`DESC`;
  switch (query.sortBy) {
    case 'name':
      return sql`p.name ${direction}, x.id`;
    case 'age':
      return sql`p.birth_date ${inverse}, x.id`;
    case 'createdAt':
      return sql`x.created_at ${direction}, x.id`;
    case 'orgCode':
      return sql`x.org_code ${direction}, p.name ${direction}, x.id ${direction}`;
  }
}

/** The person summary columns, from person `p`. */
export const PERSON_COLUMNS = sql`p.id AS person_id, p.name, p.gender, to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date, p.id_number_masked, p.phone_masked,
  p.political_status, to_char(p.party_join_date, 'YYYY-MM-DD') AS party_join_date, p.education, p.is_living_away`;

export interface LedgerRow extends PersonSummaryRow {
  id: string; org_code: string; village_name: string; township_name: string; source_category: string; is_away: boolean;
  notes: string | null; surveyed_on: string; version: number; id_number_cipher: string; phone_cipher: string | null;
}

export interface ReserveRow extends PersonSummaryRow {
  id: string; org_code: string; village_name: string; township_name: string; status: ReserveStatus; target_post: string; readiness: string;
  source_category: string; mentor_name: string | null; mentor_post: string | null; notes: string | null; admitted_on: string | null; version: number;
  id_number_cipher: string; phone_cipher: string | null;
}

/** Lists count exactly up to this many rows, then say "more than" (an exact count of a province costs ~100 ms). */
export const COUNT_CAP = 10_000;

function cappedCount(from: RawBuilder<unknown>, where: RawBuilder<unknown>) {
  return sql<{ total: number }>`SELECT count(*)::int AS total FROM (SELECT 1 FROM ${from} WHERE ${where} LIMIT ${COUNT_CAP + 1}) capped`;
}

/** The count as lists show it: exact up to the cap, else the cap and a flag. */
export function presentTotal(count: number): { total: number; isTotalCapped: boolean } {
  return { total: Math.min(count, COUNT_CAP), isTotalCapped: count > COUNT_CAP };
}

const ENTRY_FROM = {
  ledger: sql`talent_ledger_entry x JOIN person p ON p.id = x.person_id JOIN org_unit v ON v.code = x.org_code LEFT JOIN org_unit t ON t.code = v.parent_code`,
  reserve: sql`reserve x JOIN person p ON p.id = x.person_id JOIN org_unit v ON v.code = x.org_code LEFT JOIN org_unit t ON t.code = v.parent_code`,
};

function selectLedger(where: RawBuilder<unknown>, query: Pick<PeopleQuery, 'sortBy' | 'sortOrder'>, page: { offset: number; limit: number }) {
  return sql<LedgerRow>`SELECT x.id, x.org_code, v.name AS village_name, coalesce(t.name, '') AS township_name, x.source_category, x.is_away, x.notes,
      to_char(x.surveyed_on, 'YYYY-MM-DD') AS surveyed_on, x.version, p.id_number_cipher, p.phone_cipher, ${PERSON_COLUMNS}
    FROM ${ENTRY_FROM.ledger} WHERE ${where} ORDER BY ${orderBy(query)} OFFSET ${page.offset} LIMIT ${page.limit}`;
}

function selectReserves(where: RawBuilder<unknown>, query: Pick<PeopleQuery, 'sortBy' | 'sortOrder'>, page: { offset: number; limit: number }) {
  return sql<ReserveRow>`SELECT x.id, x.org_code, v.name AS village_name, coalesce(t.name, '') AS township_name, x.status, x.target_post,
      x.readiness, x.source_category, x.mentor_name, x.mentor_post, x.notes, to_char(x.admitted_on, 'YYYY-MM-DD') AS admitted_on, x.version,
      p.id_number_cipher, p.phone_cipher, ${PERSON_COLUMNS}
    FROM ${ENTRY_FROM.reserve} WHERE ${where} ORDER BY ${orderBy(query)} OFFSET ${page.offset} LIMIT ${page.limit}`;
}

const ONE = { offset: 0, limit: 1 };
const BY_UNIT = { sortBy: 'orgCode', sortOrder: 'asc' } as const;

export const peopleListRepository = {
  /** One ledger entry, in the shape of the list rows. */
  async findLedgerRow(db: Executor, id: string): Promise<LedgerRow | undefined> {
    return (await selectLedger(sql`x.id = ${id}`, BY_UNIT, ONE).execute(db)).rows[0];
  },

  /** One reserve, in the shape of the list rows. */
  async findReserveRow(db: Executor, id: string): Promise<ReserveRow | undefined> {
    return (await selectReserves(sql`x.id = ${id}`, BY_UNIT, ONE).execute(db)).rows[0];
  },

  async listLedger(db: Executor, query: PeopleQuery, page: { offset: number; limit: number }): Promise<{ total: number; rows: LedgerRow[] }> {
    const where = sql.join(conditions(query, 'ledger'), sql` AND `);
    const from = sql`talent_ledger_entry x JOIN person p ON p.id = x.person_id`;
    const [count, rows] = await Promise.all([
      cappedCount(from, where).execute(db),
      selectLedger(where, query, page).execute(db),
    ]);
    return { total: count.rows[0]?.total ?? 0, rows: rows.rows };
  },

  async listReserves(db: Executor, query: PeopleQuery, page: { offset: number; limit: number }): Promise<{ total: number; rows: ReserveRow[] }> {
    const where = sql.join(conditions(query, 'reserve'), sql` AND `);
    const from = sql`reserve x JOIN person p ON p.id = x.person_id`;
    const [count, rows] = await Promise.all([
      cappedCount(from, where).execute(db),
      selectReserves(where, query, page).execute(db).then((result) => result.rows),
    ]);
    return { total: count.rows[0]?.total ?? 0, rows };
  },

  /**
   * Reserves in batches, ordered by unit, name and id, read by keyset (not offset) so that a
   * 100,000-row export costs the same per batch from first to last.
   */
  streamReserves(db: Executor, query: PeopleQuery, batchSize = 2000): AsyncGenerator<ReserveRow[]> {
    return streamByUnit(db, query, batchSize, 'reserve', selectReserves);
  },

  /** Ledger entries in batches, in the order and by the keyset of `streamReserves`. */
  streamLedger(db: Executor, query: PeopleQuery, batchSize = 2000): AsyncGenerator<LedgerRow[]> {
    return streamByUnit(db, query, batchSize, 'ledger', selectLedger);
  },
};

async function* streamByUnit<Row extends { org_code: string; name: string; id: string }>(
  db: Executor,
  query: PeopleQuery,
  batchSize: number,
  kind: 'ledger' | 'reserve',
  select: (where: RawBuilder<unknown>, order: typeof BY_UNIT, page: { offset: number; limit: number }) => RawBuilder<Row>,
): AsyncGenerator<Row[]> {
  const base = conditions(query, kind);
  let after: { orgCode: string; name: string; id: string } | null = null;
  for (;;) {
    // The first condition alone can use the org_code index (codes are digits, so ~>=~ orders as >=);
    // the row comparison then picks up exactly after the last row.
    const keyset: Expression<SqlBool>[] = after
      ? [sql<SqlBool>`x.org_code ~>=~ ${after.orgCode}`, sql<SqlBool>`(x.org_code, p.name, x.id) > (${after.orgCode}, ${after.name}, ${after.id}::uuid)`]
      : [];
    const where = sql.join([...base, ...keyset], sql` AND `);
    const { rows } = await select(where, BY_UNIT, { offset: 0, limit: batchSize }).execute(db);
    if (rows.length > 0) yield rows;
    if (rows.length < batchSize) return;
    const last = rows[rows.length - 1]!;
    after = { orgCode: last.org_code, name: last.name, id: last.id };
  }
}
