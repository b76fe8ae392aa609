/**
 * The selection procedure (三推两选两公示), one use case per file; this file lists them for the
 * routes, the command line and the demo.
 */
export { nominateCandidate } from './nominate-candidate.ts';
export { listCandidates } from './list-candidates.ts';
export { getCandidate } from './get-candidate.ts';
export { reviewQualification } from './review-qualification.ts';
export { requestException, decideException } from './eligibility-exception.ts';
export { recordEvaluationMeeting } from './record-evaluation-meeting.ts';
export { recordInterview } from './record-interview.ts';
export { shortlistCandidates } from './shortlist-candidates.ts';
export { sendJointReview, answerJointReview, resolveConcern } from './joint-review.ts';
export { listJointReviewInbox, revealJointReviewCandidate } from './joint-review-inbox.ts';
export { startPublicNotice, getPublicNotice, recordObjection, handleObjection } from './public-notice.ts';
export { decideAdmission } from './decide-admission.ts';
export { fileCandidate } from './file-candidate.ts';
export { endProcedure } from './end-procedure.ts';
export { getBoard, setVillageNeed } from './selection-board.ts';
export { attachEvidence, getEvidence } from './selection-evidence.ts';
