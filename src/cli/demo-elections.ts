import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { ageOn } from '../domain/dates.ts';
import { addCalendarDays } from '../domain/election-arithmetic.ts';
import { educationRank } from '../domain/eligibility.ts';
import { addRiskPoint, reportViolation } from '../modules/elections/election-discipline.ts';
import { approvePartyCandidates, nominateCandidate, recordPledge, reviewCandidate, signOffCandidate } from '../modules/elections/election-candidates.ts';
import { createElectionPlan, setSeats } from '../modules/elections/election-plan.ts';
import { approveResult, fileResult, startResultNotice } from '../modules/elections/election-result.ts';
import { assignPosts, recordVote } from '../modules/elections/record-vote.ts';
import { getVillageElection } from '../modules/elections/village-election.ts';
import { saveVoterRegister } from '../modules/elections/voter-register.ts';
import type { RequestContext } from '../server/access.ts';
import { actAs } from './demo-selection.ts';

interface LedgerPerson { person_id: string; org_code: string; name: string; gender: string; birth_date: string; education: string; political_status: string }
type Election = Awaited<ReturnType<typeof getVillageElection>>;

/**
 * The demo township's 2026 换届, done by the demo users: one village finished and filed (its new
 * committees in the roster, a reserve used, its composition), one with the Party committee's formal
 * candidates approved and the 党员大会 to come, the clerk's village nominating with a risk point and
 * a violation report waiting for verification, a few with their seats set, the rest preparing.
 */
export async function loadDemoElections(db: Db, townshipCode: string, today: string): Promise<void> {
  const township = await actAs(db, 'xiangzhen', today);
  const clerk = await actAs(db, 'cunwu', today);
  const minister = await actAs(db, 'zuzhibu', today);
  const countySecretary = await actAs(db, 'admin', today);
  const day = (offset: number) => addCalendarDays(today, offset);
  const plan = await createElectionPlan(db, township, {
    orgCode: townshipCode, termYear: 2026, startsOn: day(-120), endsOn: day(60), standardPartySeats: 3, standardVillagersSeats: 3,
    leadingGroup: '组长：镇党委书记；副组长：镇党委副书记、组织委员；成员：镇纪委书记、各包村领导',
  });
  const { rows: people } = await sql<LedgerPerson>`
    SELECT l.person_id, l.org_code, p.name, p.gender, to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date, p.education, p.political_status
    FROM talent_ledger_entry l JOIN person p ON p.id = l.person_id JOIN org_unit u ON u.code = l.org_code
    WHERE u.parent_code = ${townshipCode} ORDER BY l.org_code, p.birth_date DESC, p.name`.execute(db);
  const clerkVillage = clerk.actor.roles[0]!.orgCode;
  const electionOf = (orgCode: string) => plan.villages.find((village) => village.orgCode === orgCode)!;
  const eligibleSecretary = (person: LedgerPerson) => person.political_status === 'fullMember' && educationRank(person.education) >= educationRank('seniorHigh') && ageOn(person.birth_date, day(60)) <= 45;
  const cast = (orgCode: string) => {
    const members = people.filter((person) => person.org_code === orgCode && person.political_status === 'fullMember');
    const secretary = members.find(eligibleSecretary);
    if (!secretary || members.length < 4) return null;
    return [secretary, ...members.filter((person) => person !== secretary).slice(0, 3)];
  };
  const canFinish = (orgCode: string) => {
    const party = cast(orgCode);
    const rest = people.filter((person) => person.org_code === orgCode && !party?.includes(person));
    return party !== null && rest.length >= 3 && rest.some((person) => person.gender === 'female');
  };
  const finished = plan.villages.find((village) => village.orgCode !== clerkVillage && canFinish(village.orgCode));
  const voting = plan.villages.find((village) => village.orgCode !== clerkVillage && village !== finished && cast(village.orgCode) !== null);

  const seats = (id: string, version: number) => setSeats(db, township, id, { partySeats: 3, villagersSeats: 3, basis: '按人口、面积和工作任务，村党组织委员会 3 名、村民委员会 3 名', version });
  const nominateAll = async (election: Election, party: LedgerPerson[], on: string, by: RequestContext) => {
    let current = election;
    for (const [index, person] of party.entries()) {
      current = await nominateCandidate(db, by, current.id, {
        committee: 'party', personId: person.person_id, isSecretaryCandidate: index === 0, isContinuing: false, recommendations: { membersAndMasses: 40 - index * 5, higherOrganisation: index === 0 ? 1 : 0 }, proposedOn: on,
      });
    }
    return current;
  };
  const approveParty = async (election: Election, party: LedgerPerson[]) => {
    let current = await nominateAll(election, party, day(-90), township);
    for (const candidate of current.candidates) {
      current = await reviewCandidate(db, township, candidate.id, { reviewedOn: day(-88), inspection: '考察组个别谈话 18 人，群众测评满意率 92%', exclusionsFound: [], isUnderPartyProbation: false, version: candidate.version });
      const reviewed = current.candidates.find((entry) => entry.id === candidate.id)!;
      current = await recordPledge(db, township, candidate.id, { talkedOn: day(-87), pledgedOn: day(-87), version: reviewed.version });
    }
    const secretary = current.candidates.find((candidate) => candidate.isSecretaryCandidate)!;
    await signOffCandidate(db, minister, secretary.id, { as: 'minister', signedOn: day(-86) });
    current = await signOffCandidate(db, countySecretary, secretary.id, { as: 'countySecretary', signedOn: day(-85) });
    return approvePartyCandidates(db, township, current.id, { approvedOn: day(-84), version: current.version });
  };

  if (finished) {
    const party = cast(finished.orgCode)!;
    let election = await approveParty(await seats(finished.id, 1), party);
    const ids = party.map((person) => election.candidates.find((candidate) => candidate.personId === person.person_id)!.id);
    election = await recordVote(db, township, election.id, {
      committee: 'party', kind: 'regular', heldOn: day(-70), electorate: 42, excused: [{ name: '外出务工党员', reason: 'awayOverSixMonths' }], present: 36,
      ballotsIssued: 36, ballotsCollected: 36, invalidBallots: 1,
      tallies: ids.map((candidateId, index) => ({ candidateId, votesFor: [33, 30, 27, 12][index]!, votesAgainst: [1, 3, 6, 20][index]!, abstentions: [1, 2, 2, 3][index]! })), version: election.version,
    });
    election = await assignPosts(db, township, election.id, { committee: 'party', decidedOn: day(-70), assignments: [{ candidateId: ids[0]!, post: 'secretary' }, { candidateId: ids[1]!, post: 'deputySecretary' }], version: election.version });
    election = await saveVoterRegister(db, township, election.id, { registered: 960, publishedOn: day(-60), electionDay: day(-38), version: election.version });
    const woman = people.find((person) => person.org_code === finished.orgCode && person.gender === 'female' && !party.includes(person));
    const villagers = [party[0]!, ...(woman ? [woman] : []), ...people.filter((person) => person.org_code === finished.orgCode && !party.includes(person) && person !== woman)].slice(0, 4);
    for (const person of villagers) {
      election = await nominateCandidate(db, township, election.id, {
        committee: 'villagers', personId: person.person_id, isSecretaryCandidate: false, isContinuing: false, recommendations: { membersAndMasses: 120, higherOrganisation: 0 }, proposedOn: day(-50),
      });
    }
    for (const candidate of election.candidates.filter((entry) => entry.committee === 'villagers')) {
      election = await reviewCandidate(db, township, candidate.id, { reviewedOn: day(-45), inspection: '联审无负面情形', exclusionsFound: [], isUnderPartyProbation: false, version: candidate.version });
    }
    const villagerIds = villagers.map((person) => election.candidates.find((candidate) => candidate.committee === 'villagers' && candidate.personId === person.person_id)!.id);
    election = await recordVote(db, township, election.id, {
      committee: 'villagers', kind: 'regular', heldOn: day(-38), present: 710, proxies: 36, ballotsIssued: 710, ballotsCollected: 708, invalidBallots: 6,
      tallies: villagerIds.map((candidateId, index) => ({ candidateId, votesFor: [612, 498, 430, 160][index]!, votesAgainst: 40, abstentions: 20 })), version: election.version,
    });
    election = await assignPosts(db, township, election.id, { committee: 'villagers', decidedOn: day(-38), assignments: [{ candidateId: villagerIds[0]!, post: 'director' }], version: election.version });
    election = await startResultNotice(db, township, election.id, { startsOn: day(-35), version: election.version });
    election = await approveResult(db, township, election.id, { approvedOn: day(-12), version: election.version });
    await fileResult(db, minister, election.id, { filedOn: day(-10), version: election.version });
  }
  if (voting) await approveParty(await seats(voting.id, 1), cast(voting.orgCode)!);

  // The clerk's village: nominating, with a risk point and a report waiting for the township.
  const own = electionOf(clerkVillage);
  let election = await seats(own.id, 1);
  const locals = people.filter((person) => person.org_code === clerkVillage && person.political_status === 'fullMember').slice(0, 3);
  election = await nominateAll(election, locals, day(-20), clerk);
  election = await addRiskPoint(db, clerk, election.id, { kind: 'clan', description: '村内两大姓氏历来竞争激烈，上届选举有过争议', measures: '镇党委班子成员包村，选前逐户走访，宣讲换届纪律', owner: '镇纪委书记' });
  if (election.candidates[1]) {
    await reportViolation(db, clerk, election.id, { candidateId: election.candidates[1].id, kind: 'voteBuying', receivedOn: day(-5), content: '群众反映有人以请吃饭的方式为该候选人拉票，请核查' });
  }
  // A few more with their seats set; the rest are still preparing.
  for (const village of plan.villages.filter((entry) => entry.orgCode !== clerkVillage && entry !== finished && entry !== voting).slice(0, 3)) await seats(village.id, 1);
}
