import { expect } from 'vitest';
import type { Http } from './http.ts';

interface CandidateView { id: string; orgCode: string; version: number; stage: string; jointReviewDepartments: string[] }

/**
 * Takes a nominated candidate over HTTP through every step up to the joint review and sends it to
 * 纪检监察机关 on `today`: qualification review, democratic evaluation, interview, shortlist.
 */
export async function sendToJointReview<T extends CandidateView>(township: Http, townshipCode: string, nominated: T, today: string): Promise<T> {
  let candidate = await township.call<T>('POST', `/api/selection-candidates/${nominated.id}/qualification-review`, { reviewedOn: today, exclusionsFound: [], notes: null, version: nominated.version }, 200);
  await township.call('POST', '/api/evaluation-meetings', {
    orgCode: candidate.orgCode, heldOn: today, attendeeCount: 40, attendees: '全体党员、村民代表', minutes: null,
    tallies: [{ candidateId: candidate.id, excellent: 25, competent: 10, basicallyCompetent: 3, incompetent: 1, version: candidate.version }],
  }, 200);
  candidate = await township.get<T>(`/api/selection-candidates/${candidate.id}`);
  candidate = await township.call<T>('POST', `/api/selection-candidates/${candidate.id}/interview`, {
    heldOn: today, interviewer: '考察组组长', presentPerformance: '工作积极', massBase: '群众认可', socialRelations: '无不良情况',
    willingness: '愿意任职', health: '健康', conclusion: '同意列入建议名单', version: candidate.version,
  }, 200);
  await township.call('POST', '/api/shortlists', { orgCode: townshipCode, meetingOn: today, minutes: '乡镇党委专题会议研究', candidateIds: [candidate.id] }, 200);
  candidate = await township.get<T>(`/api/selection-candidates/${candidate.id}`);
  expect(candidate.stage).toBe('jointReview');
  expect(candidate.jointReviewDepartments).toContain('纪检监察机关');
  await township.call('POST', `/api/selection-candidates/${candidate.id}/joint-reviews`, { departments: ['纪检监察机关'], sentOn: today }, 200);
  return candidate;
}
