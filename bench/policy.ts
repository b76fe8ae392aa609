/**
 * Policy re-evaluation benchmark: a jurisdiction whose eligibility policy governs 100,000 people
 * (admitted reserves and in-progress candidates) changes its policy, and every one of them is
 * re-evaluated under the old and the new rules — the preview (`previewPolicy`) and the save
 * (`savePolicy`: the diff computed again in the save's transaction, the new version, the audit
 * event), as service calls and, for the preview, through the whole HTTP stack.
 *
 * On PostgreSQL the jurisdiction is the city of Meishan (511400): 100,000 people over five of its
 * counties, and a sixth county (511403) with a policy of its own and 2,000 people who are read and
 * left out. On PGlite (no DATABASE_URL) it is county 511425 with BENCH_COUNTY_PEOPLE people (5,000).
 * Runs alone: `npx tsx bench/policy.ts` or `DATABASE_URL=postgres://… npx tsx bench/policy.ts`
 * (a fresh database on that server, dropped afterwards; BENCH_KEEP=1 keeps it, loaded).
 *
 * Baselines measured in the same run, between the timed calls: the same people's eligibility facts
 * read in raw SQL (no names, no villages, no mapping), and the eligibility engine alone evaluating
 * every one of them under both policies. Their sum is the floor of any re-evaluation done in the
 * process; each figure is reported beside it as a ratio.
 * Target: preview and save each under 10 s on PostgreSQL for 100,000 people.
 */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { defaultPolicy, evaluateEligibility, qingshenPreset, type ExclusionCode } from '../src/domain/eligibility.ts';
import { subtreePrefix, toStatisticalCode } from '../src/domain/org-code.ts';
import { importCounty } from '../src/modules/org-units/org-units.service.ts';
import { policyRepository } from '../src/modules/selection/policy.repository.ts';
import { previewPolicy, savePolicy } from '../src/modules/selection/policy.service.ts';
import type { TPolicyRules } from '../src/modules/selection/selection.schemas.ts';
import { createUser } from '../src/modules/users/users.service.ts';
import { systemContext, type Context } from '../src/server/access.ts';
import { buildApp } from '../src/server/app.ts';
import { systemClock } from '../src/server/clock.ts';
import { readConfig } from '../src/server/config.ts';
import { SensitiveCipher } from '../src/server/sensitive-cipher.ts';
import { createLog, openBenchDatabase, percentile } from './bench-database.ts';

const CITY = '511400';
const GOVERNED_COUNTIES = ['511425', '511402', '511421', '511423', '511424'];
/** A county below the city with a policy of its own: its people are not the city's to re-evaluate. */
const OWN_POLICY_COUNTY = '511403';
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 100_000);
const OWN_POLICY_PEOPLE = 2_000;
const COUNTY_PEOPLE = Number(process.env.BENCH_COUNTY_PEOPLE ?? 5_000);
/** One person in ten is a candidate still in the procedure; the rest are admitted reserves. */
const CANDIDATE_SHARE = 0.1;
const RUNS = Number(process.env.BENCH_POLICY_RUNS ?? 5);
const REFERENCE_DATE = '2026-03-31';
/** The change measured, back and forth: the three-year plan's default and 青神县's rules. */
const POLICIES = [defaultPolicy(REFERENCE_DATE), qingshenPreset(REFERENCE_DATE)] as TPolicyRules[];

const log = createLog();

/**
 * People of the given counties, spread over their villages, with birth dates over 35 years
 * (1966–2000), a mix of political status and education, and a disqualification found for one
 * candidate in fifty; a person is an admitted reserve or an in-progress candidate. Written with
 * INSERT … SELECT so that the load takes seconds.
 */
async function seed(database: Database, counties: readonly string[], people: number, tag: string): Promise<void> {
  const { db } = database;
  const prefixes = counties.map((county) => `${county}%`);
  const villages = (await db.selectFrom('org_unit').select('code').where('level', 'in', ['village', 'community']).where((eb) => eb.or(prefixes.map((prefix) => eb('code', 'like', prefix)))).orderBy('code').execute()).map((row) => row.code);
  await sql`
    INSERT INTO person (name, gender, birth_date, id_number_cipher, id_number_hash, id_number_masked, political_status, education)
    SELECT '评估' || g, CASE WHEN g % 3 = 0 THEN 'female' ELSE 'male' END, date '1966-01-01' + (g * 37 % 12780), 'v1.bench', ${tag} || g, '511425********0000',
      (ARRAY['fullMember','fullMember','fullMember','probationaryMember','activist','masses'])[1 + g % 6],
      (ARRAY['juniorHigh','seniorHigh','seniorHigh','juniorCollege','juniorCollege','bachelor','postgraduate'])[1 + g * 7 % 11 % 7]
    FROM generate_series(1, ${people}) g`.execute(db);
  const mine = sql`(SELECT id, substr(id_number_hash, ${tag.length + 1})::int AS g FROM person WHERE id_number_hash LIKE ${`${tag}%`})`;
  const village = sql`(${villages}::text[])[1 + p.g % ${villages.length}]`;
  const candidateEvery = Math.round(1 / CANDIDATE_SHARE);
  await sql`
    INSERT INTO reserve (county_code, person_id, org_code, status, target_post, readiness, source_category, admitted_on)
    SELECT substr(${village}, 1, 6), p.id, ${village}, 'admitted', 'committeeMember', 'withinTwoYears', 'graduate', date '2025-07-01'
    FROM ${mine} p WHERE p.g % ${candidateEvery} <> 0`.execute(db);
  await sql`
    INSERT INTO selection_candidate (county_code, person_id, org_code, stage, channel, profile, target_post, source_category, exclusions_found)
    SELECT substr(${village}, 1, 6), p.id, ${village}, (ARRAY['qualificationReview','democraticEvaluation','interview','shortlist','jointReview'])[1 + p.g / ${candidateEvery} % 5],
      'organization', 'mature', 'committeeMember', 'graduate', CASE WHEN p.g % 50 = 0 THEN '["badCredit"]'::jsonb ELSE '[]'::jsonb END
    FROM ${mine} p WHERE p.g % ${candidateEvery} = 0`.execute(db);
  log(`seeded ${people} people in ${counties.join(', ')}`);
}

interface Facts { birth_date: string; political_status: string; education: string; exclusions_found: ExclusionCode[] }

/** Baseline 1: the eligibility facts of the same people, read in raw SQL. */
async function readFacts(database: Database, prefix: string, excluded: readonly string[]): Promise<Facts[]> {
  const outside = excluded.length === 0 ? sql`true` : sql.join(excluded.map((other) => sql`x.org_code NOT LIKE ${`${other}%`}`), sql` AND `);
  const { rows } = await sql<Facts>`
    SELECT to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date, p.political_status, p.education, '[]'::jsonb AS exclusions_found
    FROM reserve x JOIN person p ON p.id = x.person_id WHERE x.status = 'admitted' AND x.org_code LIKE ${`${prefix}%`} AND ${outside}
    UNION ALL
    SELECT to_char(p.birth_date, 'YYYY-MM-DD'), p.political_status, p.education, x.exclusions_found
    FROM selection_candidate x JOIN person p ON p.id = x.person_id WHERE x.outcome = 'inProgress' AND x.org_code LIKE ${`${prefix}%`} AND ${outside}`.execute(database.db);
  return rows;
}

/** Baseline 2: the eligibility engine alone, every person under both policies. */
function evaluateAll(rows: readonly Facts[]): number {
  let changed = 0;
  for (const row of rows) {
    const facts = { birthDate: row.birth_date, politicalStatus: row.political_status, education: row.education, exclusionsFound: row.exclusions_found };
    if (evaluateEligibility(facts, POLICIES[0]!).isEligible !== evaluateEligibility(facts, POLICIES[1]!).isEligible) changed += 1;
  }
  return changed;
}

function median(values: readonly number[]): number {
  return percentile(values, 50);
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(2);
}

async function main(): Promise<void> {
  const { database, drop, kind, isLoaded } = await openBenchDatabase('policy');
  try {
    await migrate(database);
    const system = systemContext(systemClock.today());
    const isCity = kind === 'PostgreSQL';
    const jurisdiction = isCity ? toStatisticalCode(CITY) : toStatisticalCode(GOVERNED_COUNTIES[0]!);
    const loadStarted = performance.now();
    if (!isLoaded) {
      const counties = isCity ? [...GOVERNED_COUNTIES, OWN_POLICY_COUNTY] : [GOVERNED_COUNTIES[0]!];
      for (const county of counties) await importCounty(database.db, system, county);
      await seed(database, isCity ? GOVERNED_COUNTIES : [GOVERNED_COUNTIES[0]!], isCity ? PEOPLE : COUNTY_PEOPLE, 'pa-');
      if (isCity) {
        await seed(database, [OWN_POLICY_COUNTY], OWN_POLICY_PEOPLE, 'pb-');
        await policyRepository.insertVersion(database.db, { orgCode: toStatisticalCode(OWN_POLICY_COUNTY), versionNumber: 1, rules: POLICIES[0], note: '本县自定', createdBy: 'bench' });
      }
      await policyRepository.insertVersion(database.db, { orgCode: jurisdiction, versionNumber: 1, rules: POLICIES[0], note: '初始', createdBy: 'bench' });
      await createUser(database.db, system, {
        username: 'benchpolicy', displayName: '市委组织部', orgCode: jurisdiction, roles: [{ role: 'orgDepartment', orgCode: jurisdiction }], password: 'Bench12345', mustChangePassword: false,
      });
      await sql`ANALYZE`.execute(database.db);
    }
    const prefix = subtreePrefix(jurisdiction, isCity ? 'city' : 'county');
    const excluded = isCity ? [OWN_POLICY_COUNTY] : [];
    console.log(`${kind}: jurisdiction ${jurisdiction}, loaded in ${seconds(performance.now() - loadStarted)} s`);

    const app = await buildApp({ config: readConfig({}), database, cipher: new SensitiveCipher(crypto.randomBytes(32)), clock: systemClock });
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'benchpolicy', password: 'Bench12345' } });
    const cookie = `houbei_session=${login.cookies.find((item) => item.name === 'houbei_session')!.value}`;
    const ctx: Context = system;

    // The rules currently in force decide which way this run's change goes.
    const latest = async () => (await policyRepository.listVersions(database.db, jurisdiction))[0]!;
    const current = await latest();
    let nextIndex = (current.rules as TPolicyRules).maximumAge === POLICIES[0]!.maximumAge ? 1 : 0;

    const times = { read: [] as number[], engine: [] as number[], preview: [] as number[], previewHttp: [] as number[], save: [] as number[] };
    let evaluated = 0;
    let changed = 0;
    let responseBytes = 0;
    // One untimed round first (warm caches and JIT), then RUNS timed rounds.
    for (let round = 0; round <= RUNS; round += 1) {
      const measured: Record<keyof typeof times, number> = { read: 0, engine: 0, preview: 0, previewHttp: 0, save: 0 };
      const timed = async <T>(part: keyof typeof times, call: () => Promise<T> | T): Promise<T> => {
        const started = performance.now();
        const result = await call();
        measured[part] = performance.now() - started;
        return result;
      };
      const rows = await timed('read', () => readFacts(database, prefix, excluded));
      const engineChanged = await timed('engine', () => evaluateAll(rows));

      const rules = POLICIES[nextIndex]!;
      const diff = await timed('preview', () => previewPolicy(database.db, ctx, { orgCode: jurisdiction, rules }));
      evaluated = diff.evaluated;
      changed = diff.becameEligible.length + diff.becameIneligible.length;
      if (diff.evaluated !== rows.length || changed !== engineChanged) throw new Error(`preview evaluated ${diff.evaluated} (raw ${rows.length}), changed ${changed} (engine ${engineChanged})`);

      const response = await timed('previewHttp', () => app.inject({ method: 'POST', url: '/api/eligibility-policies/preview', headers: { cookie }, payload: { orgCode: jurisdiction, rules } }));
      if (response.statusCode !== 200) throw new Error(`preview over HTTP: ${response.statusCode} ${response.body.slice(0, 300)}`);
      responseBytes = response.rawPayload.length;

      const basedOn = (await latest()).version_number;
      await timed('save', () => savePolicy(database.db, ctx, { orgCode: jurisdiction, rules, note: `基准测试第 ${round} 轮`, basedOnVersion: basedOn }));
      nextIndex = 1 - nextIndex;
      if (round > 0) for (const part of Object.keys(times) as (keyof typeof times)[]) times[part].push(measured[part]);
      log(`${round === 0 ? 'warm-up' : `round ${round}`}: read ${measured.read.toFixed(0)} ms, engine ${measured.engine.toFixed(0)} ms, preview ${measured.preview.toFixed(0)} ms, over HTTP ${measured.previewHttp.toFixed(0)} ms, save ${measured.save.toFixed(0)} ms`);
    }
    await app.close();

    const floor = median(times.read) + median(times.engine);
    console.log(`\n${kind}, ${evaluated.toLocaleString('en')} people re-evaluated, ${changed.toLocaleString('en')} change (response ${(responseBytes / 1e6).toFixed(1)} MB), ${RUNS} runs`);
    console.log('\n| call | median s | slowest s | ratio to the floor (median) |\n|---|---|---|---|');
    console.log(`| baseline: facts read in raw SQL | ${seconds(median(times.read))} | ${seconds(Math.max(...times.read))} | |`);
    console.log(`| baseline: eligibility engine alone, both policies | ${seconds(median(times.engine))} | ${seconds(Math.max(...times.engine))} | |`);
    console.log(`| floor (the two together) | ${seconds(floor)} | | 1.00 |`);
    for (const [label, values] of [['preview (service)', times.preview], ['preview over HTTP', times.previewHttp], ['save (service)', times.save]] as const) {
      console.log(`| ${label} | ${seconds(median(values))} | ${seconds(Math.max(...values))} | ${(median(values) / floor).toFixed(2)} |`);
    }
  } finally {
    await drop();
  }
}

await main();
