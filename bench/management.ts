/**
 * Management and use at province scale: the coverage page of a province and the ranked suggestions
 * for one vacancy, as a county's and as the province's org department would ask for them, through
 * the whole HTTP stack (`inject`: session, scope, validation, queries, ranking, serialisation).
 *
 * The province's tree (Sichuan by default, BENCH_PROVINCE=51: ~30,000 villages and communities)
 * and BENCH_RESERVES (100,000) admitted reserves spread over its villages, with a mix of ages,
 * education, readiness and target posts, written with INSERT … SELECT.
 * Runs alone: `npx tsx bench/management.ts` (PGlite) or `DATABASE_URL=postgres://… npx tsx bench/management.ts`.
 *
 * Baselines measured in the same run: the coverage page's per-village counts in raw SQL (the
 * floor of any coverage page), and the raw read of the reserves a suggestion considers.
 * Targets: p95 under 200 ms for a county's suggestions and under 500 ms for the province's coverage page.
 */
import { sql } from 'kysely';
import { migrate } from '../src/db/migrate.ts';
import { toStatisticalCode } from '../src/domain/org-code.ts';
import { systemContext } from '../src/server/access.ts';
import { systemClock } from '../src/server/clock.ts';
import { benchApp, createLog, openBenchDatabase } from './bench-database.ts';
import { seedProvinceWithReserves } from './province.ts';
import { countyOf } from '../src/db/distribution.ts';

const PROVINCE = process.env.BENCH_PROVINCE ?? '51';
const RESERVES = Number(process.env.BENCH_RESERVES ?? 100_000);
const RUNS = Number(process.env.BENCH_MANAGEMENT_RUNS ?? 30);
/** 青神县, the county of the demo: its org department asks for the county's suggestions. */
const COUNTY = '511425';
const log = createLog();

async function main(): Promise<void> {
  const { database, drop, kind, isLoaded } = await openBenchDatabase('management');
  try {
    await migrate(database);
    const { db } = database;
    const system = systemContext(systemClock.today());
    const provinceCode = toStatisticalCode(PROVINCE);
    const countyCode = toStatisticalCode(COUNTY);
    if (!isLoaded) await seedProvinceWithReserves(db, { provinceCode: PROVINCE, countyCode: COUNTY, reserves: RESERVES, log });
    const village = (await db.selectFrom('org_unit').select('code').where('level', '=', 'village').where('code', 'like', `${COUNTY}%`).orderBy('code').executeTakeFirstOrThrow()).code;
    const { id: vacancyId } = await db.insertInto('post_vacancy').values({ county_code: countyOf(village), org_code: village, committee: 'party', post: 'secretary', opened_on: system.today, cause: '书记调整' }).returning('id').executeTakeFirstOrThrow();

    const { app, cookieOf, time, get } = await benchApp(database, RUNS);
    const province = await cookieOf('benchprovince');
    const county = await cookieOf('benchcounty');
    // The province's first reading evaluates and stores the coverage of every village; later
    // readings add up the stored figures (kept current by every change).
    await sql`DELETE FROM village_coverage`.execute(db);
    const firstStarted = performance.now();
    const coverageBody = (await get(province, `/api/coverage/${provinceCode}`)()).json() as { summary: { villages: number; reserves: number; shortVillages: number } };
    const firstReading = performance.now() - firstStarted;
    log(`province coverage: ${JSON.stringify(coverageBody.summary)}`);
    const results = [
      { label: 'coverage page of the province, first reading (stores every village; once)', p50: firstReading, p95: firstReading },
      await time('coverage page of the province (province org department)', get(province, `/api/coverage/${provinceCode}`)),
      await time('  baseline: the stored figures added up per township in raw SQL', () => sql`
        SELECT u.parent_code, count(*), count(*) FILTER (WHERE cardinality(v.short_rules) > 0), sum(v.reserves), count(*) FILTER (WHERE v.young >= 1)
        FROM org_unit u JOIN village_coverage v ON v.org_code = u.code
        WHERE u.level IN ('village', 'community') AND u.code LIKE ${`${PROVINCE}%`} GROUP BY u.parent_code`.execute(db)),
      await time('  baseline: per-village counts in raw SQL', () => sql`
        SELECT u.code, count(r.id), count(r.id) FILTER (WHERE p.birth_date > date '1990-12-01'), count(r.id) FILTER (WHERE r.readiness = 'readyNow')
        FROM org_unit u LEFT JOIN reserve r ON r.org_code = u.code AND r.status = 'admitted' LEFT JOIN person p ON p.id = r.person_id
        WHERE u.level IN ('village', 'community') AND u.code LIKE ${`${PROVINCE}%`} GROUP BY u.code`.execute(db)),
      await time('coverage page of the county (county org department)', get(county, `/api/coverage/${countyCode}`)),
      await time('suggestions for one vacancy, ranked across the county', get(county, `/api/vacancies/${vacancyId}/suggestions`)),
      await time('suggestions for one vacancy, ranked across the province', get(province, `/api/vacancies/${vacancyId}/suggestions`)),
      await time('  baseline: the reserves of the province in raw SQL (no ranking)', () => sql`
        SELECT r.id, p.birth_date, p.education, r.readiness FROM reserve r JOIN person p ON p.id = r.person_id
        WHERE r.status = 'admitted' AND r.org_code LIKE ${`${PROVINCE}%`}`.execute(db)),
    ];
    console.log(`\n${kind}: ${coverageBody.summary.villages} villages, ${coverageBody.summary.reserves} reserves, ${RUNS} runs each\n`);
    console.log('| request | p50 ms | p95 ms |\n|---|---|---|');
    for (const result of results) console.log(`| ${result.label} | ${result.p50.toFixed(1)} | ${result.p95.toFixed(1)} |`);
    await app.close();
  } finally {
    await drop();
  }
}

await main();
