/**
 * The selection procedure (选拔: 三推两选两公示), the eligibility policy (资格条件), the official
 * calendar (工作日历) and the joint review (联审). Shapes come from the server's Zod schemas;
 * dates arrive as ISO strings.
 */
import type { z } from 'zod';
import type {
  ZAnswerJointReview, ZBoard, ZCalendarYear, ZCalendarYearList, ZCandidateCard, ZCandidateDetail, ZCandidateList, ZDecide, ZDecideException,
  ZEndProcedure, ZEvaluationMeeting, ZEvaluationResult, ZEffectivePolicy, ZFile, ZHandleObjection, ZInterview, ZJointReviewList, ZNominate,
  ZNoticePeriod, ZObjection, ZPolicyDiff, ZPolicyPresetList, ZPolicyRules, ZPolicyVersionList, ZPublicNotice, ZPutCalendarYear, ZQualificationReview,
  ZRecordObjection, ZRequestException, ZResolveConcern, ZSavedPolicy, ZSendJointReview, ZShortlist, ZShortlistResult, ZStartNotice, ZVillageNeed,
} from '../../../src/modules/selection/selection.schemas.ts';
import { api, type Query } from './client.ts';

/** A response type as it arrives over JSON: Date fields become ISO strings. */
export type Json<T> = T extends Date ? string
  : T extends readonly (infer U)[] ? Json<U>[]
    : T extends object ? { [K in keyof T]: Json<T[K]> }
      : T;
type Out<S extends z.ZodType> = Json<z.infer<S>>;
type In<S extends z.ZodType> = z.input<S>;

export type PolicyRules = z.infer<typeof ZPolicyRules>;
export type EffectivePolicy = Out<typeof ZEffectivePolicy>;
export type PolicyVersionList = Out<typeof ZPolicyVersionList>;
export type PolicyVersion = PolicyVersionList['versions'][number];
export type PolicyPresetList = Out<typeof ZPolicyPresetList>;
export type PolicyDiff = Out<typeof ZPolicyDiff>;
export type SavedPolicy = Out<typeof ZSavedPolicy>;

export type CalendarYear = Out<typeof ZCalendarYear>;
export type CalendarYearList = Out<typeof ZCalendarYearList>;
export type PutCalendarYearInput = In<typeof ZPutCalendarYear>;
export type NoticePeriod = Out<typeof ZNoticePeriod>;

export type CandidateCard = Out<typeof ZCandidateCard>;
export type CandidateList = Out<typeof ZCandidateList>;
export type CandidateDetail = Out<typeof ZCandidateDetail>;
export type Step = CandidateDetail['steps'][number];
export type EligibilityException = CandidateDetail['exceptions'][number];
export type JointReview = CandidateDetail['jointReviews'][number];
export type Objection = Out<typeof ZObjection>;
export type Board = Out<typeof ZBoard>;
export type BoardVillage = Board['villages'][number];
export type JointReviewList = Out<typeof ZJointReviewList>;
export type JointReviewItem = JointReviewList['reviews'][number];
export type JointReviewStatus = JointReview['status'];
export type PublicNotice = Out<typeof ZPublicNotice>;
export type EvaluationResult = Out<typeof ZEvaluationResult>;
export type ShortlistResult = Out<typeof ZShortlistResult>;

export type NominateInput = In<typeof ZNominate>;
export type QualificationReviewInput = In<typeof ZQualificationReview>;
export type RequestExceptionInput = In<typeof ZRequestException>;
export type DecideExceptionInput = In<typeof ZDecideException>;
export type EvaluationMeetingInput = In<typeof ZEvaluationMeeting>;
export type InterviewInput = In<typeof ZInterview>;
export type ShortlistInput = In<typeof ZShortlist>;
export type SendJointReviewInput = In<typeof ZSendJointReview>;
export type AnswerJointReviewInput = In<typeof ZAnswerJointReview>;
export type ResolveConcernInput = In<typeof ZResolveConcern>;
export type StartNoticeInput = In<typeof ZStartNotice>;
export type RecordObjectionInput = In<typeof ZRecordObjection>;
export type HandleObjectionInput = In<typeof ZHandleObjection>;
export type DecideInput = In<typeof ZDecide>;
export type FileInput = In<typeof ZFile>;
export type EndProcedureInput = In<typeof ZEndProcedure>;
export type VillageNeedInput = In<typeof ZVillageNeed>;

const id = (value: string) => encodeURIComponent(value);

export const policyApi = {
  effective: (orgCode: string, signal?: AbortSignal) => api.get<EffectivePolicy>('/api/eligibility-policies/effective', { orgCode }, signal),
  versions: (orgCode: string, signal?: AbortSignal) => api.get<PolicyVersionList>('/api/eligibility-policies', { orgCode }, signal),
  presets: (signal?: AbortSignal) => api.get<PolicyPresetList>('/api/eligibility-policies/presets', undefined, signal),
  preview: (orgCode: string, rules: PolicyRules) => api.post<PolicyDiff>('/api/eligibility-policies/preview', { orgCode, rules }),
  save: (input: { orgCode: string; rules: PolicyRules; note: string; basedOnVersion: number | null }) => api.post<SavedPolicy>('/api/eligibility-policies', input),
};

export const calendarApi = {
  years: (signal?: AbortSignal) => api.get<CalendarYearList>('/api/official-calendar/years', undefined, signal),
  putYear: (year: number, input: PutCalendarYearInput) => api.put<CalendarYearList>(`/api/official-calendar/years/${year}`, input),
  noticePeriod: (startsOn: string, workingDays: number, postingDayCounts: boolean, signal?: AbortSignal) =>
    api.get<NoticePeriod>('/api/official-calendar/notice-period', { startsOn, workingDays, postingDayCounts: String(postingDayCounts) }, signal),
};

export const selectionApi = {
  board: (orgCode: string, signal?: AbortSignal) => api.get<Board>('/api/selection-board', { orgCode }, signal),
  list: (query: Query, signal?: AbortSignal) => api.get<CandidateList>('/api/selection-candidates', query, signal),
  get: (candidateId: string, signal?: AbortSignal) => api.get<CandidateDetail>(`/api/selection-candidates/${id(candidateId)}`, undefined, signal),
  nominate: (input: NominateInput) => api.post<CandidateDetail>('/api/selection-candidates', input),
  reviewQualification: (candidateId: string, input: QualificationReviewInput) => api.post<CandidateDetail>(`/api/selection-candidates/${id(candidateId)}/qualification-review`, input),
  requestException: (candidateId: string, input: RequestExceptionInput) => api.post<unknown>(`/api/selection-candidates/${id(candidateId)}/exceptions`, input),
  decideException: (exceptionId: string, input: DecideExceptionInput) => api.post<unknown>(`/api/eligibility-exceptions/${id(exceptionId)}/decision`, input),
  recordEvaluation: (input: EvaluationMeetingInput) => api.post<EvaluationResult>('/api/evaluation-meetings', input),
  recordInterview: (candidateId: string, input: InterviewInput) => api.post<CandidateDetail>(`/api/selection-candidates/${id(candidateId)}/interview`, input),
  shortlist: (input: ShortlistInput) => api.post<ShortlistResult>('/api/shortlists', input),
  sendJointReview: (candidateId: string, input: SendJointReviewInput) => api.post<unknown>(`/api/selection-candidates/${id(candidateId)}/joint-reviews`, input),
  jointReviews: (status?: JointReviewStatus, signal?: AbortSignal) => api.get<JointReviewList>('/api/joint-reviews', { status }, signal),
  revealJointReviewCandidate: (id: string) => api.post<{ idNumber: string }>(`/api/joint-reviews/${encodeURIComponent(id)}/reveal`),
  answerJointReview: (reviewId: string, input: AnswerJointReviewInput) => api.post<unknown>(`/api/joint-reviews/${id(reviewId)}/answer`, input),
  resolveConcern: (reviewId: string, input: ResolveConcernInput) => api.post<unknown>(`/api/joint-reviews/${id(reviewId)}/resolution`, input),
  startNotice: (input: StartNoticeInput) => api.post<PublicNotice>('/api/public-notices', input),
  notice: (noticeId: string, signal?: AbortSignal) => api.get<PublicNotice>(`/api/public-notices/${id(noticeId)}`, undefined, signal),
  recordObjection: (noticeId: string, input: RecordObjectionInput) => api.post<unknown>(`/api/public-notices/${id(noticeId)}/objections`, input),
  handleObjection: (objectionId: string, input: HandleObjectionInput) => api.post<unknown>(`/api/notice-objections/${id(objectionId)}/handling`, input),
  decide: (candidateId: string, input: DecideInput) => api.post<CandidateDetail>(`/api/selection-candidates/${id(candidateId)}/decision`, input),
  file: (candidateId: string, input: FileInput) => api.post<CandidateDetail>(`/api/selection-candidates/${id(candidateId)}/filing`, input),
  reject: (candidateId: string, input: EndProcedureInput) => api.post<CandidateDetail>(`/api/selection-candidates/${id(candidateId)}/rejection`, input),
  withdraw: (candidateId: string, input: EndProcedureInput) => api.post<CandidateDetail>(`/api/selection-candidates/${id(candidateId)}/withdrawal`, input),
  setVillageNeed: (orgCode: string, input: VillageNeedInput) => api.put<unknown>(`/api/village-reserve-needs/${id(orgCode)}`, input),
};
