import { faker } from '@faker-js/faker/locale/zh_CN';
import type { Db } from '../database.ts';
import type { Role } from '../../domain/roles.ts';
import { toStatisticalCode } from '../../domain/org-code.ts';
import { systemContext } from '../../server/access.ts';
import { generatePassword } from '../../modules/auth/password.ts';
import { orgUnitsRepository } from '../../modules/org-units/org-units.repository.ts';
import { importCounty } from '../../modules/org-units/org-units.service.ts';
import { usersRepository } from '../../modules/users/users.repository.ts';
import { createUser } from '../../modules/users/users.service.ts';

/** 青神县, Meishan, Sichuan: the county of seed 002. */
export const DEMO_COUNTY = '511425';

export interface DemoUser {
  username: string;
  role: Role;
  unit: 'county' | 'township' | 'otherTownship' | 'village';
  department?: string;
}

/** One user per role; README lists these names. */
export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'zuzhibu', role: 'orgDepartment', unit: 'county' },
  { username: 'xiangzhen', role: 'townshipCommittee', unit: 'township' },
  { username: 'xiangzhen2', role: 'townshipCommittee', unit: 'otherTownship' },
  { username: 'cunwu', role: 'villageClerk', unit: 'village' },
  { username: 'daoshi', role: 'mentor', unit: 'township' },
  { username: 'lianshen', role: 'jointReviewDepartment', unit: 'county', department: '纪检监察机关' },
  { username: 'shenji', role: 'auditor', unit: 'county' },
];

export interface DemoResult {
  loaded: boolean;
  password?: string;
  usernames: string[];
}

/**
 * Loads the demo once: the real county with its townships and villages, and one user per role.
 * The password is HOUBEI_DEMO_PASSWORD, or a random one returned to be printed once (and then
 * changed at first login).
 */
export async function loadDemo(db: Db, demoPassword: string | undefined, seed = 20261122): Promise<DemoResult> {
  if (await usersRepository.findByUsername(db, DEMO_USERS[0]!.username)) return { loaded: false, usernames: [] };
  const ctx = systemContext();
  await importCounty(db, ctx, DEMO_COUNTY);
  const countyCode = toStatisticalCode(DEMO_COUNTY);
  const townships = (await orgUnitsRepository.listChildren(db, countyCode)).filter((unit) => unit.level === 'township');
  const township = townships.find((unit) => unit.name.endsWith('镇') && unit.childCount > 5) ?? townships[0]!;
  const otherTownship = townships.find((unit) => unit.code !== township.code)!;
  const villages = (await orgUnitsRepository.listChildren(db, township.code)).filter((unit) => unit.level === 'village');
  const unitCodes = { county: countyCode, township: township.code, otherTownship: otherTownship.code, village: (villages[0] ?? township).code };

  faker.seed(seed);
  const password = demoPassword ?? generatePassword();
  for (const demoUser of DEMO_USERS) {
    const orgCode = unitCodes[demoUser.unit];
    await createUser(db, ctx, {
      username: demoUser.username,
      displayName: faker.person.fullName().replace(/\s+/g, ''),
      orgCode,
      roles: [{ role: demoUser.role, orgCode, department: demoUser.department ?? null }],
      password,
      mustChangePassword: demoPassword === undefined,
    });
  }
  return { loaded: true, password: demoPassword === undefined ? password : undefined, usernames: DEMO_USERS.map((user) => user.username) };
}
