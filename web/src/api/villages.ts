/**
 * Management and use (管、用): village profiles and 两委 rosters, vacancies, appointment of reserves,
 * removal from the pool, coverage and the secretary team. Shapes come from the server's Zod schemas
 * where they are exported; dates arrive as 'YYYY-MM-DD' strings.
 */
import type { z } from 'zod';
import type { AppointmentAction, AppointmentOutcome, AppointmentStage } from '../../../src/domain/appointment-procedure.ts';
import type { Committee, Post } from '../../../src/domain/committee.ts';
import type { CoverageRule } from '../../../src/domain/coverage.ts';
import type {
  ZAddMember, ZMember, ZMemberLeaves, ZOpenVacancy, ZProfile, ZRecordReview, ZRoster, ZSaveProfile, ZSecretaryList, ZVacancy, ZVacancyList,
} from '../../../src/modules/villages/villages.schemas.ts';
import type { ZAdjustmentList, ZDecideRemoval, ZFileRemoval, ZProposeRemoval, ZRemoval, ZRemovalList } from '../../../src/modules/reserves/reserve-removal.schemas.ts';
import { api, fetchFile, request, type DownloadedFile, type ProgressListener } from './client.ts';
import { XLSX_TYPE } from './roster.ts';

/** What an import of 两委 rosters did (or, for a preview, would do). */
export interface CommitteeImportResult { total: number; seated: number; unchanged: number; createdPeople: number; isDryRun: boolean }

/** 两委 rosters of a unit's villages: the blank template, the export, and the all-or-nothing import (422 IMPORT_REJECTED with the problems). */
export const committeesApi = {
  template: (onProgress?: ProgressListener): Promise<DownloadedFile> => fetchFile('GET', '/api/committees/template', '村两委成员名册导入模板.xlsx', { onProgress }),
  export: (orgCode: string, onProgress?: ProgressListener): Promise<DownloadedFile> => fetchFile('GET', '/api/committees/export', '村两委成员名册.xlsx', { query: { orgCode }, onProgress }),
  import: (orgCode: string, file: Blob) => request<CommitteeImportResult>('POST', '/api/committees/import', { query: { orgCode }, raw: { data: file, contentType: XLSX_TYPE } }),
};

type Out<S extends z.ZodType> = z.infer<S>;
type In<S extends z.ZodType> = z.input<S>;
const id = (value: string) => encodeURIComponent(value);

export type VillageProfile = Out<typeof ZProfile>;
export type SaveProfileInput = In<typeof ZSaveProfile>;
export type CommitteeMember = Out<typeof ZMember>;
export type Roster = Out<typeof ZRoster>;
export type Vacancy = Out<typeof ZVacancy>;
export type VacancyList = Out<typeof ZVacancyList>;
export type AddMemberInput = In<typeof ZAddMember>;
export type MemberLeavesInput = In<typeof ZMemberLeaves>;
export type OpenVacancyInput = In<typeof ZOpenVacancy>;
export type SecretaryList = Out<typeof ZSecretaryList>;
export type Secretary = SecretaryList['secretaries'][number];
export type RecordReviewInput = In<typeof ZRecordReview>;
export type Removal = Out<typeof ZRemoval>;
export type RemovalList = Out<typeof ZRemovalList>;
export type AdjustmentSuggestion = Out<typeof ZAdjustmentList>['suggestions'][number];
export type ProposeRemovalInput = In<typeof ZProposeRemoval>;
export type DecideRemovalInput = In<typeof ZDecideRemoval>;
export type FileRemovalInput = In<typeof ZFileRemoval>;

type Need = 'mature' | 'youngPotential';

/** A village's coverage (GET /api/coverage/:orgCode `villages[]`, and the village page's `coverage`). */
export interface VillageCoverage {
  orgCode: string; name: string; townshipCode: string; townshipName: string;
  reserves: number; young: number; mature: number; successors: number;
  need: Need | null; needExplanation: string;
  rules: { rule: CoverageRule; label: string; met: boolean; explanation: string; shortSince: string | null }[];
  isShort: boolean; hasReadySuccessor: boolean;
}
export interface CoverageSummary {
  villages: number; shortVillages: number; reserves: number;
  shares: { atLeastTwo: number | null; young: number | null; readySuccessor: number | null };
  byRule: Record<CoverageRule, number>;
}
export interface Coverage {
  orgCode: string; name: string; level: string; today: string; summary: CoverageSummary;
  subunitLevel: 'province' | 'county' | 'township';
  subunits: (CoverageSummary & { code: string; name: string })[];
  villages: VillageCoverage[]; villagesTotal: number;
}

export interface VillagePage { profile: VillageProfile; roster: Roster; coverage: VillageCoverage | null }

export interface Suggestion {
  rank: number; reserveId: string; reserveVersion: number; name: string; villageName: string;
  proximity: 'ownVillage' | 'township' | 'county'; isEligible: boolean;
  reasons: { kind: 'plus' | 'minus' | 'info'; text: string }[];
}
export interface Suggestions {
  vacancy: { id: string; orgCode: string; villageName: string; committee: Committee; post: Post; postLabel: string; openedOn: string; cause: string; closedOn: string | null };
  need: Need | null; needExplanation: string; considered: number;
  suggestions: Suggestion[];
}

export interface Appointment {
  id: string; vacancyId: string | null; orgCode: string; villageName: string; homeOrgCode: string; homeVillageName: string;
  isCrossVillage: boolean; committee: Committee; post: Post; postLabel: string; isElectedPost: boolean;
  reserveId: string; personName: string; termYear: number; stage: AppointmentStage; stageLabel: string; outcome: AppointmentOutcome;
  notices: { orgCode: string; startsOn: string; endsOn: string; workingDays: number }[]; requiredNoticeVillages: string[];
  byElection: { heldOn: string; eligibleVoters: number; votesCast: number; votesFor: number } | null;
  effectiveOn: string | null; memberId: string | null;
  steps: { action: string; occurredOn: string; actorName: string; details: Record<string, unknown> }[];
  objections: { id: string; receivedOn: string; content: string; handling: string | null; isSubstantiated: boolean | null; handledOn: string | null; handledBy: string | null }[];
  version: number;
  policies: { next: AppointmentAction | null; refuse: boolean; withdraw: boolean; objections: boolean; byElection: boolean };
}
export interface AppointmentSummary {
  id: string; personName: string; villageName: string; homeVillageName: string; postLabel: string; stage: AppointmentStage; stageLabel: string;
  outcome: AppointmentOutcome; effectiveOn: string | null;
}
export interface RecommendInput { vacancyId: string; reserveId: string; termYear: number; recommendedOn: string; basis: string }
export interface StepInput { action: AppointmentAction; occurredOn: string; version: number; note?: string; noticeStarts?: { orgCode: string; startsOn: string }[] }
export interface ByElectionInput { heldOn: string; eligibleVoters: number; votesCast: number; votesFor: number; version: number }

export const villagesApi = {
  page: (orgCode: string, signal?: AbortSignal) => api.get<VillagePage>(`/api/villages/${id(orgCode)}`, undefined, signal),
  saveProfile: (orgCode: string, input: SaveProfileInput) => api.put<VillageProfile>(`/api/villages/${id(orgCode)}/profile`, input),
  addMember: (orgCode: string, input: AddMemberInput) => api.post<CommitteeMember>(`/api/villages/${id(orgCode)}/committee-members`, input),
  memberLeaves: (memberId: string, input: MemberLeavesInput) => api.post<{ memberId: string; vacancyId: string | null }>(`/api/committee-members/${id(memberId)}/leaving`, input),
  vacancies: (query: { orgCode?: string; openOnly?: 'true' | 'false' }, signal?: AbortSignal) => api.get<VacancyList>('/api/vacancies', query, signal),
  openVacancy: (input: OpenVacancyInput) => api.post<Vacancy>('/api/vacancies', input),
  secretaries: (orgCode: string, signal?: AbortSignal) => api.get<SecretaryList>('/api/secretaries', { orgCode }, signal),
  recordReview: (memberId: string, input: RecordReviewInput) => api.post<{ id: string }>(`/api/secretaries/${id(memberId)}/reviews`, input),
  coverage: (orgCode: string, shortOnly: boolean, signal?: AbortSignal) => api.get<Coverage>(`/api/coverage/${id(orgCode)}`, { shortOnly: shortOnly ? 'true' : undefined }, signal),
};

export const appointmentsApi = {
  suggestions: (vacancyId: string, signal?: AbortSignal) => api.get<Suggestions>(`/api/vacancies/${id(vacancyId)}/suggestions`, undefined, signal),
  list: (outcome: AppointmentOutcome | undefined, signal?: AbortSignal) => api.get<{ appointments: AppointmentSummary[] }>('/api/appointments', { outcome }, signal),
  get: (appointmentId: string, signal?: AbortSignal) => api.get<Appointment>(`/api/appointments/${id(appointmentId)}`, undefined, signal),
  recommend: (input: RecommendInput) => api.post<Appointment>('/api/appointments', input),
  step: (appointmentId: string, input: StepInput) => api.post<Appointment>(`/api/appointments/${id(appointmentId)}/steps`, input),
  recordObjection: (appointmentId: string, input: { receivedOn: string; content: string }) => api.post<Appointment>(`/api/appointments/${id(appointmentId)}/objections`, input),
  handleObjection: (objectionId: string, input: { handling: string; isSubstantiated: boolean; handledOn: string }) => api.post<Appointment>(`/api/appointment-objections/${id(objectionId)}/handling`, input),
  byElection: (appointmentId: string, input: ByElectionInput) => api.post<Appointment>(`/api/appointments/${id(appointmentId)}/by-election`, input),
};

export const removalsApi = {
  list: (status: Removal['status'] | undefined, signal?: AbortSignal) => api.get<RemovalList>('/api/reserve-removals', { status }, signal),
  suggestions: (signal?: AbortSignal) => api.get<Out<typeof ZAdjustmentList>>('/api/reserve-adjustments', undefined, signal),
  propose: (input: ProposeRemovalInput) => api.post<Removal>('/api/reserve-removals', input),
  decide: (removalId: string, input: DecideRemovalInput) => api.post<Removal>(`/api/reserve-removals/${id(removalId)}/decision`, input),
  file: (removalId: string, input: FileRemovalInput) => api.post<Removal>(`/api/reserve-removals/${id(removalId)}/filing`, input),
};
