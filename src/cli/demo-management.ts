import { faker } from '@faker-js/faker';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { countyOf } from '../db/distribution.ts';
import { recommendReserve, takeAppointmentStep } from '../modules/appointments/appoint-reserve.ts';
import { proposeRemoval } from '../modules/reserves/reserve-removal.ts';
import { addMember, memberLeaves } from '../modules/villages/committee-roster.ts';
import { recordReview, recordTraining } from '../modules/villages/secretary-team.ts';
import { updateVillageProfile } from '../modules/villages/village-page.ts';
import { getVillageProfile } from '../modules/villages/village-profile.ts';
import { actAs } from './demo-selection.ts';

function daysBefore(today: string, days: number): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

const VILLAGE_TYPES = ['平坝农业村', '丘陵农业村', '城郊村', '特色产业村'];

/**
 * Management and use in the demo township, done by the demo users: village profiles, the 两委
 * rosters of the 2021 term (some secretaries also directors — 一肩挑), a secretary adjusted and a
 * member resigned (two vacancies), a reserve recommended for one of them, a removal proposed by the
 * village and waiting for the township, and the secretaries' first-half reviews and training.
 */
export async function loadDemoManagement(db: Db, townshipCode: string, today: string): Promise<void> {
  const township = await actAs(db, 'xiangzhen', today);
  const clerk = await actAs(db, 'cunwu', today);
  const clerkVillage = clerk.actor.roles[0]!.orgCode;
  const { rows: people } = await sql<{ person_id: string; org_code: string; is_reserve: boolean }>`
    SELECT l.person_id, l.org_code, EXISTS (SELECT 1 FROM reserve r WHERE r.county_code = l.county_code AND r.person_id = l.person_id) AS is_reserve
    FROM talent_ledger_entry l JOIN org_unit u ON u.code = l.org_code JOIN person p ON p.id = l.person_id
    WHERE l.county_code = ${countyOf(townshipCode)} AND u.parent_code = ${townshipCode} AND u.level IN ('village', 'community')
      AND NOT EXISTS (SELECT 1 FROM selection_candidate c WHERE c.county_code = l.county_code AND c.person_id = l.person_id)
    ORDER BY l.org_code, p.name`.execute(db);
  const villages = [...new Set(people.map((person) => person.org_code))];
  const termStart = '2021-10-08';
  const secretaries = new Map<string, string>();
  for (const [index, village] of villages.entries()) {
    const condition = (['ordinary', 'developingWell', 'ordinary', 'weakAndLax'] as const)[index % 4]!;
    // The selection demo may have set the village's need on its board: keep that override.
    const current = await getVillageProfile(db, township, village);
    await updateVillageProfile(db, township, village, {
      villageType: faker.helpers.arrayElement(VILLAGE_TYPES), households: faker.number.int({ min: 380, max: 1600 }), population: faker.number.int({ min: 1200, max: 5200 }),
      collectiveIncome: faker.number.float({ min: 3, max: 120, fractionDigits: 1 }), incomeYear: 2025, condition,
      hasProminentProblems: condition === 'weakAndLax', secretaryNeedsAdjustment: index === 1,
      needOverride: current.needOverride, needOverrideReason: current.needOverrideReason, version: current.version,
    });
    const locals = people.filter((person) => person.org_code === village && !person.is_reserve);
    const [secretary, member, director] = locals;
    if (!secretary || !member) continue;
    const seated = await addMember(db, township, { orgCode: village, personId: secretary.person_id, committee: 'party', post: 'secretary', termYear: 2021, startedOn: termStart });
    secretaries.set(village, seated.id);
    await addMember(db, township, { orgCode: village, personId: member.person_id, committee: 'party', post: 'member', termYear: 2021, startedOn: termStart });
    // Every other village: the secretary is also the villagers committee's director (一肩挑).
    const directorId = index % 2 === 0 || !director ? secretary.person_id : director.person_id;
    await addMember(db, township, { orgCode: village, personId: directorId, committee: 'villagers', post: 'director', termYear: 2021, startedOn: termStart });
    await addMember(db, township, { orgCode: village, personId: member.person_id, committee: 'villagers', post: 'member', termYear: 2021, startedOn: termStart });
  }
  for (const [village, memberId] of [...secretaries].slice(0, 6)) {
    await recordReview(db, township, memberId, {
      period: `${Number(today.slice(0, 4))}-H1`, reviewedOn: daysBefore(today, 120), reviewers: '镇党委班子成员、村党员代表、群众代表',
      counts: { good: faker.number.int({ min: 18, max: 30 }), fairlyGood: faker.number.int({ min: 3, max: 10 }), average: faker.number.int({ min: 0, max: 3 }), poor: 0 },
      result: village === villages[1] ? 'average' : 'good', finding: null,
    });
    await recordTraining(db, township, memberId, {
      startedOn: daysBefore(today, 150), days: 3, method: 'centralised', course: '全县村（社区）党组织书记素质能力提升培训班', organiser: '县委组织部',
    });
  }

  // A secretary adjusted (the village whose profile says so): the secretary's post is vacant.
  const adjustedVillage = villages[1];
  const adjusted = adjustedVillage ? secretaries.get(adjustedVillage) : undefined;
  if (adjusted) await memberLeaves(db, township, adjusted, { endedOn: daysBefore(today, 40), reason: 'adjusted', version: 1 });

  // A committee member resigned in the clerk's village; the township recommends one of its reserves.
  const { rows: [resigning] } = await sql<{ id: string; version: number }>`
    SELECT id, version FROM committee_member WHERE org_code = ${clerkVillage} AND committee = 'party' AND post = 'member' AND ended_on IS NULL LIMIT 1`.execute(db);
  const { rows: reserves } = await sql<{ id: string }>`SELECT id FROM reserve WHERE org_code = ${clerkVillage} AND status = 'admitted' ORDER BY id`.execute(db);
  if (resigning) {
    const left = await memberLeaves(db, township, resigning.id, { endedOn: daysBefore(today, 30), reason: 'resigned', version: resigning.version });
    const candidate = reserves[0];
    if (left.vacancyId && candidate) {
      const appointment = await recommendReserve(db, clerk, { vacancyId: left.vacancyId, reserveId: candidate.id, termYear: 2021, recommendedOn: daysBefore(today, 20), basis: '村党支部委员会研究，推荐为补缺人选' });
      await takeAppointmentStep(db, township, appointment.id, { action: 'approve', occurredOn: daysBefore(today, 15), version: appointment.version, note: '镇党委会议研究同意' });
    }
  }
  // A removal proposed by the village, waiting for the township.
  const leaving = reserves[1];
  if (leaving) {
    await proposeRemoval(db, clerk, { reserveId: leaving.id, reasonCode: 'movedAway', reasonText: '本人在外务工已满两年，无法参加村务工作', proposedOn: daysBefore(today, 5) });
  }
}
