/**
 * Management and use (管、用): village profiles and 两委 rosters, vacancies, appointment of reserves,
 * removal from the pool, coverage and the secretary team. Shapes come from the server's Zod schemas
 * where they are exported; dates arrive as 'YYYY-MM-DD' strings.
 */
import type { z } from 'zod';
import type { AppointmentOutcome } from '../../../src/domain/appointment-procedure.ts';
import type {
  ZAppointment, ZAppointmentList, ZByElection, ZHandleObjection, ZRecommend, ZRecordObjection, ZStep, ZSuggestions,
} from '../../../src/modules/appointments/appointments.schemas.ts';
import type { ZCoverage, ZCoverageSummary, ZVillageCoverage } from '../../../src/modules/coverage/coverage.schemas.ts';
import type {
  ZAddMember, ZMember, ZMemberLeaves, ZOpenVacancy, ZProfile, ZRecordDiscipline, ZRecordReview, ZRecordTraining, ZRoster, ZSaveProfile, ZSecretaryList, ZVacancy, ZVacancyList, ZVillagePage,
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
export type RecordTrainingInput = In<typeof ZRecordTraining>;
export type RecordDisciplineInput = In<typeof ZRecordDiscipline>;
export type Removal = Out<typeof ZRemoval>;
export type RemovalList = Out<typeof ZRemovalList>;
export type AdjustmentSuggestion = Out<typeof ZAdjustmentList>['suggestions'][number];
export type ProposeRemovalInput = In<typeof ZProposeRemoval>;
export type DecideRemovalInput = In<typeof ZDecideRemoval>;
export type FileRemovalInput = In<typeof ZFileRemoval>;

export type VillageCoverage = Out<typeof ZVillageCoverage>;
export type CoverageSummary = Out<typeof ZCoverageSummary>;
export type Coverage = Out<typeof ZCoverage>;
export type VillagePage = Out<typeof ZVillagePage>;

export type Suggestions = Out<typeof ZSuggestions>;
export type Suggestion = Suggestions['suggestions'][number];
export type Appointment = Out<typeof ZAppointment>;
export type AppointmentSummary = Out<typeof ZAppointmentList>['appointments'][number];
export type RecommendInput = In<typeof ZRecommend>;
export type StepInput = In<typeof ZStep>;
export type ByElectionInput = In<typeof ZByElection>;
export type RecordObjectionInput = In<typeof ZRecordObjection>;
export type HandleObjectionInput = In<typeof ZHandleObjection>;

export const villagesApi = {
  page: (orgCode: string, signal?: AbortSignal) => api.get<VillagePage>(`/api/villages/${id(orgCode)}`, undefined, signal),
  saveProfile: (orgCode: string, input: SaveProfileInput) => api.put<VillageProfile>(`/api/villages/${id(orgCode)}/profile`, input),
  addMember: (orgCode: string, input: AddMemberInput) => api.post<CommitteeMember>(`/api/villages/${id(orgCode)}/committee-members`, input),
  memberLeaves: (memberId: string, input: MemberLeavesInput) => api.post<{ memberId: string; vacancyId: string | null }>(`/api/committee-members/${id(memberId)}/leaving`, input),
  vacancies: (query: { orgCode?: string; openOnly?: 'true' | 'false' }, signal?: AbortSignal) => api.get<VacancyList>('/api/vacancies', query, signal),
  openVacancy: (input: OpenVacancyInput) => api.post<Vacancy>('/api/vacancies', input),
  secretaries: (orgCode: string, signal?: AbortSignal) => api.get<SecretaryList>('/api/secretaries', { orgCode }, signal),
  recordReview: (memberId: string, input: RecordReviewInput) => api.post<{ id: string }>(`/api/secretaries/${id(memberId)}/reviews`, input),
  recordTraining: (memberId: string, input: RecordTrainingInput) => api.post<{ id: string }>(`/api/secretaries/${id(memberId)}/training`, input),
  recordDiscipline: (memberId: string, input: RecordDisciplineInput) => api.post<{ id: string }>(`/api/secretaries/${id(memberId)}/discipline`, input),
  coverage: (orgCode: string, shortOnly: boolean, signal?: AbortSignal) => api.get<Coverage>(`/api/coverage/${id(orgCode)}`, { shortOnly: shortOnly ? 'true' : undefined }, signal),
};

export const appointmentsApi = {
  suggestions: (vacancyId: string, signal?: AbortSignal) => api.get<Suggestions>(`/api/vacancies/${id(vacancyId)}/suggestions`, undefined, signal),
  list: (outcome: AppointmentOutcome | undefined, signal?: AbortSignal) => api.get<Out<typeof ZAppointmentList>>('/api/appointments', { outcome }, signal),
  get: (appointmentId: string, signal?: AbortSignal) => api.get<Appointment>(`/api/appointments/${id(appointmentId)}`, undefined, signal),
  recommend: (input: RecommendInput) => api.post<Appointment>('/api/appointments', input),
  step: (appointmentId: string, input: StepInput) => api.post<Appointment>(`/api/appointments/${id(appointmentId)}/steps`, input),
  recordObjection: (appointmentId: string, input: RecordObjectionInput) => api.post<Appointment>(`/api/appointments/${id(appointmentId)}/objections`, input),
  handleObjection: (objectionId: string, input: HandleObjectionInput) => api.post<Appointment>(`/api/appointment-objections/${id(objectionId)}/handling`, input),
  byElection: (appointmentId: string, input: ByElectionInput) => api.post<Appointment>(`/api/appointments/${id(appointmentId)}/by-election`, input),
};

export const removalsApi = {
  list: (status: Removal['status'] | undefined, signal?: AbortSignal) => api.get<RemovalList>('/api/reserve-removals', { status }, signal),
  suggestions: (signal?: AbortSignal) => api.get<Out<typeof ZAdjustmentList>>('/api/reserve-adjustments', undefined, signal),
  propose: (input: ProposeRemovalInput) => api.post<Removal>('/api/reserve-removals', input),
  decide: (removalId: string, input: DecideRemovalInput) => api.post<Removal>(`/api/reserve-removals/${id(removalId)}/decision`, input),
  file: (removalId: string, input: FileRemovalInput) => api.post<Removal>(`/api/reserve-removals/${id(removalId)}/filing`, input),
};
