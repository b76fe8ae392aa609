/**
 * Reminder benchmark (issue 5, acceptance 6): the reminder list of a county with 2,000 reserves
 * and three years of records, and of a province-sized set of 100,000 reserves (on PostgreSQL).
 * Runs alone: `npx tsx bench/reminders.ts` (PGlite in a temp directory: the county only), or
 * `DATABASE_URL=postgres://… npx tsx bench/reminders.ts` (a fresh database on that server, dropped
 * afterwards: the county within a 100,000-reserve province, and the province; BENCH_KEEP=1 keeps
 * it, loaded, for the next run).
 * Targets: county under 100 ms, province under 2 s (p95 of the service call, warm).
 */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { configureAuditChain } from '../src/modules/audit/audit.service.ts';
import { todayInChina } from '../src/domain/dates.ts';
import { toStatisticalCode } from '../src/domain/org-code.ts';
import { askedMasks, computeReminders } from '../src/domain/reminders.ts';
import { remindersRepository } from '../src/modules/cultivation/reminders.repository.ts';
import { listUnitReminders, loadReminderFacts } from '../src/modules/cultivation/reminders.service.ts';
import { importCounty } from '../src/modules/org-units/org-units.service.ts';
import { systemContext } from '../src/server/access.ts';
import { systemClock } from '../src/server/clock.ts';
import { createLog, openBenchDatabase, percentile } from './bench-database.ts';

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

/**
 * Reserves spread over the villages of the counties, each with a mentor, and three years of
 * records up to ON_DATE: monthly logs (5% missing), quarterly summaries and opinions (village and
 * township), an annual result and a talk a year, three training sessions a year per county (80%
 * attendance). Written with INSERT … SELECT so that the load takes seconds, not hours.
 */
async function seed(database: Database, counties: readonly string[], reserves: number, offset: number): Promise<void> {
  const { db } = database;
  const prefixes = counties.map((county) => `${county}%`);
  const villages = (await db.selectFrom('org_unit').select('code').where('level', 'in', ['village', 'community']).where((eb) => eb.or(prefixes.map((prefix) => eb('code', 'like', prefix)))).orderBy('code').execute()).map((row) => row.code);
  const firstYear = Number(ON_DATE.slice(0, 4)) - YEARS + 1;
  const start = `${firstYear}-01-01`;
  const tag = `b${offset}-`;
  await sql`
    INSERT INTO person (name, gender, birth_date, id_number_cipher, id_number_hash, id_number_masked, political_status, education)
    SELECT '后备' || (g + ${offset}), CASE WHEN g % 3 = 0 THEN 'female' ELSE 'male' END, date '1975-01-01' + (g * 37 % 9000), 'v1.bench', ${tag} || g, '511425********0000', 'fullMember',
      (ARRAY['seniorHigh','juniorCollege','bachelor'])[1 + g % 3]
    FROM generate_series(1, ${reserves}) g`.execute(db);
  await sql`
    INSERT INTO reserve (county_code, person_id, org_code, status, target_post, readiness, source_category, admitted_on, notes)
    SELECT substr(u.code, 1, 6), p.id, u.code, 'admitted', 'committeeMember', 'withinTwoYears', 'graduate', ${`${firstYear - 1}-07-01`}::date, ${tag}
    FROM person p, LATERAL (SELECT (${villages}::text[])[1 + (substr(p.id_number_hash, ${tag.length + 1})::int % ${villages.length})] AS code) u WHERE p.id_number_hash LIKE ${`${tag}%`}`.execute(db);
  // This batch's reserves and assignments are tagged (notes, mentor_title) so the inserts below need no join.
  const mine = sql`(SELECT id, org_code, county_code FROM reserve WHERE notes = ${tag})`;
  await sql`
    INSERT INTO mentoring_assignment (county_code, reserve_id, org_code, mentor_name, mentor_post, mentor_title, started_on)
    SELECT r.county_code, r.id, r.org_code, '导师', 'townshipLeader', ${tag}, ${start}::date FROM ${mine} r`.execute(db);
  const assignments = sql`(SELECT id, reserve_id, org_code, county_code FROM mentoring_assignment WHERE mentor_title = ${tag})`;
  log(`seeded ${reserves} reserves and their mentors`);
  await sql`
    INSERT INTO mentor_contact (county_code, assignment_id, reserve_id, org_code, contacted_on, form, thoughts, recorded_by)
    SELECT a.county_code, a.id, a.reserve_id, a.org_code, (${start}::date + make_interval(months => k) + interval '9 days')::date, 'talk', '思想稳定', 'bench'
    FROM ${assignments} a CROSS JOIN generate_series(0, ${YEARS * 12 - 1}) k
    WHERE (${start}::date + make_interval(months => k) + interval '9 days')::date <= ${ON_DATE}::date AND random() > 0.05`.execute(db);
  log('seeded contact logs');
  await sql`
    INSERT INTO mentoring_summary (county_code, assignment_id, reserve_id, org_code, year, quarter, content, opinion, recorded_by)
    SELECT a.county_code, a.id, a.reserve_id, a.org_code, ${firstYear} + k / 4, 1 + k % 4, '帮扶', '良好', 'bench'
    FROM ${assignments} a CROSS JOIN generate_series(0, ${YEARS * 4 - 1}) k
    WHERE make_date(${firstYear} + k / 4, 3 * (1 + k % 4), 1) <= ${ON_DATE}::date AND random() > 0.03`.execute(db);
  await sql`
    INSERT INTO assessment (county_code, reserve_id, org_code, kind, assessor, year, quarter, grade, opinion, assessed_on, recorded_by)
    SELECT r.county_code, r.id, r.org_code, 'quarterly', who, ${firstYear} + k / 4, 1 + k % 4, 'competent', '良好', make_date(${firstYear} + k / 4, 3 * (1 + k % 4), 25), 'bench'
    FROM ${mine} r CROSS JOIN generate_series(0, ${YEARS * 4 - 1}) k CROSS JOIN (VALUES ('village'), ('township')) w(who)
    WHERE make_date(${firstYear} + k / 4, 3 * (1 + k % 4), 25) <= ${ON_DATE}::date AND random() > 0.03`.execute(db);
  await sql`
    INSERT INTO assessment (county_code, reserve_id, org_code, kind, assessor, year, grade, opinion, assessed_on, recorded_by)
    SELECT r.county_code, r.id, r.org_code, 'annual', 'township', y, 'competent', '合格', make_date(y, 12, 28), 'bench'
    FROM ${mine} r CROSS JOIN generate_series(${firstYear}::int, ${firstYear + YEARS - 2}::int) y`.execute(db);
  await sql`
    INSERT INTO annual_talk (county_code, reserve_id, org_code, talked_on, talker_name, content, recorded_by)
    SELECT r.county_code, r.id, r.org_code, make_date(y, 6, 18), '书记', '谈话', 'bench'
    FROM ${mine} r CROSS JOIN generate_series(${firstYear}::int, ${firstYear + YEARS - 1}::int) y WHERE make_date(y, 6, 18) <= ${ON_DATE}::date`.execute(db);
  log('seeded summaries, assessments and talks');
  for (const county of counties) {
    const countyCode = toStatisticalCode(county);
    for (let year = firstYear; year < firstYear + YEARS; year += 1) {
      const sessions = [
        { method: 'centralised', start: `${year}-04-10`, end: `${year}-04-14`, days: 5 },
        { method: 'online', start: `${year}-06-02`, end: `${year}-06-02`, days: 1 },
        { method: 'meetingAsTraining', start: `${year}-09-12`, end: `${year}-09-12`, days: 1 },
      ].filter((session) => session.end <= ON_DATE);
      for (const session of sessions) {
        const inserted = await db.insertInto('training_session').values({ org_code: countyCode, name: `${year} ${session.method}`, method: session.method, organiser: '县委组织部', start_date: session.start, end_date: session.end, days: session.days }).returning('id').executeTakeFirstOrThrow();
        await sql`
          INSERT INTO training_attendance (county_code, session_id, reserve_id, org_code, attended, days_attended, method, end_date)
          SELECT r.county_code, ${inserted.id}::uuid, r.id, r.org_code, true, ${session.days}, ${session.method}, ${session.end}::date
          FROM ${mine} r WHERE r.org_code LIKE ${`${county}%`} AND random() > 0.2`.execute(db);
      }
    }
  }
}

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
    configureAuditChain({ key: crypto.randomBytes(32), checkpointFile: null });
    const ctx = systemContext(systemClock.today());
    const isProvince = kind === 'PostgreSQL' || process.env.BENCH_PROVINCE === '1';
    const counties = isProvince ? [COUNTY, ...OTHER_COUNTIES] : [COUNTY];
    let started = performance.now();
    if (!isLoaded) {
      for (const county of counties) await importCounty(database.db, ctx, county);
      await seed(database, [COUNTY], COUNTY_RESERVES, 0);
      if (isProvince) await seed(database, OTHER_COUNTIES, PROVINCE_RESERVES - COUNTY_RESERVES, 1);
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
