import { sql } from 'kysely';
import type { Database } from '../src/db/database.ts';
import { toStatisticalCode } from '../src/domain/org-code.ts';

/**
 * Reserves spread over the villages of the counties (code prefixes), each with a mentor, and
 * `years` years of records up to `onDate`: monthly logs (5% missing), quarterly summaries and
 * opinions (village and township), an annual result and a talk a year, three training sessions a
 * year per county (80% attendance). Written with INSERT … SELECT so that the load takes seconds, not hours.
 */
export async function seedCultivatedReserves(
  database: Database, counties: readonly string[], reserves: number, offset: number,
  options: { onDate: string; years: number; log: (message: string) => void },
): Promise<void> {
  const { db } = database;
  const { onDate, years, log } = options;
  const prefixes = counties.map((county) => `${county}%`);
  const villages = (await db.selectFrom('org_unit').select('code').where('level', 'in', ['village', 'community']).where((eb) => eb.or(prefixes.map((prefix) => eb('code', 'like', prefix)))).orderBy('code').execute()).map((row) => row.code);
  const firstYear = Number(onDate.slice(0, 4)) - years + 1;
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
    FROM ${assignments} a CROSS JOIN generate_series(0, ${years * 12 - 1}) k
    WHERE (${start}::date + make_interval(months => k) + interval '9 days')::date <= ${onDate}::date AND random() > 0.05`.execute(db);
  log('seeded contact logs');
  await sql`
    INSERT INTO mentoring_summary (county_code, assignment_id, reserve_id, org_code, year, quarter, content, opinion, recorded_by)
    SELECT a.county_code, a.id, a.reserve_id, a.org_code, ${firstYear} + k / 4, 1 + k % 4, '帮扶', '良好', 'bench'
    FROM ${assignments} a CROSS JOIN generate_series(0, ${years * 4 - 1}) k
    WHERE make_date(${firstYear} + k / 4, 3 * (1 + k % 4), 1) <= ${onDate}::date AND random() > 0.03`.execute(db);
  await sql`
    INSERT INTO assessment (county_code, reserve_id, org_code, kind, assessor, year, quarter, grade, opinion, assessed_on, recorded_by)
    SELECT r.county_code, r.id, r.org_code, 'quarterly', who, ${firstYear} + k / 4, 1 + k % 4, 'competent', '良好', make_date(${firstYear} + k / 4, 3 * (1 + k % 4), 25), 'bench'
    FROM ${mine} r CROSS JOIN generate_series(0, ${years * 4 - 1}) k CROSS JOIN (VALUES ('village'), ('township')) w(who)
    WHERE make_date(${firstYear} + k / 4, 3 * (1 + k % 4), 25) <= ${onDate}::date AND random() > 0.03`.execute(db);
  await sql`
    INSERT INTO assessment (county_code, reserve_id, org_code, kind, assessor, year, grade, opinion, assessed_on, recorded_by)
    SELECT r.county_code, r.id, r.org_code, 'annual', 'township', y, 'competent', '合格', make_date(y, 12, 28), 'bench'
    FROM ${mine} r CROSS JOIN generate_series(${firstYear}::int, ${firstYear + years - 2}::int) y`.execute(db);
  await sql`
    INSERT INTO annual_talk (county_code, reserve_id, org_code, talked_on, talker_name, content, recorded_by)
    SELECT r.county_code, r.id, r.org_code, make_date(y, 6, 18), '书记', '谈话', 'bench'
    FROM ${mine} r CROSS JOIN generate_series(${firstYear}::int, ${firstYear + years - 1}::int) y WHERE make_date(y, 6, 18) <= ${onDate}::date`.execute(db);
  log('seeded summaries, assessments and talks');
  for (const county of counties) {
    const countyCode = toStatisticalCode(county);
    for (let year = firstYear; year < firstYear + years; year += 1) {
      const sessions = [
        { method: 'centralised', start: `${year}-04-10`, end: `${year}-04-14`, days: 5 },
        { method: 'online', start: `${year}-06-02`, end: `${year}-06-02`, days: 1 },
        { method: 'meetingAsTraining', start: `${year}-09-12`, end: `${year}-09-12`, days: 1 },
      ].filter((session) => session.end <= onDate);
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

