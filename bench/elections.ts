/**
 * The village 换届 at province scale: the 换届 board and the composition report, as a county's and
 * as the province's org department would ask for them, through the whole HTTP stack (`inject`:
 * session, scope, validation, queries, roll-ups, serialisation).
 *
 * The province's tree (Sichuan by default, BENCH_PROVINCE=51: ~30,000 villages and communities),
 * one 换届 plan per township and one village election per village, spread over the stages, with
 * the composition stored for every filed village (about a third), written with INSERT … SELECT.
 * Runs alone: `npx tsx bench/elections.ts` (PGlite) or `DATABASE_URL=postgres://… npx tsx bench/elections.ts`.
 *
 * Baselines measured in the same run: the board's counts per township and stage in raw SQL, and
 * the raw read of the stored compositions. Target: p95 under 500 ms for the county's board and
 * composition report.
 */
import { sql } from 'kysely';
import { migrate } from '../src/db/migrate.ts';
import { toStatisticalCode } from '../src/domain/org-code.ts';
import { createUser } from '../src/modules/users/users.service.ts';
import { systemContext } from '../src/server/access.ts';
import { systemClock } from '../src/server/clock.ts';
import { benchApp, createLog, openBenchDatabase } from './bench-database.ts';
import { loadProvince } from './province.ts';

const PROVINCE = process.env.BENCH_PROVINCE ?? '51';
const RUNS = Number(process.env.BENCH_ELECTIONS_RUNS ?? 30);
/** 青神县, the county of the demo. */
const COUNTY = '511425';
const log = createLog();

const COMPOSITION = (seed: string) => sql`jsonb_build_object(
  'before', jsonb_build_object('members', 7, 'secretaryAge', 48 + ${sql.raw(seed)} % 10, 'secretaryHasCollege', ${sql.raw(seed)} % 4 = 0, 'hasYoungMember', ${sql.raw(seed)} % 3 = 0,
    'womenMembers', ${sql.raw(seed)} % 2, 'womenHeads', 0, 'isSecretaryAndDirector', ${sql.raw(seed)} % 2 = 0),
  'after', jsonb_build_object('members', 7, 'secretaryAge', 38 + ${sql.raw(seed)} % 10, 'secretaryHasCollege', ${sql.raw(seed)} % 3 <> 0, 'hasYoungMember', true,
    'womenMembers', 1 + ${sql.raw(seed)} % 2, 'womenHeads', ${sql.raw(seed)} % 5 / 4, 'isSecretaryAndDirector', ${sql.raw(seed)} % 5 <> 0),
  'reservesUsed', 1 + ${sql.raw(seed)} % 3, 'isNewSecretaryFromReserves', ${sql.raw(seed)} % 2 = 1)`;

async function main(): Promise<void> {
  const { database, drop, kind, isLoaded } = await openBenchDatabase('elections');
  try {
    await migrate(database);
    const { db } = database;
    const system = systemContext(systemClock.today());
    const provinceCode = toStatisticalCode(PROVINCE);
    const countyCode = toStatisticalCode(COUNTY);
    if (!isLoaded) {
      const units = await loadProvince(db, PROVINCE);
      log(`province ${PROVINCE}: ${units} units`);
      await sql`
        INSERT INTO election_plan (county_code, org_code, term_year, starts_on, ends_on, leading_group, standard_party_seats, standard_villagers_seats, created_by)
        SELECT substr(code, 1, 6), code, 2026, date '2026-09-01', date '2026-12-31', '换届领导小组', 5, 5, 'bench'
        FROM org_unit WHERE level = 'township' AND code LIKE ${`${PROVINCE}%`}`.execute(db);
      await sql`
        INSERT INTO village_election (county_code, plan_id, org_code, term_year, stage, party_seats, villagers_seats, approved_on, filed_on, composition)
        SELECT pl.county_code, pl.id, v.code, 2026, s.stage, 5, 5,
          CASE WHEN s.stage IN ('filing', 'filed') THEN date '2026-11-20' END, CASE WHEN s.stage = 'filed' THEN date '2026-11-25' END,
          CASE WHEN s.stage = 'filed' THEN ${COMPOSITION('v.n')} END
        FROM (SELECT code, parent_code, row_number() OVER (ORDER BY code) AS n FROM org_unit WHERE level IN ('village', 'community') AND code LIKE ${`${PROVINCE}%`}) v
        JOIN election_plan pl ON pl.county_code = substr(v.code, 1, 6) AND pl.org_code = v.parent_code
        CROSS JOIN LATERAL (SELECT (ARRAY['preparing', 'partyNomination', 'partyVote', 'villagersElection', 'resultNotice', 'filing', 'filed', 'filed', 'filed'])[1 + v.n % 9] AS stage) s`
        .execute(db);
      for (const [username, orgCode] of [['benchprovince', provinceCode], ['benchcounty', countyCode]] as const) {
        await createUser(db, system, { username, displayName: '组织部', orgCode, roles: [{ role: 'orgDepartment', orgCode }], password: 'Bench12345', mustChangePassword: false });
      }
      await sql`ANALYZE`.execute(db);
      log('plans and village elections seeded');
    }
    const { app, cookieOf, time, get } = await benchApp(database, RUNS);
    const province = await cookieOf('benchprovince');
    const county = await cookieOf('benchcounty');
    const board = (await get(province, '/api/election-board')()).json() as { total: { villages: number; filed: number } };
    log(`province board: ${JSON.stringify(board.total)}`);
    const results = [
      await time('换届 board of the county (county org department)', get(county, '/api/election-board')),
      await time('composition report of the county', get(county, `/api/election-composition?orgCode=${countyCode}`)),
      await time('换届 board of the province (province org department)', get(province, '/api/election-board')),
      await time('composition report of the province (roll-ups, no village rows)', get(province, '/api/election-composition')),
      await time('  baseline: villages per township and stage in raw SQL (province)', () => sql`
        SELECT pl.org_code, e.stage, count(*) FROM village_election e JOIN election_plan pl ON pl.id = e.plan_id
        WHERE e.org_code LIKE ${`${PROVINCE}%`} GROUP BY pl.org_code, e.stage`.execute(db)),
      await time('  baseline: the stored compositions in raw SQL (province)', () => sql`
        SELECT e.org_code, e.composition FROM village_election e WHERE e.stage = 'filed' AND e.org_code LIKE ${`${PROVINCE}%`}`.execute(db)),
    ];
    console.log(`\n${kind}: ${board.total.villages} village elections, ${board.total.filed} filed, ${RUNS} runs each\n`);
    console.log('| request | p50 ms | p95 ms |\n|---|---|---|');
    for (const result of results) console.log(`| ${result.label} | ${result.p50.toFixed(1)} | ${result.p95.toFixed(1)} |`);
    await app.close();
  } finally {
    await drop();
  }
}

await main();
