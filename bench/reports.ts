/**
 * Where the county stands, at province scale: the dashboard of the province and of a county, the
 * 汇总表 of a county and the semiannual analysis report of a county, through the whole HTTP stack
 * (`inject`: session, scope, validation, queries, rendering, serialisation).
 *
 * The province's tree (Sichuan by default, BENCH_PROVINCE=51: ~34,000 villages and communities)
 * and BENCH_RESERVES (100,000) admitted reserves spread over its villages (`seedReserves`).
 * Runs alone: `DATABASE_URL=postgres://… npx tsx bench/reports.ts` (or on PGlite without it).
 *
 * Baselines measured in the same run: the dashboard's figures and groupings of the same unit
 * computed by one raw SQL query (reserves, villages with ≥ 2, with one 35 or under, with 2 ready
 * now, and the six groupings).
 * Targets: the dashboard p95 under 150 ms; the county's analysis report under 5 s.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { migrate } from '../src/db/migrate.ts';
import { youngBornAfter } from '../src/domain/coverage.ts';
import { toStatisticalCode } from '../src/domain/org-code.ts';
import { refreshCountyStatistics } from '../src/modules/dashboard/county-statistics.ts';
import { keepSpareConverter } from '../src/modules/record-form/record-form.pdf.ts';
import { systemContext } from '../src/server/access.ts';
import { systemClock } from '../src/server/clock.ts';
import { benchApp, createLog, openBenchDatabase, percentile } from './bench-database.ts';
import { seedProvinceWithReserves } from './province.ts';

const PROVINCE = process.env.BENCH_PROVINCE ?? '51';
const RESERVES = Number(process.env.BENCH_RESERVES ?? 100_000);
const RUNS = Number(process.env.BENCH_REPORTS_RUNS ?? 30);
const REPORT_RUNS = Number(process.env.BENCH_REPORT_RUNS ?? 5);
/** The pause between PDF requests in the spaced run. */
const PDF_GAP_MS = 10_000;
/** 青神县, the county of the demo. */
const COUNTY = '511425';
const log = createLog();

/** The dashboard's figures and groupings of a subtree in one raw SQL query: the floor of any dashboard. */
function rawDashboard(prefix: string, today: string) {
  const young = youngBornAfter(today, 35);
  return sql`
    WITH counted AS (
      SELECT r.org_code, p.birth_date, p.education, p.gender, p.political_status, r.source_category, r.readiness
      FROM reserve r JOIN person p ON p.id = r.person_id WHERE r.status = 'admitted' AND r.org_code LIKE ${`${prefix}%`}
    ), per_village AS (
      SELECT u.code, count(c.org_code) AS reserves, count(*) FILTER (WHERE c.birth_date > ${young}::date) AS young,
        count(*) FILTER (WHERE c.readiness = 'readyNow') AS mature
      FROM org_unit u LEFT JOIN counted c ON c.org_code = u.code
      WHERE u.level IN ('village', 'community') AND u.code LIKE ${`${prefix}%`} GROUP BY u.code
    ), groupings AS (
      SELECT education, gender, political_status, source_category, readiness, age_band, count(*) AS n
      FROM (SELECT c.*, width_bucket(extract(year FROM age(${today}::date, c.birth_date))::int, ARRAY[31, 36, 41, 46, 51]) AS age_band FROM counted c) banded
      GROUP BY GROUPING SETS ((education), (gender), (political_status), (source_category), (readiness), (age_band))
    )
    SELECT (SELECT count(*) FROM counted) AS reserves, count(*) AS villages, count(*) FILTER (WHERE reserves >= 2) AS with_two,
      count(*) FILTER (WHERE young >= 1) AS with_young, count(*) FILTER (WHERE mature >= 2) AS with_two_mature,
      (SELECT json_agg(g) FROM groupings g) AS groupings
    FROM per_village`;
}

/** The province's counts as its counties' stored counts added up, in one raw SQL query (the floor of reading them). */
function rawCountySum(prefix: string) {
  return sql`
    SELECT key, sum(value::bigint) AS total FROM county_statistics s, jsonb_each_text(s.totals)
    WHERE s.county_code LIKE ${`${prefix}%`} GROUP BY key`;
}

async function main(): Promise<void> {
  const { database, drop, kind, isLoaded } = await openBenchDatabase('reports');
  try {
    await migrate(database);
    const { db } = database;
    const system = systemContext(systemClock.today());
    const provinceCode = toStatisticalCode(PROVINCE);
    const countyCode = toStatisticalCode(COUNTY);
    if (!isLoaded) await seedProvinceWithReserves(db, { provinceCode: PROVINCE, countyCode: COUNTY, reserves: RESERVES, log });
    const { app, cookieOf, time, get } = await benchApp(database, RUNS);
    // As the server does: a LibreOffice instance started ahead of each PDF conversion.
    const stopSpareConverter = keepSpareConverter();
    const province = await cookieOf('benchprovince');
    const county = await cookieOf('benchcounty');
    // The province's first reading stores the coverage of every village (see bench/management.ts).
    await get(province, `/api/coverage/${provinceCode}`)();
    const { year, half } = { year: Number(system.today.slice(0, 4)), half: Number(system.today.slice(5, 7)) <= 6 ? 1 : 2 };
    const report = (format: 'docx' | 'pdf') => async () => {
      const response = await app.inject({ method: 'POST', url: `/api/analysis-reports/${countyCode}`, headers: { cookie: county }, payload: { year, half, format } });
      if (response.statusCode !== 200) throw new Error(`analysis report: ${response.statusCode} ${response.body.slice(0, 200)}`);
      return response;
    };
    // The server's job: every county of the province counted again (what the province's dashboard adds up).
    const countStarted = performance.now();
    const counted = await refreshCountyStatistics(db, PROVINCE, system.today, new Date(Date.now() + 1000));
    const countSeconds = (performance.now() - countStarted) / 1000;
    log(`counted ${counted} counties' statistics in ${countSeconds.toFixed(1)} s`);
    const results = [
      await time('dashboard of the province (province org department)', get(province, `/api/dashboard/${provinceCode}`)),
      await time('  baseline: the same figures and groupings of the province in one raw SQL query', () => rawDashboard(PROVINCE, system.today).execute(db)),
      await time('  baseline: the counties\' stored counts of the province added up in one raw SQL query', () => rawCountySum(PROVINCE).execute(db)),
      await time('dashboard of the county (county org department)', get(county, `/api/dashboard/${countyCode}`)),
      await time('  baseline: the same figures and groupings of the county in one raw SQL query', () => rawDashboard(COUNTY, system.today).execute(db)),
      await time('汇总表 of the county (xlsx)', get(county, `/api/summary-tables/${countyCode}/export`)),
      await time('structure statistics of the county (xlsx)', get(county, `/api/structure-statistics/${countyCode}/export`)),
    ];
    const timeFew = async (label: string, run: () => Promise<unknown>, gapMs = 0) => {
      await run();
      const samples: number[] = [];
      for (let index = 0; index < REPORT_RUNS; index += 1) {
        await new Promise((resolve) => setTimeout(resolve, gapMs));
        const started = performance.now();
        await run();
        samples.push(performance.now() - started);
      }
      return { label, p50: percentile(samples, 50), p95: percentile(samples, 95) };
    };
    results.push(await timeFew('analysis report of the county (Word, 6 charts)', report('docx')));
    results.push(await timeFew('analysis report of the county (PDF through LibreOffice), asked back to back', report('pdf')));
    // As officers ask: a request some seconds after the last, when the spare LibreOffice instance has come up.
    results.push(await timeFew(`analysis report of the county (PDF through LibreOffice), asked ${PDF_GAP_MS / 1000} s apart`, report('pdf'), PDF_GAP_MS));
    // The library alone: LibreOffice started to convert the same Word file, as a person would (`soffice --convert-to pdf`).
    const docx = (await report('docx')()).rawPayload;
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'houbei-bench-pdf-'));
    fs.writeFileSync(path.join(directory, 'report.docx'), docx);
    const soffice = () => execFileSync('soffice', [`-env:UserInstallation=file://${directory}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', directory, path.join(directory, 'report.docx')], { stdio: 'pipe' });
    results.push(await timeFew('  baseline: LibreOffice alone converting the same Word file (soffice --convert-to pdf)', async () => soffice()));
    fs.rmSync(directory, { recursive: true, force: true });
    console.log(`\n${kind}: ${RESERVES} reserves, ${RUNS} runs each (${REPORT_RUNS} for the analysis report); ${counted} counties counted in ${countSeconds.toFixed(1)} s\n`);
    console.log('| request | p50 ms | p95 ms |\n|---|---|---|');
    for (const result of results) console.log(`| ${result.label} | ${result.p50.toFixed(1)} | ${result.p95.toFixed(1)} |`);
    stopSpareConverter();
    await app.close();
  } finally {
    await drop();
  }
}

await main();
