/**
 * Reminder benchmark (issue 5, acceptance 6): the reminder list of a county with 2,000 reserves
 * and three years of records, and of a province-sized set of 100,000 reserves (on PostgreSQL).
 * Runs alone: `npx tsx bench/reminders.ts` (PGlite in a temp directory: the county only), or
 * `DATABASE_URL=postgres://… npx tsx bench/reminders.ts` (a fresh database on that server, dropped
 * afterwards: the county within a 100,000-reserve province, and the province; BENCH_KEEP=1 keeps
 * it, loaded, for the next run).
 * Targets: county under 100 ms, province under 2 s (p95 of the service call, warm).
 */
import { sql } from 'kysely';
import type { Database } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { todayInChina } from '../src/domain/dates.ts';
import { toStatisticalCode } from '../src/domain/org-code.ts';
import { askedMasks, computeReminders } from '../src/domain/reminders.ts';
import { remindersRepository } from '../src/modules/cultivation/reminders.repository.ts';
import { listUnitReminders, loadReminderFacts } from '../src/modules/cultivation/reminders.service.ts';
import { importCounty } from '../src/modules/org-units/org-units.service.ts';
import { systemContext } from '../src/server/access.ts';
import { systemClock } from '../src/server/clock.ts';
import { createLog, openBenchDatabase, percentile } from './bench-database.ts';
import { seedCultivatedReserves } from './cultivation-seed.ts';

/** The county measured, and the others of its city that make up the province-sized set. */
const COUNTY = '511425';
const OTHER_COUNTIES = ['511402', '511421', '511423', '511424', '511403'];
const COUNTY_RESERVES = Number(process.env.BENCH_COUNTY_RESERVES ?? 2_000);
const PROVINCE_RESERVES = Number(process.env.BENCH_PROVINCE_RESERVES ?? 100_000);
/** Today by default: the live case, answered from the roll-ups (a past date sums the records instead). */
const ON_DATE = process.env.BENCH_ON_DATE ?? todayInChina();
const YEARS = 3;
const COUNTY_RUNS = Number(process.env.BENCH_COUNTY_RUNS ?? 30);
const PROVINCE_RUNS = Number(process.env.BENCH_PROVINCE_RUNS ?? 7);

const log = createLog();

async function time(runs: number, call: () => Promise<{ total: number }>): Promise<{ p50: number; p95: number; total: number }> {
  await call();
  const durations: number[] = [];
  let total = 0;
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    total = (await call()).total;
    durations.push(performance.now() - started);
  }
  return { p50: percentile(durations, 50), p95: percentile(durations, 95), total };
}

async function main(): Promise<void> {
  const { database, drop, kind, isLoaded } = await openBenchDatabase('reminders');
  try {
    await migrate(database);
    const ctx = systemContext(systemClock.today());
    const isProvince = kind === 'PostgreSQL' || process.env.BENCH_PROVINCE === '1';
    const counties = isProvince ? [COUNTY, ...OTHER_COUNTIES] : [COUNTY];
    let started = performance.now();
    if (!isLoaded) {
      for (const county of counties) await importCounty(database.db, ctx, county);
      await seedCultivatedReserves(database, [COUNTY], COUNTY_RESERVES, 0, { onDate: ON_DATE, years: YEARS, log });
      if (isProvince) await seedCultivatedReserves(database, OTHER_COUNTIES, PROVINCE_RESERVES - COUNTY_RESERVES, 1, { onDate: ON_DATE, years: YEARS, log });
      await sql`ANALYZE`.execute(database.db);
    }
    const counts = await sql<{ reserves: number; contacts: number; assessments: number; attendance: number }>`
      SELECT (SELECT count(*) FROM reserve)::int AS reserves, (SELECT count(*) FROM mentor_contact)::int AS contacts,
        (SELECT count(*) FROM assessment)::int AS assessments, (SELECT count(*) FROM training_attendance)::int AS attendance`.execute(database.db);
    console.log(`${kind}: loaded ${JSON.stringify(counts.rows[0])} in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const countyCode = toStatisticalCode(COUNTY);
    // Where the time goes: the two fact queries, and the pure computation.
    for (let run = 0; run < 3; run += 1) {
      let mark = performance.now();
      const reservesFacts = await remindersRepository.listReserveFacts(database.db, { prefix: COUNTY, onDate: ON_DATE, useRollup: true });
      const reserveMs = performance.now() - mark;
      mark = performance.now();
      await remindersRepository.listAssignmentFacts(database.db, { prefix: COUNTY, onDate: ON_DATE, useRollup: true, asked: askedMasks(ON_DATE) });
      const assignmentMs = performance.now() - mark;
      mark = performance.now();
      const facts = await loadReminderFacts(database.db, { prefix: COUNTY, onDate: ON_DATE, today: systemClock.today() });
      const loadMs = performance.now() - mark;
      mark = performance.now();
      computeReminders(facts, ON_DATE);
      log(`county parts: reserve facts ${reserveMs.toFixed(1)} ms (${reservesFacts.length} rows), assignment facts ${assignmentMs.toFixed(1)} ms, both in parallel ${loadMs.toFixed(1)} ms, compute ${(performance.now() - mark).toFixed(1)} ms`);
    }
    const county = await time(COUNTY_RUNS, () => listUnitReminders(database.db, ctx, { orgCode: countyCode, onDate: ON_DATE, page: 1, pageSize: 50 }));
    console.log(`county ${COUNTY} (${COUNTY_RESERVES} reserves): p50 ${county.p50.toFixed(1)} ms, p95 ${county.p95.toFixed(1)} ms, ${county.total} reminders`);
    if (isProvince) {
      started = performance.now();
      const province = await time(PROVINCE_RUNS, () => listUnitReminders(database.db, ctx, { orgCode: '510000000000', onDate: ON_DATE, page: 1, pageSize: 50 }));
      console.log(`province (${PROVINCE_RESERVES} reserves): p50 ${province.p50.toFixed(1)} ms, p95 ${province.p95.toFixed(1)} ms, ${province.total} reminders`);
    }
  } finally {
    await drop();
  }
}

await main();
