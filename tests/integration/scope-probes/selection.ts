import { defaultPolicy } from '../../../src/domain/eligibility.ts';
import { addLedgerPerson } from '../../helpers/test-app.ts';
import { driveToPublicNotice, nominateForTest, recordObjectionForTest } from '../../helpers/selection.ts';
import type { ProbeSet } from './types.ts';

const RULES = defaultPolicy('2026-03-31');
const step = (id: string, path: string, payload: object) => ({ method: 'POST' as const, url: `/api/selection-candidates/${id}/${path}`, payload });

/**
 * Scope probes of the selection routes (see scope.test.ts). Town B gets a candidate in a public
 * notice with an objection, one at qualification review with an exception request, and a policy.
 */
export const selectionProbes: ProbeSet = {
  async seedTownB(world, admin) {
    const village = world.townshipB.villageCode;
    const reviewer = await world.login('reviewer');
    const inNotice = await nominateForTest(world, admin, village, (await addLedgerPerson(world, admin, village, { name: '乙镇人选甲' })).personId);
    const { publicNoticeId, jointReviewId } = await driveToPublicNotice(world, admin, reviewer, inNotice, village, world.townshipB.code);
    const objectionId = await recordObjectionForTest(world, admin, publicNoticeId, inNotice);
    const inReview = await nominateForTest(world, admin, village, (await addLedgerPerson(world, admin, village, { name: '乙镇人选乙', education: 'seniorHigh' })).personId);
    const exception = await world.app.inject({ method: 'POST', url: `/api/selection-candidates/${inReview}/exceptions`, headers: { cookie: admin }, payload: { rule: 'education', reason: '特别优秀' } });
    const exceptionId = (exception.json() as { exceptions: { id: string }[] }).exceptions[0]!.id;
    const attached = await world.app.inject({
      method: 'POST', url: `/api/selection-candidates/${inNotice}/attachments?fileName=minutes.pdf`, headers: { cookie: admin, 'content-type': 'application/pdf' }, payload: Buffer.from('%PDF-1.4 乙镇'),
    });
    const attachmentId = (attached.json() as { attachments: { id: string }[] }).attachments[0]!.id;
    return { selectionAttachment: attachmentId, selectionCandidateInNotice: inNotice, selectionCandidateInReview: inReview, selectionNotice: publicNoticeId, selectionJointReview: jointReviewId, selectionObjection: objectionId, selectionException: exceptionId };
  },
  probes: {
    'GET /api/eligibility-policies/effective': { kind: 'foreign', requests: (w) => [w.townshipB.code, w.townshipB.villageCode].map((code) => ({ method: 'GET', url: `/api/eligibility-policies/effective?orgCode=${code}` })) },
    'GET /api/eligibility-policies': { kind: 'foreign', requests: (w) => [{ method: 'GET', url: `/api/eligibility-policies?orgCode=${w.townshipB.code}` }] },
    'GET /api/eligibility-policies/presets': { kind: 'list', requests: () => [{ method: 'GET', url: '/api/eligibility-policies/presets' }] },
    'POST /api/eligibility-policies/preview': {
      kind: 'foreign',
      requests: (w) => [w.countyCode, w.townshipB.code].map((orgCode) => ({ method: 'POST', url: '/api/eligibility-policies/preview', payload: { orgCode, rules: RULES } })),
    },
    'POST /api/eligibility-policies': {
      kind: 'foreign',
      requests: (w) => [{ method: 'POST', url: '/api/eligibility-policies', payload: { orgCode: w.countyCode, rules: RULES, note: '越权', basedOnVersion: null } }],
    },
    'GET /api/official-calendar/years': { kind: 'list', requests: () => [{ method: 'GET', url: '/api/official-calendar/years' }] },
    'PUT /api/official-calendar/years/{year}': {
      kind: 'foreign', requests: () => [{ method: 'PUT', url: '/api/official-calendar/years/2027', payload: { holidays: ['2027-01-01'], makeUpWorkdays: [], version: null } }],
    },
    'GET /api/official-calendar/notice-period': { kind: 'list', requests: () => [{ method: 'GET', url: '/api/official-calendar/notice-period?startsOn=2026-09-01&workingDays=3' }] },
    'GET /api/selection-board': { kind: 'foreign', requests: (w) => [{ method: 'GET', url: `/api/selection-board?orgCode=${w.townshipB.code}` }] },
    'PUT /api/village-reserve-needs/{orgCode}': {
      kind: 'foreign', requests: (w) => [{ method: 'PUT', url: `/api/village-reserve-needs/${w.townshipB.villageCode}`, payload: { need: 'mature', version: null } }],
    },
    'GET /api/selection-candidates': {
      kind: 'list',
      requests: (w) => [
        { method: 'GET', url: '/api/selection-candidates?pageSize=200' },
        { method: 'GET', url: `/api/selection-candidates?orgCode=${w.townshipB.code}` },
        { method: 'GET', url: '/api/selection-candidates?stage=publicNotice' },
      ],
    },
    'POST /api/selection-candidates': {
      kind: 'foreign',
      requests: (w) => [{
        method: 'POST', url: '/api/selection-candidates',
        payload: { orgCode: w.townshipB.villageCode, personId: '00000000-0000-4000-8000-000000000001', channel: 'self', profile: 'mature', targetPost: 'secretary', sourceCategory: 'graduate', nominatedOn: '2026-08-02', meeting: { kind: '会议', heldOn: '2026-08-01', minutes: '越权' } },
      }],
    },
    'GET /api/selection-candidates/{id}': {
      kind: 'foreign', requests: (_w, s) => [s.selectionCandidateInNotice!, s.selectionCandidateInReview!].map((id) => ({ method: 'GET', url: `/api/selection-candidates/${id}` })),
    },
    'POST /api/selection-candidates/{id}/attachments': {
      kind: 'foreign',
      requests: (_w, s) => [{ method: 'POST', url: `/api/selection-candidates/${s.selectionCandidateInNotice}/attachments?fileName=x.pdf`, payload: Buffer.from('%PDF-1.4 越权'), contentType: 'application/pdf' }],
    },
    'GET /api/selection-candidates/{id}/attachments/{attachmentId}': {
      kind: 'foreign', requests: (_w, s) => [{ method: 'GET', url: `/api/selection-candidates/${s.selectionCandidateInNotice}/attachments/${s.selectionAttachment}` }],
    },
    'POST /api/selection-candidates/{id}/qualification-review': {
      kind: 'foreign', requests: (_w, s) => [step(s.selectionCandidateInReview!, 'qualification-review', { reviewedOn: '2026-08-05', exclusionsFound: [], version: 1 })],
    },
    'POST /api/selection-candidates/{id}/exceptions': {
      kind: 'foreign', requests: (_w, s) => [step(s.selectionCandidateInReview!, 'exceptions', { rule: 'age', reason: '越权' })],
    },
    'POST /api/eligibility-exceptions/{id}/decision': {
      kind: 'foreign', requests: (_w, s) => [{ method: 'POST', url: `/api/eligibility-exceptions/${s.selectionException}/decision`, payload: { approve: true, note: '越权' } }],
    },
    'POST /api/evaluation-meetings': {
      kind: 'foreign',
      requests: (w, s) => [{
        method: 'POST', url: '/api/evaluation-meetings',
        payload: { orgCode: w.townshipB.villageCode, heldOn: '2026-08-10', attendeeCount: 10, attendees: '越权', tallies: [{ candidateId: s.selectionCandidateInReview, excellent: 1, competent: 0, basicallyCompetent: 0, incompetent: 0, version: 1 }] },
      }, {
        method: 'POST', url: '/api/evaluation-meetings',
        payload: { orgCode: w.townshipA.villageCode, heldOn: '2026-08-10', attendeeCount: 10, attendees: '越权', tallies: [{ candidateId: s.selectionCandidateInReview, excellent: 1, competent: 0, basicallyCompetent: 0, incompetent: 0, version: 1 }] },
      }],
    },
    'POST /api/selection-candidates/{id}/interview': {
      kind: 'foreign',
      requests: (_w, s) => [step(s.selectionCandidateInReview!, 'interview', { heldOn: '2026-08-12', interviewer: '越权', presentPerformance: '越权', massBase: '越权', socialRelations: '越权', willingness: '越权', health: '越权', conclusion: '越权', version: 1 })],
    },
    'POST /api/shortlists': {
      kind: 'foreign',
      requests: (w, s) => [
        { method: 'POST', url: '/api/shortlists', payload: { orgCode: w.townshipB.code, meetingOn: '2026-08-15', minutes: '越权', candidateIds: [s.selectionCandidateInReview] } },
        { method: 'POST', url: '/api/shortlists', payload: { orgCode: w.townshipA.code, meetingOn: '2026-08-15', minutes: '越权', candidateIds: [s.selectionCandidateInReview] } },
      ],
    },
    'POST /api/selection-candidates/{id}/joint-reviews': {
      kind: 'foreign', requests: (_w, s) => [step(s.selectionCandidateInReview!, 'joint-reviews', { departments: ['纪检监察机关'], sentOn: '2026-08-18' })],
    },
    'POST /api/public-notices': {
      kind: 'foreign',
      requests: (w, s) => [
        { method: 'POST', url: '/api/public-notices', payload: { orgCode: w.townshipB.code, startsOn: '2026-09-01', candidateIds: [s.selectionCandidateInReview], objectionContact: '越权' } },
        { method: 'POST', url: '/api/public-notices', payload: { orgCode: w.townshipA.code, startsOn: '2026-09-01', candidateIds: [s.selectionCandidateInNotice], objectionContact: '越权' } },
      ],
    },
    'GET /api/public-notices/{id}': { kind: 'foreign', requests: (_w, s) => [{ method: 'GET', url: `/api/public-notices/${s.selectionNotice}` }] },
    'POST /api/public-notices/{id}/objections': {
      kind: 'foreign',
      requests: (_w, s) => [{ method: 'POST', url: `/api/public-notices/${s.selectionNotice}/objections`, payload: { candidateId: s.selectionCandidateInNotice, receivedOn: '2026-09-02', content: '越权' } }],
    },
    'POST /api/notice-objections/{id}/handling': {
      kind: 'foreign', requests: (_w, s) => [{ method: 'POST', url: `/api/notice-objections/${s.selectionObjection}/handling`, payload: { handling: '越权', isSubstantiated: false } }],
    },
    'POST /api/selection-candidates/{id}/decision': {
      kind: 'foreign', requests: (_w, s) => [step(s.selectionCandidateInNotice!, 'decision', { decidedOn: '2026-09-10', minutes: '越权', readiness: 'readyNow', version: 1 })],
    },
    'POST /api/selection-candidates/{id}/filing': { kind: 'foreign', requests: (_w, s) => [step(s.selectionCandidateInNotice!, 'filing', { filedOn: '2026-09-15', version: 1 })] },
    'POST /api/selection-candidates/{id}/rejection': {
      kind: 'foreign', requests: (_w, s) => [s.selectionCandidateInNotice!, s.selectionCandidateInReview!].map((id) => step(id, 'rejection', { occurredOn: '2026-09-02', reason: '越权', version: 1 })),
    },
    'POST /api/selection-candidates/{id}/withdrawal': {
      kind: 'foreign', requests: (_w, s) => [step(s.selectionCandidateInReview!, 'withdrawal', { occurredOn: '2026-09-02', reason: '越权', version: 1 })],
    },
    'GET /api/joint-reviews': { kind: 'list', requests: () => [{ method: 'GET', url: '/api/joint-reviews' }, { method: 'GET', url: '/api/joint-reviews?status=pending' }] },
    'POST /api/joint-reviews/{id}/answer': {
      kind: 'foreign', requests: (_w, s) => [{ method: 'POST', url: `/api/joint-reviews/${s.selectionJointReview}/answer`, payload: { verdict: 'concern', comment: '越权', version: 2 } }],
    },
    'POST /api/joint-reviews/{id}/reveal': {
      kind: 'foreign', requests: (_w, s) => [{ method: 'POST', url: `/api/joint-reviews/${s.selectionJointReview}/reveal` }],
    },
    'POST /api/joint-reviews/{id}/resolution': {
      kind: 'foreign', requests: (_w, s) => [{ method: 'POST', url: `/api/joint-reviews/${s.selectionJointReview}/resolution`, payload: { resolution: '越权', version: 2 } }],
    },
  },
};

