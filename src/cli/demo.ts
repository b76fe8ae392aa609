import { faker } from '@faker-js/faker/locale/zh_CN';
import crypto from 'node:crypto';
import type { Db } from '../db/database.ts';
import type { Role } from '../domain/roles.ts';
import { toStatisticalCode } from '../domain/org-code.ts';
import { systemContext, type SystemContext } from '../server/access.ts';
import type { Clock } from '../server/clock.ts';
import { generatePassword } from '../modules/auth/password.ts';
import { importCounty, orgUnitLookup } from '../modules/org-units/org-units.service.ts';
import { idNumberCheckCharacter } from '../domain/id-number.ts';
import type { CheckedPerson } from '../domain/person-rules.ts';
import type { SensitiveCipher } from '../server/sensitive-cipher.ts';
import { recordAuditEvent } from '../modules/audit/audit.service.ts';
import { encryptPerson, ledgerBulk, type PersonColumns } from '../modules/people/people.service.ts';
import { admitReservesInBulk } from '../modules/reserves/reserves.service.ts';
import { createUser, findUserIdByUsername } from '../modules/users/users.service.ts';
import { loadDemoCultivation } from '../modules/cultivation/cultivation-demo.ts';
import { demoRoundYear, loadDemoSelection } from './demo-selection.ts';
import { loadDemoElections } from './demo-elections.ts';
import { loadDemoManagement } from './demo-management.ts';

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
export async function loadDemo(db: Db, cipher: SensitiveCipher, clock: Clock, demoPassword: string | undefined, seed = 20261122): Promise<DemoResult> {
  if (await findUserIdByUsername(db, DEMO_USERS[0]!.username)) return { loaded: false, usernames: [] };
  const ctx = systemContext(clock.today());
  await importCounty(db, ctx, DEMO_COUNTY);
  const countyCode = toStatisticalCode(DEMO_COUNTY);
  const townships = (await orgUnitLookup.listChildren(db, countyCode)).filter((unit) => unit.level === 'township');
  const township = townships.find((unit) => unit.name.endsWith('镇') && unit.childCount > 5) ?? townships[0]!;
  const otherTownship = townships.find((unit) => unit.code !== township.code)!;
  const villages = (await orgUnitLookup.listChildren(db, township.code)).filter((unit) => unit.level === 'village');
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
  await loadDemoPeople(db, ctx, cipher, countyCode);
  await loadDemoSelection(db, township.code, ctx.today);
  await loadDemoCultivation(db, { countyCode, onDate: ctx.today });
  await loadDemoManagement(db, township.code, ctx.today);
  await loadDemoElections(db, township.code, ctx.today);
  return { loaded: true, password: demoPassword === undefined ? password : undefined, usernames: DEMO_USERS.map((user) => user.username) };
}

const SOURCES_VILLAGE = ['currentCadre', 'groupLeader', 'veteran', 'wealthyEntrepreneur', 'migrantWorker', 'graduate', 'cooperativeHead', 'villageDoctorTeacher', 'returneeEntrepreneur'];
const SOURCES_COMMUNITY = ['gridWorker', 'residentsGroupLeader', 'residentsRepresentative', 'socialOrganisationHead', 'socialWorker', 'buildingHead'];
const EDUCATION = ['juniorHigh', 'seniorHigh', 'seniorHigh', 'juniorCollege', 'juniorCollege', 'bachelor', 'bachelor', 'postgraduate'];
const MENTOR_POSTS = ['镇党委副书记', '镇党委委员', '包村干部', '驻村第一书记', '村党组织书记'];

/**
 * Synthetic people for every village of the demo county: a talent ledger of 6–10 surveyed people
 * (faker names, valid ID numbers of the county, phones) of whom 2–3 are reserves, written in bulk
 * with one audit event.
 */
async function loadDemoPeople(db: Db, ctx: SystemContext, cipher: SensitiveCipher, countyCode: string): Promise<void> {
  const villages = (await orgUnitLookup.listVillagesWithin(db, countyCode.slice(0, 6))).sort((a, b) => a.code.localeCompare(b.code));
  const people: PersonColumns[] = [];
  const placements: { personIndex: number; orgCode: string; sourceCategory: string; isAway: boolean; isReserve: boolean; readiness: string; targetPost: string; mentor: string }[] = [];
  let sequence = 0;
  for (const village of villages) {
    const count = faker.number.int({ min: 6, max: 10 });
    // Most villages meet coverage (≥ 2 reserves, one of them 35 or under); about one in eight has a
    // single reserve, and about one in eight none young enough: the coverage page has work to show.
    const shape = faker.helpers.weightedArrayElement([{ weight: 6, value: 'covered' }, { weight: 1, value: 'single' }, { weight: 1, value: 'noYoung' }] as const);
    const reserves = shape === 'single' ? 1 : faker.number.int({ min: 2, max: 3 });
    for (let index = 0; index < count; index += 1) {
      sequence += 1;
      const isReserve = index < reserves;
      const sex = faker.helpers.arrayElement(['male', 'female'] as const);
      // Reserves meet the demo's policy (中共党员, 大专 or above, 45 or under on its reference date, 31 March of the demo's round).
      const birthRange = !isReserve ? { from: '1971-01-01', to: '2001-12-31' }
        : shape === 'noYoung' || index > 0 ? { from: '1982-01-01', to: '1989-12-31' } : { from: '1992-01-01', to: '2001-12-31' };
      const birth = faker.date.between(birthRange);
      const birthText = birth.toISOString().slice(0, 10).replaceAll('-', '');
      const sequenceDigits = (sequence * 2 + (sex === 'male' ? 1 : 0)) % 1000;
      const first17 = `${DEMO_COUNTY}${birthText}${String(sequenceDigits).padStart(3, '0')}`;
      const idNumber = `${first17}${idNumberCheckCharacter(first17)}`;
      const isMember = isReserve || faker.datatype.boolean({ probability: 0.7 });
      const joinYear = Math.min(2024, birth.getUTCFullYear() + faker.number.int({ min: 20, max: 30 }));
      const checked: CheckedPerson = {
        name: faker.person.fullName({ sex }).replace(/\s+/g, ''),
        gender: sex,
        birthDate: `${birthText.slice(0, 4)}-${birthText.slice(4, 6)}-${birthText.slice(6, 8)}`,
        idNumber,
        phone: `1${faker.helpers.arrayElement(['3', '5', '7', '8', '9'])}${faker.string.numeric(9)}`,
        ethnicity: 'han',
        politicalStatus: isMember ? 'fullMember' : faker.helpers.arrayElement(['activist', 'masses']),
        partyJoinDate: isMember ? `${joinYear}-${String(faker.number.int({ min: 1, max: 12 })).padStart(2, '0')}-01` : null,
        education: faker.helpers.arrayElement(isReserve ? EDUCATION.filter((level) => ['juniorCollege', 'bachelor', 'postgraduate'].includes(level)) : EDUCATION),
        health: 'healthy',
        occupation: faker.helpers.arrayElement(['种植大户', '个体经营', '合作社负责人', '村干部', '外出务工', '乡村教师', '网格员']),
        nativePlace: '四川眉山',
        isLivingAway: faker.datatype.boolean({ probability: 0.15 }),
      };
      people.push(encryptPerson(cipher, checked));
      placements.push({
        personIndex: people.length - 1,
        orgCode: village.code,
        sourceCategory: faker.helpers.arrayElement(village.level === 'community' ? SOURCES_COMMUNITY : SOURCES_VILLAGE),
        isAway: checked.isLivingAway ?? false,
        isReserve,
        readiness: faker.helpers.arrayElement(['readyNow', 'withinTwoYears', 'withinTwoYears', 'longer']),
        targetPost: index === 0 ? 'secretary' : 'committeeMember',
        mentor: `${faker.person.fullName().replace(/\s+/g, '')} ${faker.helpers.arrayElement(MENTOR_POSTS)}`,
      });
    }
  }
  await db.transaction().execute(async (tx) => {
    const personIds = people.map(() => crypto.randomUUID());
    const personId = (index: number) => personIds[index]!;
    await ledgerBulk.insertPeopleWithLedgerEntries(tx, placements.map((placement) => ({
      id: personId(placement.personIndex), person: people[placement.personIndex]!,
      ledgerEntry: { orgCode: placement.orgCode, sourceCategory: placement.sourceCategory, isAway: placement.isAway },
    })), `${demoRoundYear(ctx.today)}-08-25`);
    await admitReservesInBulk(tx, ctx, placements.filter((placement) => placement.isReserve).map((placement) => {
      const [mentorName, mentorPost] = placement.mentor.split(' ');
      return {
        id: crypto.randomUUID(), personId: personId(placement.personIndex), orgCode: placement.orgCode, targetPost: placement.targetPost, readiness: placement.readiness,
        sourceCategory: placement.sourceCategory, mentorName: mentorName ?? null, mentorPost: mentorPost ?? null, notes: null,
      };
    }), '名册导入');
    await recordAuditEvent(tx, ctx, {
      action: 'demo.load',
      entityType: 'roster',
      entityId: countyCode,
      orgCode: countyCode,
      summary: `载入演示人员 ${people.length} 人，其中后备力量 ${placements.filter((placement) => placement.isReserve).length} 人`,
    });
  });
}
