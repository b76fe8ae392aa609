import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAIN_DISTRIBUTED_TABLES, DISTRIBUTED_TABLES, isCitus, LOCAL_TABLES, REFERENCE_TABLES } from '../../src/db/distribution.ts';
import { importCounty } from '../../src/modules/org-units/org-units.service.ts';
import { systemContext } from '../../src/server/access.ts';
import { addReserve, createTestWorld, type TestWorld } from '../helpers/test-app.ts';

/**
 * The placement of the tables on a Citus cluster (docs/DISTRIBUTION.md). On every database: each
 * table is placed in exactly one list. On a Citus coordinator (TEST_DATABASE_URL pointing at one):
 * a county user's reserve list, reminders, coverage and selection board run queries that Citus
 * sends to one shard (EXPLAIN: Task Count 1), and a reserve's page all but the lookup of its id,
 * and the rows of two counties lie on both workers.
 */
let world: TestWorld;
let citus = false;
const queries: { sql: string; parameters: readonly unknown[] }[] = [];
const listed: readonly string[] = [...DISTRIBUTED_TABLES, ...REFERENCE_TABLES, ...LOCAL_TABLES, ...CHAIN_DISTRIBUTED_TABLES.map(({ table }) => table)];
const distributed: readonly string[] = [...DISTRIBUTED_TABLES, ...CHAIN_DISTRIBUTED_TABLES.map(({ table }) => table)];

beforeAll(async () => {
  world = await createTestWorld({ onQuery: (query) => queries.push(query) });
  citus = await isCitus(world.database);
});
afterAll(async () => world.close());

describe('table placement', () => {
  it('lists every table of the schema exactly once', async () => {
    const { rows } = await sql<{ name: string }>`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`.execute(world.database.db);
    const tables = rows.map((row) => row.name);
    expect(tables.filter((table) => !listed.includes(table)), 'tables missing from src/db/distribution.ts').toEqual([]);
    expect(listed.filter((table) => !tables.includes(table)), 'listed tables that do not exist').toEqual([]);
    expect(new Set(listed).size).toBe(listed.length);
  });

  it('gives the columns after the county of every primary and unique key an index of their own, for lookups that do not name the county', async () => {
    // A key beginning with county_code serves no lookup by its other columns alone (a reserve by its
    // id, a person's reserves): without such an index PostgreSQL reads the whole key (0020, 0021).
    const { rows } = await sql<{ table: string; index: string; isUnique: boolean; columns: string[] }>`
      SELECT c.relname AS table, i.relname AS index, x.indisunique AS "isUnique",
        array(SELECT a.attname::text FROM unnest(x.indkey) WITH ORDINALITY k(attnum, n) JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum ORDER BY k.n) AS columns
      FROM pg_index x JOIN pg_class c ON c.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_namespace s ON s.oid = c.relnamespace
      WHERE s.nspname = 'public' AND c.relname = ANY (${[...DISTRIBUTED_TABLES]})`.execute(world.database.db);
    const keys = rows.filter((row) => row.isUnique && row.columns[0] === 'county_code' && row.columns.length > 1);
    expect(keys.length).toBeGreaterThan(DISTRIBUTED_TABLES.length);
    const leading = new Set(rows.map((row) => `${row.table}.${row.columns[0]}`));
    expect(keys.filter((key) => !leading.has(`${key.table}.${key.columns[1]}`)).map((key) => key.index), 'county keys without an index on their own columns').toEqual([]);
  });
});

/** The number of shards a query goes to, from Citus's EXPLAIN. */
async function taskCount(query: { sql: string; parameters: readonly unknown[] }): Promise<number> {
  const { rows } = await sql<{ 'QUERY PLAN': unknown }>`EXPLAIN (FORMAT JSON) ${sql.raw(inline(query))}`.execute(world.database.db);
  const counts = [...JSON.stringify(rows[0]!['QUERY PLAN']).matchAll(/"Task Count":\s*(\d+)/g)].map((match) => Number(match[1]));
  return Math.max(0, ...counts);
}

/** The query with its parameters written in as literals (EXPLAIN takes no parameters). */
function inline(query: { sql: string; parameters: readonly unknown[] }): string {
  const literal = (value: unknown): string => {
    if (value === null || value === undefined) return 'NULL';
    if (Array.isArray(value)) return `ARRAY[${value.map(literal).join(', ')}]`;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (value instanceof Date) return `'${value.toISOString()}'`;
    return `'${String(value).replaceAll("'", "''")}'`;
  };
  return query.sql.replace(/\$(\d+)/g, (_, index: string) => literal(query.parameters[Number(index) - 1]));
}

const touchesDistributed = (text: string) => distributed.some((table) => new RegExp(`\\b(from|join|into|update)\\s+"?${table}"?\\b`, 'i').test(text));

describe.runIf(process.env.TEST_DATABASE_URL)('on a Citus coordinator', () => {
  it('places the listed tables as distributed (by county or chain) and reference tables', async ({ skip }) => {
    if (!citus) skip('TEST_DATABASE_URL is a PostgreSQL server without Citus');
    const { rows } = await sql<{ name: string; method: string; column: string | null }>`
      SELECT logicalrelid::regclass::text AS name, partmethod AS method, column_to_column_name(logicalrelid, partkey) AS column FROM pg_dist_partition`.execute(world.database.db);
    const placement = new Map(rows.map((row) => [row.name, row]));
    for (const table of DISTRIBUTED_TABLES) expect(placement.get(table), table).toMatchObject({ method: 'h', column: 'county_code' });
    for (const { table, column } of CHAIN_DISTRIBUTED_TABLES) expect(placement.get(table), table).toMatchObject({ method: 'h', column });
    for (const table of REFERENCE_TABLES) expect(placement.get(table), table).toMatchObject({ method: 'n' });
  });

  it('routes a county user\'s reserve list, a reserve\'s page, reminders, coverage and selection board to one shard, and keeps two counties\' rows on both workers', async ({ skip }) => {
    if (!citus) skip('TEST_DATABASE_URL is a PostgreSQL server without Citus');
    const db = world.database.db;
    // A second county whose shard lies on the other worker.
    const workerOf = async (county: string) => (await sql<{ port: number }>`
      SELECT n.nodeport AS port FROM pg_dist_placement p JOIN pg_dist_node n USING (groupid)
      WHERE p.shardid = get_shard_id_for_distribution_column('reserve', ${county}::text)`.execute(db)).rows[0]!.port;
    const ownWorker = await workerOf(world.countyCode.slice(0, 6));
    let other: string | undefined;
    for (const candidate of ['511402', '511421', '511423', '511424', '511403', '511422']) {
      if ((await workerOf(candidate)) !== ownWorker) { other = candidate; break; }
    }
    expect(other, 'a county of the province on the other worker').toBeDefined();
    await importCounty(db, systemContext(world.today), other!);
    const admin = await world.login('admin');
    const [otherVillage] = (await sql<{ code: string }>`SELECT code FROM org_unit WHERE code LIKE ${`${other}%`} AND level = 'village' ORDER BY code LIMIT 1`.execute(db)).rows;
    await addReserve(world, admin, otherVillage!.code, { name: '外县甲' });

    const township = await world.login('towna');
    const reserve = await addReserve(world, township, world.townshipA.villageCode, { name: '本县甲' });
    const county = await world.login('county');

    const { rows: spread } = await sql<{ port: number; rows: number }>`
      SELECT n.nodeport AS port, count(*)::int AS rows FROM reserve r
      JOIN pg_dist_placement p ON p.shardid = get_shard_id_for_distribution_column('reserve', r.county_code) JOIN pg_dist_node n USING (groupid)
      GROUP BY n.nodeport`.execute(db);
    expect(spread.length, 'workers holding reserves').toBe(2);

    // A reserve's cultivation page: the reserve is found by its id, which does not name the county
    // (Citus asks every shard, one index probe each); every later read names the county.
    queries.length = 0;
    const detail = await world.app.inject({ method: 'GET', url: `/api/reserves/${reserve.reserveId}/cultivation`, headers: { cookie: county } });
    expect(detail.statusCode, detail.body).toBe(200);
    const detailReads = queries.filter((query) => touchesDistributed(query.sql));
    expect(detailReads.length, 'the page reads its records').toBeGreaterThan(8);
    const fannedOut: string[] = [];
    for (const query of detailReads) if ((await taskCount(query)) > 1) fannedOut.push(query.sql);
    expect(fannedOut, 'reads of the page over more than one shard').toHaveLength(1);
    expect(fannedOut[0]).toMatch(/from "reserve"/i);

    const requests = {
      'reserve list': `/api/reserves?orgCode=${world.countyCode}`,
      reminders: '/api/reminders',
      'coverage of the county': `/api/coverage/${world.countyCode}`,
      'selection board': `/api/selection-board?orgCode=${world.townshipA.code}`,
    };
    for (const [kind, url] of Object.entries(requests)) {
      queries.length = 0;
      const response = await world.app.inject({ method: 'GET', url, headers: { cookie: county } });
      expect(response.statusCode, `${kind}: ${response.body}`).toBe(200);
      const seen = queries.filter((query) => touchesDistributed(query.sql));
      expect(seen.length, `${kind} reads county tables`).toBeGreaterThan(0);
      for (const query of seen) expect(await taskCount(query), `${kind}: ${query.sql}`).toBe(1);
    }
  });
});
