import { addLedgerPerson, addReserve, type TestWorld } from '../../helpers/test-app.ts';
import ExcelJS from 'exceljs';
import { COMMITTEE_SHEET_COLUMNS } from '../../../src/modules/villages/committee-sheet-checker.ts';
import type { Probe, ProbeSet, SeededIds } from './types.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A 两委 roster file with its header only: the probes of the import are refused before it is read. */
async function committeeHeaderFile(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('两委成员').addRow([...COMMITTEE_SHEET_COLUMNS]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
const COMMITTEES_FILE = await committeeHeaderFile();

/** Scope probes of management and use: removals, coverage, village profiles and rosters, vacancies, appointments (see scope.test.ts). */

async function post(world: TestWorld, cookie: string, url: string, payload: unknown, method: 'POST' | 'PUT' = 'POST'): Promise<{ id?: string; version?: number }> {
  const response = await world.app.inject({ method, url, headers: { cookie }, payload: payload as Record<string, unknown> });
  if (response.statusCode >= 300) throw new Error(`seeding ${url}: ${response.statusCode} ${response.body}`);
  return response.json() as { id?: string; version?: number };
}

async function seedTownB(world: TestWorld, admin: string): Promise<SeededIds> {
  const village = world.townshipB.villageCode;
  const today = world.today;
  const reserve = await addReserve(world, admin, village, { name: '乙镇调整对象' });
  const removal = await post(world, admin, '/api/reserve-removals', { reserveId: reserve.reserveId, reasonCode: 'ownRequest', reasonText: '乙镇调整原因', proposedOn: today });
  const secretary = await addLedgerPerson(world, admin, village, { name: '乙镇书记' });
  const member = await post(world, admin, `/api/villages/${village}/committee-members`, { personId: secretary.personId, committee: 'party', post: 'secretary', termYear: 2021, startedOn: '2021-10-08' });
  await post(world, admin, `/api/secretaries/${member.id}/reviews`, { period: '2026-H1', reviewedOn: today, reviewers: '乙镇党委', counts: { good: 1, fairlyGood: 0, average: 0, poor: 0 }, result: 'good' });
  const vacancy = await post(world, admin, '/api/vacancies', { orgCode: village, committee: 'party', post: 'member', openedOn: today, cause: '乙镇委员辞职' });
  const candidate = await addReserve(world, admin, village, { name: '乙镇任用对象' });
  const appointment = await post(world, admin, '/api/appointments', { vacancyId: vacancy.id, reserveId: candidate.reserveId, termYear: 2021, recommendedOn: today, basis: '乙镇推荐' });
  const step = async (action: string, version: number, extra: object = {}) => post(world, admin, `/api/appointments/${appointment.id}/steps`, { action, occurredOn: today, version, ...extra });
  const approved = await step('approve', appointment.version!);
  const filed = await step('file', approved.version!);
  await step('startNotice', filed.version!, { noticeStarts: [{ orgCode: village, startsOn: today }] });
  const objected = await post(world, admin, `/api/appointments/${appointment.id}/objections`, { receivedOn: today, content: '乙镇反映的问题' }) as { objections?: { id: string }[] };
  return {
    managementReserveB: reserve.reserveId, managementReserveNameB: reserve.name, managementRemovalB: removal.id!,
    managementMemberB: member.id!, managementMemberNameB: '乙镇书记', managementPersonB: secretary.personId, managementVacancyB: vacancy.id!,
    managementCandidateB: candidate.reserveId, managementAppointmentB: appointment.id!, managementObjectionB: objected.objections![0]!.id,
  };
}

const probes: Record<string, Probe> = {
  'GET /api/committees/template': { kind: 'list', requests: () => [{ method: 'GET', url: '/api/committees/template' }] },
  'POST /api/committees/import': {
    kind: 'foreign',
    requests: (world) => [world.townshipB.code, world.townshipB.villageCode, world.countyCode].flatMap((code) => ['', '&dryRun=true'].map((query) => ({
      method: 'POST' as const, url: `/api/committees/import?orgCode=${code}${query}`, payload: COMMITTEES_FILE, contentType: XLSX,
    }))),
  },
  'POST /api/committees/import/errors': {
    kind: 'foreign',
    requests: (world) => [{ method: 'POST', url: `/api/committees/import/errors?orgCode=${world.townshipB.code}`, payload: COMMITTEES_FILE, contentType: XLSX }],
  },
  'GET /api/committees/export': {
    kind: 'list',
    requests: (world) => [world.townshipA.code, world.townshipB.code, world.countyCode].flatMap((code) => ['', '&includeSensitive=true'].map((query) => ({
      method: 'GET' as const, url: `/api/committees/export?orgCode=${code}${query}`,
    }))),
  },
  'GET /api/reserve-removals': { kind: 'list', requests: () => [{ method: 'GET', url: '/api/reserve-removals' }, { method: 'GET', url: '/api/reserve-removals?status=proposed' }] },
  'GET /api/reserve-adjustments': {
    kind: 'list',
    requests: (world) => [{ method: 'GET', url: '/api/reserve-adjustments' }, { method: 'GET', url: `/api/reserve-adjustments?orgCode=${world.townshipB.code}` }],
  },
  'POST /api/reserve-removals': {
    kind: 'foreign',
    requests: (world, seeded) => [{ method: 'POST', url: '/api/reserve-removals', payload: { reserveId: seeded.managementReserveB, reasonCode: 'ownRequest', reasonText: '越权', proposedOn: world.today } }],
  },
  'POST /api/reserve-removals/{id}/decision': {
    kind: 'foreign',
    requests: (world, seeded) => [{ method: 'POST', url: `/api/reserve-removals/${seeded.managementRemovalB}/decision`, payload: { decision: 'approve', decidedOn: world.today, version: 1 } }],
  },
  'POST /api/reserve-removals/{id}/filing': {
    kind: 'foreign',
    requests: (world, seeded) => [{ method: 'POST', url: `/api/reserve-removals/${seeded.managementRemovalB}/filing`, payload: { filedOn: world.today, version: 1 } }],
  },
  'GET /api/villages/{orgCode}': {
    kind: 'foreign',
    requests: (world) => [world.townshipB.villageCode, world.townshipB.code, world.countyCode].map((code) => ({ method: 'GET', url: `/api/villages/${code}` })),
  },
  'PUT /api/villages/{orgCode}/profile': {
    kind: 'foreign',
    requests: (world) => [{ method: 'PUT', url: `/api/villages/${world.townshipB.villageCode}/profile`, payload: {
      villageType: null, households: 1, population: 1, collectiveIncome: null, incomeYear: null, condition: 'ordinary', hasProminentProblems: false,
      secretaryNeedsAdjustment: false, needOverride: null, needOverrideReason: null, version: null,
    } }],
  },
  'POST /api/villages/{orgCode}/committee-members': {
    kind: 'foreign',
    requests: (world, seeded) => [{ method: 'POST', url: `/api/villages/${world.townshipB.villageCode}/committee-members`, payload: { personId: seeded.managementPersonB, committee: 'villagers', post: 'member', termYear: 2021, startedOn: '2021-10-08' } }],
  },
  'POST /api/committee-members/{id}/leaving': {
    kind: 'foreign',
    requests: (world, seeded) => [{ method: 'POST', url: `/api/committee-members/${seeded.managementMemberB}/leaving`, payload: { endedOn: world.today, reason: 'resigned', version: 1 } }],
  },
  'GET /api/vacancies': { kind: 'list', requests: (world) => [{ method: 'GET', url: '/api/vacancies' }, { method: 'GET', url: '/api/vacancies?openOnly=false' }, { method: 'GET', url: `/api/vacancies?orgCode=${world.townshipB.code}` }] },
  'POST /api/vacancies': {
    kind: 'foreign',
    requests: (world) => [{ method: 'POST', url: '/api/vacancies', payload: { orgCode: world.townshipB.villageCode, committee: 'party', post: 'member', openedOn: world.today, cause: '越权' } }],
  },
  'GET /api/vacancies/{id}/suggestions': { kind: 'foreign', requests: (_world, seeded) => [{ method: 'GET', url: `/api/vacancies/${seeded.managementVacancyB}/suggestions` }] },
  'GET /api/secretaries': {
    kind: 'foreign',
    requests: (world) => [world.townshipB.code, world.townshipB.villageCode, world.countyCode].map((code) => ({ method: 'GET', url: `/api/secretaries?orgCode=${code}` })),
  },
  'POST /api/secretaries/{id}/reviews': {
    kind: 'foreign',
    requests: (world, seeded) => [{ method: 'POST', url: `/api/secretaries/${seeded.managementMemberB}/reviews`, payload: { period: '2026-H2', reviewedOn: world.today, reviewers: '越权', counts: { good: 0, fairlyGood: 0, average: 0, poor: 1 }, result: 'poor' } }],
  },
  'POST /api/secretaries/{id}/training': {
    kind: 'foreign',
    requests: (world, seeded) => [{ method: 'POST', url: `/api/secretaries/${seeded.managementMemberB}/training`, payload: { startedOn: world.today, days: 1, method: 'centralised', course: '越权', organiser: '越权' } }],
  },
  'POST /api/secretaries/{id}/discipline': {
    kind: 'foreign',
    requests: (world, seeded) => [{ method: 'POST', url: `/api/secretaries/${seeded.managementMemberB}/discipline`, payload: { decidedOn: world.today, kind: '警告', description: '越权' } }],
  },
  'GET /api/appointments': { kind: 'list', requests: () => [{ method: 'GET', url: '/api/appointments' }, { method: 'GET', url: '/api/appointments?outcome=inProgress' }] },
  'POST /api/appointments': {
    kind: 'foreign',
    requests: (world, seeded) => [
      { method: 'POST', url: '/api/appointments', payload: { vacancyId: seeded.managementVacancyB, reserveId: seeded.managementCandidateB, termYear: 2021, recommendedOn: world.today, basis: '越权' } },
      { method: 'POST', url: '/api/appointments', payload: { orgCode: world.townshipA.villageCode, committee: 'party', post: 'member', reserveId: seeded.managementReserveB, termYear: 2021, recommendedOn: world.today, basis: '越权' } },
    ],
  },
  'GET /api/appointments/{id}': { kind: 'foreign', requests: (_world, seeded) => [{ method: 'GET', url: `/api/appointments/${seeded.managementAppointmentB}` }] },
  'POST /api/appointments/{id}/steps': {
    kind: 'foreign',
    requests: (world, seeded) => [{ method: 'POST', url: `/api/appointments/${seeded.managementAppointmentB}/steps`, payload: { action: 'withdraw', occurredOn: world.today, version: 4 } }],
  },
  'POST /api/appointments/{id}/objections': {
    kind: 'foreign',
    requests: (world, seeded) => [{ method: 'POST', url: `/api/appointments/${seeded.managementAppointmentB}/objections`, payload: { receivedOn: world.today, content: '越权' } }],
  },
  'POST /api/appointment-objections/{id}/handling': {
    kind: 'foreign',
    requests: (world, seeded) => [{ method: 'POST', url: `/api/appointment-objections/${seeded.managementObjectionB}/handling`, payload: { handling: '越权', isSubstantiated: false, handledOn: world.today } }],
  },
  'POST /api/appointments/{id}/by-election': {
    kind: 'foreign',
    requests: (world, seeded) => [{ method: 'POST', url: `/api/appointments/${seeded.managementAppointmentB}/by-election`, payload: { heldOn: world.today, eligibleVoters: 10, votesCast: 8, votesFor: 5, version: 4 } }],
  },
  'GET /api/coverage/{orgCode}': {
    kind: 'foreign',
    requests: (world) => [world.townshipB.code, world.townshipB.villageCode, world.countyCode].map((code) => ({ method: 'GET', url: `/api/coverage/${code}` })),
  },
};

export const managementProbes: ProbeSet = { seedTownB, probes };
