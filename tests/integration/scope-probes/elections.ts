import { addCalendarDays } from '../../../src/domain/election-arithmetic.ts';
import { addLedgerPerson, type TestWorld } from '../../helpers/test-app.ts';
import type { Probe, ProbeSet, SeededIds } from './types.ts';

/** Scope probes of the village 换届: plans, boards, the village election and its candidates, objections and reports (see scope.test.ts). */

/** The parts of the plan and village election responses the seeding reads. */
interface Seeded {
  id: string;
  version: number;
  villages: { id: string; orgCode: string }[];
  candidates: { id: string }[];
  objections: { id: string }[];
  violationReports: { id: string }[];
}

async function send(world: TestWorld, cookie: string, method: 'POST' | 'PUT', url: string, payload: unknown): Promise<Seeded> {
  const response = await world.app.inject({ method, url, headers: { cookie }, payload: payload as Record<string, unknown> });
  if (response.statusCode >= 300) throw new Error(`seeding ${url}: ${response.statusCode} ${response.body}`);
  return response.json();
}

async function seedTownB(world: TestWorld, admin: string): Promise<SeededIds> {
  const today = world.today;
  const plan = await send(world, admin, 'POST', '/api/election-plans', {
    orgCode: world.townshipB.code, termYear: 2026, startsOn: today, endsOn: addCalendarDays(today, 60), leadingGroup: '乙镇换届领导小组', standardPartySeats: 3, standardVillagersSeats: 3,
  });
  const electionId = plan.villages.find((village) => village.orgCode === world.townshipB.villageCode)!.id;
  const url = `/api/village-elections/${electionId}`;
  let election = await send(world, admin, 'PUT', `${url}/seats`, { partySeats: 3, villagersSeats: 3, basis: '乙镇职数依据', version: 1 });
  const person = await addLedgerPerson(world, admin, world.townshipB.villageCode, { name: '乙镇候选人' });
  election = await send(world, admin, 'POST', `${url}/candidates`, { committee: 'party', personId: person.personId, isSecretaryCandidate: true, recommendations: { membersAndMasses: 1, higherOrganisation: 0 }, proposedOn: today });
  election = await send(world, admin, 'PUT', `${url}/voter-register`, { registered: 100, publishedOn: today, electionDay: addCalendarDays(today, 25), version: election.version });
  election = await send(world, admin, 'POST', `${url}/objections`, { kind: 'register', receivedOn: today, content: '乙镇异议' });
  election = await send(world, admin, 'POST', `${url}/violation-reports`, { candidateId: election.candidates[0]!.id, kind: 'voteBuying', receivedOn: today, content: '乙镇举报' });
  return {
    electionPlanB: plan.id, electionVillageB: electionId, electionCandidateB: election.candidates[0]!.id, electionPersonB: person.personId,
    electionObjectionB: election.objections[0]!.id, electionViolationB: election.violationReports[0]!.id,
  };
}

const foreign = (method: 'GET' | 'POST' | 'PUT', path: (seeded: SeededIds) => string, payload?: (world: TestWorld, seeded: SeededIds) => unknown): Probe => ({
  kind: 'foreign',
  requests: (world, seeded) => [{ method, url: path(seeded), ...(payload && { payload: payload(world, seeded) }) }],
});
const village = (suffix: string) => (seeded: SeededIds) => `/api/village-elections/${seeded.electionVillageB}${suffix}`;

const probes: Record<string, Probe> = {
  'GET /api/election-board': { kind: 'list', requests: () => [{ method: 'GET', url: '/api/election-board' }, { method: 'GET', url: '/api/election-board?termYear=2026' }] },
  'GET /api/election-composition': {
    kind: 'foreign',
    requests: (world) => [world.townshipB.code, world.townshipB.villageCode].map((code) => ({ method: 'GET', url: `/api/election-composition?orgCode=${code}` })),
  },
  'GET /api/election-summary-table': {
    kind: 'foreign',
    requests: (world) => [{ method: 'GET', url: `/api/election-summary-table?orgCode=${world.townshipB.code}` }, { method: 'GET', url: `/api/election-summary-table?orgCode=${world.townshipB.code}&termYear=2026` }],
  },
  'GET /api/election-plans': { kind: 'list', requests: () => [{ method: 'GET', url: '/api/election-plans' }] },
  'POST /api/election-plans': {
    kind: 'foreign',
    requests: (world) => [{ method: 'POST', url: '/api/election-plans', payload: {
      orgCode: world.townshipB.code, termYear: 2027, startsOn: world.today, endsOn: world.today, leadingGroup: '越权', standardPartySeats: 3, standardVillagersSeats: 3,
    } }],
  },
  'GET /api/election-plans/{id}': foreign('GET', (seeded) => `/api/election-plans/${seeded.electionPlanB}`),
  'GET /api/village-elections/{id}': foreign('GET', village('')),
  'PUT /api/village-elections/{id}/plan': foreign('PUT', village('/plan'), () => ({ guidanceOfficer: '越权', responsibilities: [], secretaryMode: 'committee', version: 2 })),
  'PUT /api/village-elections/{id}/seats': foreign('PUT', village('/seats'), () => ({ partySeats: 5, villagersSeats: 5, basis: '越权', version: 2 })),
  'POST /api/village-elections/{id}/seat-approval': foreign('POST', village('/seat-approval'), (world) => ({ approvedOn: world.today, version: 2 })),
  'POST /api/village-elections/{id}/candidates': foreign('POST', village('/candidates'), (world, seeded) => ({
    committee: 'villagers', personId: seeded.electionPersonB, recommendations: { membersAndMasses: 1, higherOrganisation: 0 }, proposedOn: world.today,
  })),
  'POST /api/election-candidates/{id}/qualification': foreign('POST', (seeded) => `/api/election-candidates/${seeded.electionCandidateB}/qualification`, (world) => ({
    reviewedOn: world.today, inspection: '越权', exclusionsFound: [], isUnderPartyProbation: false, version: 1,
  })),
  'POST /api/election-candidates/{id}/sign-offs': foreign('POST', (seeded) => `/api/election-candidates/${seeded.electionCandidateB}/sign-offs`, (world) => ({ as: 'minister', signedOn: world.today })),
  'PUT /api/election-candidates/{id}/pledge': foreign('PUT', (seeded) => `/api/election-candidates/${seeded.electionCandidateB}/pledge`, (world) => ({ talkedOn: world.today, pledgedOn: null, version: 1 })),
  'POST /api/village-elections/{id}/candidate-approval': foreign('POST', village('/candidate-approval'), (world) => ({ approvedOn: world.today, version: 3 })),
  'POST /api/village-elections/{id}/votes': foreign('POST', village('/votes'), (world, seeded) => ({
    committee: 'party', kind: 'regular', heldOn: world.today, electorate: 10, present: 10, ballotsIssued: 10, ballotsCollected: 10, invalidBallots: 0,
    tallies: [{ candidateId: seeded.electionCandidateB, votesFor: 10, votesAgainst: 0, abstentions: 0 }], version: 3,
  })),
  'POST /api/village-elections/{id}/seat-reduction': foreign('POST', village('/seat-reduction'), (world) => ({ committee: 'party', seats: 1, approvedOn: world.today, basis: '越权', version: 3 })),
  'PUT /api/village-elections/{id}/posts': foreign('PUT', village('/posts'), (world, seeded) => ({
    committee: 'party', decidedOn: world.today, assignments: [{ candidateId: seeded.electionCandidateB, post: 'secretary' }], version: 3,
  })),
  'PUT /api/village-elections/{id}/voter-register': foreign('PUT', village('/voter-register'), (world) => ({ registered: 1, publishedOn: world.today, electionDay: addCalendarDays(world.today, 30), version: 3 })),
  'POST /api/village-elections/{id}/proxy-votes': foreign('POST', village('/proxy-votes'), (world) => ({
    voterName: '越权甲', proxyName: '越权乙', relationship: 'spouse', authorizedOn: world.today, version: 3,
  })),
  'PUT /api/village-elections/{id}/election-committee': foreign('PUT', village('/election-committee'), () => ({ members: [{ name: '越权', personId: null, leftOn: null }], version: 3 })),
  'POST /api/village-elections/{id}/objections': foreign('POST', village('/objections'), (world) => ({ kind: 'register', receivedOn: world.today, content: '越权' })),
  'POST /api/election-objections/{id}/handling': foreign('POST', (seeded) => `/api/election-objections/${seeded.electionObjectionB}/handling`, (world) => ({ handling: '越权', isUpheld: false, handledOn: world.today })),
  'POST /api/village-elections/{id}/risk-points': foreign('POST', village('/risk-points'), () => ({ kind: 'clan', description: '越权', measures: '越权', owner: '越权' })),
  'POST /api/village-elections/{id}/citizen-reporters': foreign('POST', village('/citizen-reporters'), (world) => ({ groupCode: `${world.townshipB.villageCode}001`, name: '越权' })),
  'POST /api/village-elections/{id}/violation-reports': foreign('POST', village('/violation-reports'), (world) => ({ candidateId: null, kind: 'other', receivedOn: world.today, content: '越权' })),
  'POST /api/election-violation-reports/{id}/handling': foreign('POST', (seeded) => `/api/election-violation-reports/${seeded.electionViolationB}/handling`, (world) => ({
    verification: '越权', isSubstantiated: true, handledOn: world.today,
  })),
  'POST /api/village-elections/{id}/result-notice': foreign('POST', village('/result-notice'), (world) => ({ startsOn: world.today, version: 3 })),
  'GET /api/village-elections/{id}/result-notice-document': foreign('GET', village('/result-notice-document')),
  'POST /api/village-elections/{id}/result-approval': foreign('POST', village('/result-approval'), (world) => ({ approvedOn: world.today, version: 3 })),
  'POST /api/village-elections/{id}/filing': foreign('POST', village('/filing'), (world) => ({ filedOn: world.today, version: 3 })),
  'PUT /api/village-elections/{id}/handover': foreign('PUT', village('/handover'), (world) => ({ handedOverOn: world.today, talks: [], version: 3 })),
};

export const electionProbes: ProbeSet = { seedTownB, probes };
