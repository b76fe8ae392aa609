/**
 * The village 换届: the township's plan and board, the county's board and composition report, one
 * village's election and its steps. Shapes come from the server's Zod schemas; dates arrive as
 * 'YYYY-MM-DD' strings.
 */
import type { z } from 'zod';
import type {
  ZBoard, ZCitizenReporter, ZCompositionReport, ZCreatePlan, ZHandover, ZNominate, ZPlan, ZPlans, ZPledge, ZProxyVote, ZQualify, ZRiskPoint, ZSeats, ZSignOff, ZVillageElection,
  ZViolationHandling, ZViolationReport, ZVote, ZVoterRegister, ZPosts, ZReduceSeats, ZObjection, ZObjectionHandling, ZVillagePlan, ZElectionCommittee,
} from '../../../src/modules/elections/elections.schemas.ts';
import { api, fetchFile, type ProgressListener } from './client.ts';

type Out<S extends z.ZodType> = z.infer<S>;
type In<S extends z.ZodType> = z.input<S>;
const id = (value: string) => encodeURIComponent(value);

export type ElectionPlan = Out<typeof ZPlan>;
export type ElectionPlans = Out<typeof ZPlans>;
export type ElectionBoard = Out<typeof ZBoard>;
export type CompositionReport = Out<typeof ZCompositionReport>;
export type VillageElection = Out<typeof ZVillageElection>;
export type ElectionCandidate = VillageElection['candidates'][number];
export type CreatePlanInput = In<typeof ZCreatePlan>;
export type SeatsInput = In<typeof ZSeats>;
export type NominateInput = In<typeof ZNominate>;
export type VoteInput = In<typeof ZVote>;
export type QualifyInput = In<typeof ZQualify>;
export type SignOffInput = In<typeof ZSignOff>;
export type PledgeInput = In<typeof ZPledge>;
export type VoterRegisterInput = In<typeof ZVoterRegister>;
export type ProxyVoteInput = In<typeof ZProxyVote>;
export type RiskPointInput = In<typeof ZRiskPoint>;
export type CitizenReporterInput = In<typeof ZCitizenReporter>;
export type ViolationReportInput = In<typeof ZViolationReport>;
export type ViolationHandlingInput = In<typeof ZViolationHandling>;
export type HandoverInput = In<typeof ZHandover>;
export type PostsInput = In<typeof ZPosts>;
export type ReduceSeatsInput = In<typeof ZReduceSeats>;
export type ObjectionInput = In<typeof ZObjection>;
export type ObjectionHandlingInput = In<typeof ZObjectionHandling>;
export type VillagePlanInput = In<typeof ZVillagePlan>;
export type ElectionCommitteeInput = In<typeof ZElectionCommittee>;

export const electionsApi = {
  board: (signal?: AbortSignal) => api.get<ElectionBoard>('/api/election-board', undefined, signal),
  composition: (orgCode: string | undefined, signal?: AbortSignal) => api.get<CompositionReport>('/api/election-composition', { orgCode }, signal),
  plans: (signal?: AbortSignal) => api.get<ElectionPlans>('/api/election-plans', undefined, signal),
  plan: (planId: string, signal?: AbortSignal) => api.get<ElectionPlan>(`/api/election-plans/${id(planId)}`, undefined, signal),
  createPlan: (input: CreatePlanInput) => api.post<ElectionPlan>('/api/election-plans', input),
  get: (electionId: string, signal?: AbortSignal) => api.get<VillageElection>(`/api/village-elections/${id(electionId)}`, undefined, signal),
  setSeats: (electionId: string, input: SeatsInput) => api.put<VillageElection>(`/api/village-elections/${id(electionId)}/seats`, input),
  approveSeats: (electionId: string, input: { approvedOn: string; version: number }) => api.post<VillageElection>(`/api/village-elections/${id(electionId)}/seat-approval`, input),
  nominate: (electionId: string, input: NominateInput) => api.post<VillageElection>(`/api/village-elections/${id(electionId)}/candidates`, input),
  qualify: (candidateId: string, input: QualifyInput) => api.post<VillageElection>(`/api/election-candidates/${id(candidateId)}/qualification`, input),
  signOff: (candidateId: string, input: SignOffInput) => api.post<VillageElection>(`/api/election-candidates/${id(candidateId)}/sign-offs`, input),
  pledge: (candidateId: string, input: PledgeInput) => api.put<VillageElection>(`/api/election-candidates/${id(candidateId)}/pledge`, input),
  voterRegister: (electionId: string, input: VoterRegisterInput) => api.put<VillageElection>(`/api/village-elections/${id(electionId)}/voter-register`, input),
  addProxyVote: (electionId: string, input: ProxyVoteInput) => api.post<VillageElection>(`/api/village-elections/${id(electionId)}/proxy-votes`, input),
  addRiskPoint: (electionId: string, input: RiskPointInput) => api.post<VillageElection>(`/api/village-elections/${id(electionId)}/risk-points`, input),
  addCitizenReporter: (electionId: string, input: CitizenReporterInput) => api.post<VillageElection>(`/api/village-elections/${id(electionId)}/citizen-reporters`, input),
  reportViolation: (electionId: string, input: ViolationReportInput) => api.post<VillageElection>(`/api/village-elections/${id(electionId)}/violation-reports`, input),
  handleViolation: (reportId: string, input: ViolationHandlingInput) => api.post<VillageElection>(`/api/election-violation-reports/${id(reportId)}/handling`, input),
  handover: (electionId: string, input: HandoverInput) => api.put<VillageElection>(`/api/village-elections/${id(electionId)}/handover`, input),
  editPlan: (electionId: string, input: VillagePlanInput) => api.put<VillageElection>(`/api/village-elections/${id(electionId)}/plan`, input),
  assignPosts: (electionId: string, input: PostsInput) => api.put<VillageElection>(`/api/village-elections/${id(electionId)}/posts`, input),
  reduceSeats: (electionId: string, input: ReduceSeatsInput) => api.post<VillageElection>(`/api/village-elections/${id(electionId)}/seat-reduction`, input),
  electionCommittee: (electionId: string, input: ElectionCommitteeInput) => api.put<VillageElection>(`/api/village-elections/${id(electionId)}/election-committee`, input),
  recordObjection: (electionId: string, input: ObjectionInput) => api.post<VillageElection>(`/api/village-elections/${id(electionId)}/objections`, input),
  handleObjection: (objectionId: string, input: ObjectionHandlingInput) => api.post<VillageElection>(`/api/election-objections/${id(objectionId)}/handling`, input),
  approveCandidates: (electionId: string, input: { approvedOn: string; version: number }) => api.post<VillageElection>(`/api/village-elections/${id(electionId)}/candidate-approval`, input),
  recordVote: (electionId: string, input: VoteInput) => api.post<VillageElection>(`/api/village-elections/${id(electionId)}/votes`, input),
  startNotice: (electionId: string, input: { startsOn: string; version: number }) => api.post<VillageElection>(`/api/village-elections/${id(electionId)}/result-notice`, input),
  approveResult: (electionId: string, input: { approvedOn: string; version: number }) => api.post<VillageElection>(`/api/village-elections/${id(electionId)}/result-approval`, input),
  file: (electionId: string, input: { filedOn: string; version: number }) => api.post<VillageElection>(`/api/village-elections/${id(electionId)}/filing`, input),
  summaryTable: (orgCode: string, onProgress?: ProgressListener) =>
    fetchFile('GET', '/api/election-summary-table', '村级换届情况汇总表.xlsx', { query: { orgCode }, onProgress }),
  noticeDocument: (electionId: string, onProgress?: ProgressListener) =>
    fetchFile('GET', `/api/village-elections/${id(electionId)}/result-notice-document`, '选举结果公示.docx', { onProgress }),
};
