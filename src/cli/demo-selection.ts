import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { countyOf } from '../db/distribution.ts';
import { defaultPolicy, evaluateEligibility } from '../domain/eligibility.ts';
import { loadActor, contextFor } from '../modules/auth/auth.service.ts';
import { findUserIdByUsername } from '../modules/users/users.service.ts';
import {
  answerJointReview, decideAdmission, fileCandidate, getCandidate, nominateCandidate, recordEvaluationMeeting, recordInterview, reviewQualification,
  sendJointReview, setVillageNeed, shortlistCandidates, startPublicNotice,
} from '../modules/selection/selection.service.ts';
import type { RequestContext } from '../server/access.ts';

/** How far each demo candidate gets: the board then shows every column. */
const TARGETS = ['filed', 'publicNotice', 'jointReview', 'shortlist', 'interview', 'democraticEvaluation', 'jointReview', 'qualificationReview'] as const;

export async function actAs(db: Db, username: string, today: string): Promise<RequestContext> {
  const userId = await findUserIdByUsername(db, username);
  if (!userId) throw new Error(`demo user ${username} missing`);
  return contextFor(await loadActor(db, userId), 'local', today);
}

/**
 * The selection procedure in the demo township, done by the demo users as they would: surveyed
 * people who are not reserves are nominated by the village, and taken by the township through the
 * steps (one candidate filed by the county, one in its public notice, two waiting for the joint
 * review of 纪检监察机关 …), plus one candidate who does not meet the policy.
 */
/**
 * The year of the demo's selection round (surveys from late August, filed by 26 October): this
 * year once the round is over by today, else the year before; at most 2026, the last year of the
 * official working-day calendar the round's notice periods are counted on.
 */
export function demoRoundYear(today: string): number {
  const year = Number(today.slice(0, 4));
  return Math.min(2026, today >= `${year}-10-26` ? year : year - 1);
}

export async function loadDemoSelection(db: Db, townshipCode: string, today: string): Promise<void> {
  const year = demoRoundYear(today);
  const on = (monthDay: string) => `${year}-${monthDay}`;
  const clerk = await actAs(db, 'cunwu', today);
  const township = await actAs(db, 'xiangzhen', today);
  const county = await actAs(db, 'zuzhibu', today);
  const reviewer = await actAs(db, 'lianshen', today);
  const policy = defaultPolicy(on('03-31'));
  const { rows } = await sql<{ person_id: string; org_code: string; birth_date: string; political_status: string; education: string }>`
    SELECT l.person_id, l.org_code, to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date, p.political_status, p.education
    FROM talent_ledger_entry l JOIN person p ON p.id = l.person_id
    WHERE l.county_code = ${countyOf(townshipCode)} AND l.org_code LIKE ${`${townshipCode.slice(0, 9)}%`}
      AND NOT EXISTS (SELECT 1 FROM reserve r WHERE r.county_code = l.county_code AND r.person_id = l.person_id)
    ORDER BY l.org_code, p.name`.execute(db);
  const isEligible = (row: (typeof rows)[number]) => evaluateEligibility({ birthDate: row.birth_date, politicalStatus: row.political_status, education: row.education, exclusionsFound: [] }, policy).isEligible;
  const eligible = rows.filter(isEligible).slice(0, TARGETS.length - 1);
  const ineligible = rows.find((row) => !isEligible(row));
  const people = [...eligible, ...(ineligible ? [ineligible] : [])];
  // The village clerk's unit is the first village; the others are nominated by the township.
  const clerkVillage = clerk.actor.roles[0]!.orgCode;

  const villages = [...new Set(people.map((person) => person.org_code))];
  for (const [index, village] of villages.entries()) {
    await setVillageNeed(db, township, village, { need: index % 2 === 0 ? 'mature' : 'youngPotential', condition: index % 2 === 0 ? '书记年龄偏大，需要能尽快接任的人选' : '班子年龄结构老化，需要储备年轻人', version: null });
  }

  for (const [index, person] of people.entries()) {
    const target = index < eligible.length ? TARGETS[index]! : 'qualificationReview';
    const nominator = person.org_code === clerkVillage ? clerk : township;
    let candidate = await nominateCandidate(db, nominator, {
      orgCode: person.org_code, personId: person.person_id, channel: (['organization', 'masses', 'self'] as const)[index % 3]!, profile: index % 2 === 0 ? 'mature' : 'youngPotential',
      targetPost: index % 3 === 0 ? 'secretary' : 'committeeMember', sourceCategory: 'returneeEntrepreneur', nominatedOn: on('09-01'),
      meeting: { kind: '村两委会议', heldOn: on('08-28'), minutes: '村两委会议研究摸排名单，同意推荐为村级后备力量人选。' },
    });
    if (target === 'qualificationReview') continue;
    candidate = await reviewQualification(db, township, candidate.id, { reviewedOn: on('09-03'), exclusionsFound: [], notes: '经审查，符合资格条件', version: candidate.version });
    if (target === 'democraticEvaluation') continue;
    await recordEvaluationMeeting(db, township, {
      orgCode: person.org_code, heldOn: on('09-08'), attendeeCount: 50, attendees: '全体党员、村民代表', minutes: '民主测评会',
      tallies: [{ candidateId: candidate.id, excellent: 24 + index, competent: 12, basicallyCompetent: 3, incompetent: 1, version: candidate.version }],
    });
    candidate = await getCandidate(db, township, candidate.id);
    if (target === 'interview') continue;
    candidate = await recordInterview(db, township, candidate.id, {
      heldOn: on('09-10'), interviewer: '镇党委副书记', presentPerformance: '工作主动，带头发展产业', massBase: '群众评价较好', socialRelations: '社会关系简单',
      willingness: '愿意为村里服务', health: '健康', conclusion: '同意列入建议名单', version: candidate.version,
    });
    if (target === 'shortlist') continue;
    await shortlistCandidates(db, township, { orgCode: townshipCode, meetingOn: on('09-15'), minutes: '镇党委专题会议研究建议名单', candidateIds: [candidate.id] });
    candidate = await sendJointReview(db, township, candidate.id, { departments: ['纪检监察机关'], sentOn: on('09-16') });
    if (target === 'jointReview') continue;
    const review = candidate.jointReviews[0]!;
    await answerJointReview(db, reviewer, review.id, { verdict: 'passed', comment: '经查，未发现违纪违法问题', answeredOn: on('09-25'), version: review.version });
    await startPublicNotice(db, township, { orgCode: townshipCode, startsOn: on('10-12'), candidateIds: [candidate.id], objectionContact: '镇纪委（电话 028-38812345，镇政府二楼）' });
    if (target === 'publicNotice') continue;
    candidate = await getCandidate(db, township, candidate.id);
    candidate = await decideAdmission(db, township, candidate.id, { decidedOn: on('10-20'), minutes: '镇党委会议研究，同意确定为村级后备力量', readiness: 'withinTwoYears', version: candidate.version });
    await fileCandidate(db, county, candidate.id, { filedOn: on('10-26'), notes: '同意备案', version: candidate.version });
  }
}
