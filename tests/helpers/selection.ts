import type { TestWorld } from './test-app.ts';

/** Drives candidates through the selection procedure over HTTP, for tests that need them at a given stage. */

type Cookie = string;

async function send(world: TestWorld, cookie: Cookie, method: 'GET' | 'POST', url: string, payload?: object): Promise<Record<string, unknown>> {
  const response = await world.app.inject({ method, url, headers: { cookie }, ...(payload && { payload }) });
  if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
  return response.json();
}

export async function nominateForTest(world: TestWorld, cookie: Cookie, orgCode: string, personId: string): Promise<string> {
  const candidate = await send(world, cookie, 'POST', '/api/selection-candidates', {
    orgCode, personId, channel: 'organization', profile: 'mature', targetPost: 'secretary', sourceCategory: 'graduate', nominatedOn: '2026-08-02',
    meeting: { kind: '村两委会议', heldOn: '2026-08-01', minutes: '研究推荐' },
  });
  return candidate.id as string;
}

const version = async (world: TestWorld, cookie: Cookie, id: string) => (await send(world, cookie, 'GET', `/api/selection-candidates/${id}`)).version as number;

/**
 * Takes a nominated candidate through review, evaluation, interview and shortlist, and sends it to
 * the 纪检监察机关 for joint review on 2026-08-18; returns the pending review.
 * `reviewCookie` must hold selection.review over the candidate's township (the administrator does).
 */
export async function driveToJointReview(world: TestWorld, reviewCookie: Cookie, candidateId: string, villageCode: string, townshipCode: string): Promise<{ id: string; version: number }> {
  const url = `/api/selection-candidates/${candidateId}`;
  await send(world, reviewCookie, 'POST', `${url}/qualification-review`, { reviewedOn: '2026-08-05', exclusionsFound: [], version: await version(world, reviewCookie, candidateId) });
  await send(world, reviewCookie, 'POST', '/api/evaluation-meetings', {
    orgCode: villageCode, heldOn: '2026-08-10', attendeeCount: 30, attendees: '全体党员',
    tallies: [{ candidateId, excellent: 20, competent: 8, basicallyCompetent: 1, incompetent: 1, version: await version(world, reviewCookie, candidateId) }],
  });
  await send(world, reviewCookie, 'POST', `${url}/interview`, {
    heldOn: '2026-08-12', interviewer: '考察组', presentPerformance: '好', massBase: '好', socialRelations: '简单', willingness: '愿意', health: '健康', conclusion: '同意',
    version: await version(world, reviewCookie, candidateId),
  });
  await send(world, reviewCookie, 'POST', '/api/shortlists', { orgCode: townshipCode, meetingOn: '2026-08-15', minutes: '专题会议', candidateIds: [candidateId] });
  const sent = await send(world, reviewCookie, 'POST', `${url}/joint-reviews`, { departments: ['纪检监察机关'], sentOn: '2026-08-18' });
  return (sent.jointReviews as { id: string; version: number }[])[0]!;
}

/**
 * Takes a nominated candidate through joint review (answered by `reviewerCookie`, a 纪检监察机关
 * user) into a public notice; returns the notice id.
 */
export async function driveToPublicNotice(world: TestWorld, reviewCookie: Cookie, reviewerCookie: Cookie, candidateId: string, villageCode: string, townshipCode: string): Promise<{ publicNoticeId: string; jointReviewId: string }> {
  const review = await driveToJointReview(world, reviewCookie, candidateId, villageCode, townshipCode);
  await send(world, reviewerCookie, 'POST', `/api/joint-reviews/${review.id}/answer`, { verdict: 'passed', comment: '无问题', answeredOn: '2026-08-20', version: review.version });
  const notice = await send(world, reviewCookie, 'POST', '/api/public-notices', { orgCode: townshipCode, startsOn: '2026-09-01', candidateIds: [candidateId], objectionContact: '镇纪委' });
  return { publicNoticeId: notice.id as string, jointReviewId: review.id };
}

export async function recordObjectionForTest(world: TestWorld, cookie: Cookie, publicNoticeId: string, candidateId: string): Promise<string> {
  const notice = await send(world, cookie, 'POST', `/api/public-notices/${publicNoticeId}/objections`, { candidateId, receivedOn: '2026-09-02', content: '反映问题' });
  return (notice.objections as { id: string }[]).at(-1)!.id;
}
