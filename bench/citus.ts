/**
 * The national mode at the scale of this machine: the same data on a three-node Citus cluster
 * (coordinator and two workers) and on one PostgreSQL server, and the same requests of a county's
 * and the province's org department on both, in the same run (docs/DISTRIBUTION.md).
 *
 *   BENCH_CITUS_URL=postgres://…coordinator DATABASE_URL=postgres://…server npx tsx bench/citus.ts
 *
 * Data, loaded the same way into both: a province's tree (Sichuan by default, BENCH_PROVINCE=51:
 * 37,728 units, 183 counties) and BENCH_RESERVES (100,000) reserves spread over its villages
 * (`seedReserves`); of them, BENCH_CULTIVATED (2,500) in the counties of one city
 * (BENCH_CULTIVATED_IN, 眉山市 5114, which holds the county measured) each have a mentor and
 * BENCH_YEARS (1) years of cultivation records up to today (`seedCultivatedReserves`: monthly logs,
 * quarterly summaries and opinions, an annual talk, training attendance). That many because on
 * Citus the reminder roll-ups are kept by the row-level triggers of src/db/citus-rollups.sql as
 * the records are written, a few hundred records a second on this machine. On Citus every
 * distributed table has 32 shards (the default).
 *
 * Reported: p50 and p95 of each request on each database and the ratio Citus / PostgreSQL (p50),
 * the time to load each, and how the shards, counties, reserves and bytes of the county tables lie
 * on the workers. BENCH_KEEP=1 keeps both loaded databases for the next run.
 */
import { sql } from 'kysely';
import { migrate } from '../src/db/migrate.ts';
import { todayInChina } from '../src/domain/dates.ts';
import { toStatisticalCode } from '../src/domain/org-code.ts';
import { benchApp, createLog, openBenchDatabase, type BenchDatabase } from './bench-database.ts';
import { seedCultivatedReserves } from './cultivation-seed.ts';
import { createBenchUsers, loadProvince, seedReserves } from './province.ts';

const PROVINCE = process.env.BENCH_PROVINCE ?? '51';
/** 青神县, the county of the demo. */
const COUNTY = process.env.BENCH_COUNTY ?? '511425';
const RESERVES = Number(process.env.BENCH_RESERVES ?? 100_000);
const CULTIVATED = Number(process.env.BENCH_CULTIVATED ?? 2_500);
const CULTIVATED_IN = process.env.BENCH_CULTIVATED_IN ?? '5114';
const YEARS = Number(process.env.BENCH_YEARS ?? 1);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const PROVINCE_RUNS = Number(process.env.BENCH_PROVINCE_RUNS ?? 7);
const CITUS_URL = process.env.BENCH_CITUS_URL;
const log = createLog();

/** The rows of the cultivation records (the activity records of the SPEC's national figures). */
const RECORD_TABLES = ['mentoring_assignment', 'mentor_contact', 'mentoring_summary', 'assessment', 'annual_talk', 'training_attendance'] as const;

async function load(bench: BenchDatabase): Promise<{ seconds: number; reserves: number; records: number }> {
  const { database } = bench;
  const started = performance.now();
  await migrate(database);
  if (!bench.isLoaded) {
    const units = await loadProvince(database.db, PROVINCE);
    log(`${bench.kind}: province ${PROVINCE}, ${units} units`);
    await seedReserves(database.db, PROVINCE, RESERVES - CULTIVATED);
    log(`${bench.kind}: ${RESERVES - CULTIVATED} reserves without records`);
    await seedCultivatedReserves(database, [CULTIVATED_IN], CULTIVATED, 0, { onDate: todayInChina(), years: YEARS, log: (message) => log(`${bench.kind}: ${message}`) });
    await createBenchUsers(database.db, PROVINCE, COUNTY);
    await sql`ANALYZE`.execute(database.db);
  }
  const seconds = (performance.now() - started) / 1000;
  const { rows: [counts] } = await sql<{ reserves: number; records: number }>`
    SELECT (SELECT count(*) FROM reserve)::int AS reserves,
      (${sql.join(RECORD_TABLES.map((table) => sql`(SELECT count(*) FROM ${sql.table(table)})`), sql` + `)})::int AS records`.execute(database.db);
  log(`${bench.kind}: ${counts!.reserves} reserves, ${counts!.records} cultivation records${bench.isLoaded ? ' (kept from an earlier run)' : `, loaded in ${seconds.toFixed(0)} s`}`);
  return { seconds, ...counts! };
}

interface Timing { label: string; p50: number; p95: number }

/** The requests of a county's and the province's org department, each timed on `bench`. */
async function measure(bench: BenchDatabase): Promise<Timing[]> {
  const { database } = bench;
  const countyCode = toStatisticalCode(COUNTY);
  const provinceCode = toStatisticalCode(PROVINCE);
  const { app, cookieOf, time, get } = await benchApp(database, RUNS);
  const { time: timeFew } = await benchApp(database, PROVINCE_RUNS);
  try {
    const county = await cookieOf('benchcounty');
    const province = await cookieOf('benchprovince');
    const reserve = await database.db.selectFrom('reserve').select('id').where('county_code', '=', COUNTY).orderBy('org_code').orderBy('admitted_on').limit(1).executeTakeFirstOrThrow();
    // The province's first reading stores the coverage of every village (bench/management.ts).
    await get(province, `/api/coverage/${provinceCode}`)();
    const results = [
      await time('county: reserve list, first page', get(county, `/api/reserves?orgCode=${countyCode}&page=1&pageSize=20`)),
      await time('county: a reserve\'s cultivation page (its records)', get(county, `/api/reserves/${reserve.id}/cultivation`)),
      await time('county: reminders of the county', get(county, `/api/reminders?orgCode=${countyCode}&page=1&pageSize=50`)),
      await time('county: dashboard of the county', get(county, `/api/dashboard/${countyCode}`)),
      await timeFew('province: dashboard of the province', get(province, `/api/dashboard/${provinceCode}`)),
    ];
    for (const result of results) log(`${bench.kind}: ${result.label}: p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms`);
    return results;
  } finally {
    await app.close();
  }
}

/** Where the county tables lie on the cluster: per worker, the shards of `reserve`, its counties and rows, and the bytes of every distributed shard. */
async function spread(bench: BenchDatabase): Promise<void> {
  const { rows } = await sql<{ node: string; shards: number; counties: number; reserves: number; bytes: string }>`
    WITH per_county AS (SELECT county_code, count(*) AS n FROM reserve GROUP BY county_code),
    per_shard AS (SELECT get_shard_id_for_distribution_column('reserve', county_code) AS shardid, count(*) AS counties, sum(n) AS reserves FROM per_county GROUP BY 1),
    placed AS (SELECT s.shardid, s.nodename || ':' || s.nodeport AS node FROM citus_shards s WHERE s.table_name = 'reserve'::regclass),
    bytes AS (SELECT s.nodename || ':' || s.nodeport AS node, sum(s.shard_size) AS bytes FROM citus_shards s WHERE s.citus_table_type = 'distributed' GROUP BY 1)
    SELECT p.node, count(*)::int AS shards, coalesce(sum(c.counties), 0)::int AS counties, coalesce(sum(c.reserves), 0)::int AS reserves, b.bytes::text AS bytes
    FROM placed p LEFT JOIN per_shard c ON c.shardid = p.shardid JOIN bytes b ON b.node = p.node
    GROUP BY p.node, b.bytes ORDER BY p.node`.execute(bench.database.db);
  const { rows: [balance] } = await sql<{ smallest: number; largest: number; empty: number }>`
    WITH per_shard AS (SELECT get_shard_id_for_distribution_column('reserve', county_code) AS shardid, count(*) AS n FROM reserve GROUP BY 1)
    SELECT min(n)::int AS smallest, max(n)::int AS largest, (SELECT count(*) FROM citus_shards WHERE table_name = 'reserve'::regclass)::int - count(*)::int AS empty FROM per_shard`.execute(bench.database.db);
  const { rows: [reference] } = await sql<{ bytes: string }>`
    SELECT sum(shard_size)::text AS bytes FROM citus_shards WHERE citus_table_type = 'reference' AND nodeport = (SELECT min(nodeport) FROM citus_shards WHERE citus_table_type = 'reference')`.execute(bench.database.db);
  console.log('\n| worker | shards of `reserve` | counties | reserves | bytes of county tables (all shards) |\n|---|---|---|---|---|');
  for (const row of rows) console.log(`| ${row.node} | ${row.shards} | ${row.counties} | ${row.reserves} | ${(Number(row.bytes) / 2 ** 20).toFixed(0)} MB |`);
  console.log(`\nreserves per shard: ${balance!.smallest}–${balance!.largest}, ${balance!.empty} shard(s) empty; reference tables: ${(Number(reference!.bytes) / 2 ** 20).toFixed(0)} MB on each node`);
}

async function main(): Promise<void> {
  if (!CITUS_URL || !process.env.DATABASE_URL) throw new Error('BENCH_CITUS_URL (a Citus coordinator) and DATABASE_URL (a PostgreSQL server) are both needed');
  const citus = await openBenchDatabase('citus', CITUS_URL);
  const single = await openBenchDatabase('citus_baseline');
  if (citus.kind !== 'Citus') throw new Error('BENCH_CITUS_URL is not a Citus coordinator');
  try {
    const loaded = { citus: await load(citus), single: await load(single) };
    const timings = { citus: await measure(citus), single: await measure(single) };
    console.log(`\n${RESERVES} reserves, ${loaded.citus.records} cultivation records on Citus (${loaded.single.records} on PostgreSQL), ${RUNS} runs each (${PROVINCE_RUNS} for the province)`);
    console.log(`load: Citus ${loaded.citus.seconds.toFixed(0)} s, PostgreSQL ${loaded.single.seconds.toFixed(0)} s\n`);
    console.log('| request | Citus p50 ms | Citus p95 ms | PostgreSQL p50 ms | PostgreSQL p95 ms | Citus / PostgreSQL (p50) |\n|---|---|---|---|---|---|');
    timings.citus.forEach((result, index) => {
      const baseline = timings.single[index]!;
      console.log(`| ${result.label} | ${result.p50.toFixed(1)} | ${result.p95.toFixed(1)} | ${baseline.p50.toFixed(1)} | ${baseline.p95.toFixed(1)} | ${(result.p50 / baseline.p50).toFixed(2)} × |`);
    });
    await spread(citus);
  } finally {
    await citus.drop();
    await single.drop();
  }
}

await main();
