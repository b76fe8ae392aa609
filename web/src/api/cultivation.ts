/**
 * Cultivation (培养教育): training, mentoring, practice, assessment, reminders, the talent grid and
 * the record form (纪实表). Shapes come from the server's Zod schemas (imported as types only);
 * codes and their Chinese names from src/domain/cultivation-codes.ts, the one table the server
 * and the 纪实表 use too.
 */
import type { z } from 'zod';
import type {
  ZAnnualTalk, ZAnnualTalkInput, ZAnnualTalkList, ZAssessment, ZAssessmentInput, ZAssessmentList, ZAttendanceImportResult, ZAttendanceInput,
  ZMentorContact, ZMentorContactInput, ZMentorContactList, ZMentoringAssignment, ZMentoringAssignmentInput, ZMentoringAssignmentList,
  ZMentoringSummary, ZMentoringSummaryInput, ZMentoringSummaryList, ZMentorSuggestionList, ZObserverAttendance, ZObserverAttendanceInput,
  ZPartyJoining, ZPartyJoiningInput, ZPracticeRecord, ZPracticeRecordInput, ZReminder, ZReminderList, ZReserveCultivation, ZTalentGrid,
  ZTalentGridEntry, ZTalentGridInput, ZTrainingRules, ZTrainingRulesInput, ZTrainingSession, ZTrainingSessionDetail, ZTrainingSessionInput,
  ZTrainingSessionList, ZUpdateAssessment, ZUpdateMentorContact, ZUpdateMentoringAssignment, ZUpdateMentoringSummary, ZUpdatePracticeRecord, ZUpdateTrainingSession,
} from '../../../src/modules/cultivation/cultivation.schemas.ts';
import { REMINDER_KIND_LABELS, type ReminderKind } from '../../../src/domain/reminders.ts';
import {
  CONTACT_FORM_LABELS, CONTACT_FORM_SHORT_LABELS, CONTACT_FORMS, GRADE_LABELS, GRADES, MEETING_TYPE_LABELS, MEETING_TYPES, MENTOR_POST_LABELS, MENTOR_POSTS,
  PARTY_STAGE_LABELS, PARTY_STAGES, PRACTICE_CATEGORIES, PRACTICE_CATEGORY_LABELS, TRAINING_METHOD_LABELS, TRAINING_METHODS,
  type ContactForm, type Grade, type MeetingType, type MentorPost, type PartyStage, type TrainingMethod,
} from '../../../src/domain/cultivation-codes.ts';
import { DEFAULT_DICTIONARY_ITEMS } from '../../../src/domain/dictionaries.ts';
import { api, fetchFile, request, withQuery, type DownloadedFile, type ProgressListener, type Query } from './client.ts';

type Out<S extends z.ZodType> = z.infer<S>;
type In<S extends z.ZodType> = z.input<S>;

export type { ContactForm, Grade, MeetingType, MentorPost, PartyStage, ReminderKind, TrainingMethod };
export {
  CONTACT_FORM_LABELS, CONTACT_FORM_SHORT_LABELS, CONTACT_FORMS, GRADE_LABELS, MEETING_TYPE_LABELS, MENTOR_POST_LABELS, PARTY_STAGE_LABELS, PARTY_STAGES,
  PRACTICE_CATEGORY_LABELS, REMINDER_KIND_LABELS, TRAINING_METHOD_LABELS, TRAINING_METHODS,
};

export type TrainingSession = Out<typeof ZTrainingSession>;
export type TrainingSessionDetail = Out<typeof ZTrainingSessionDetail>;
export type TrainingAttendance = TrainingSessionDetail['attendance'][number];
export type TrainingSessionList = Out<typeof ZTrainingSessionList>;
export type TrainingSessionInput = In<typeof ZTrainingSessionInput>;
export type UpdateTrainingSessionInput = In<typeof ZUpdateTrainingSession>;
export type AttendanceInput = In<typeof ZAttendanceInput>;
export type AttendanceImportResult = Out<typeof ZAttendanceImportResult>;
export type TrainingRules = Out<typeof ZTrainingRules>;
export type TrainingRulesInput = In<typeof ZTrainingRulesInput>;

export type MentoringAssignment = Out<typeof ZMentoringAssignment>;
export type MentoringAssignmentList = Out<typeof ZMentoringAssignmentList>;
export type MentoringAssignmentInput = In<typeof ZMentoringAssignmentInput>;
export type UpdateMentoringAssignmentInput = In<typeof ZUpdateMentoringAssignment>;
export type MentorSuggestionList = Out<typeof ZMentorSuggestionList>;
export type MentorContact = Out<typeof ZMentorContact>;
export type MentorContactList = Out<typeof ZMentorContactList>;
export type MentorContactInput = In<typeof ZMentorContactInput>;
export type UpdateMentorContactInput = In<typeof ZUpdateMentorContact>;
export type MentoringSummary = Out<typeof ZMentoringSummary>;
export type MentoringSummaryList = Out<typeof ZMentoringSummaryList>;
export type MentoringSummaryInput = In<typeof ZMentoringSummaryInput>;
export type UpdateMentoringSummaryInput = In<typeof ZUpdateMentoringSummary>;
export type AnnualTalk = Out<typeof ZAnnualTalk>;
export type AnnualTalkList = Out<typeof ZAnnualTalkList>;
export type AnnualTalkInput = In<typeof ZAnnualTalkInput>;

export type PracticeRecord = Out<typeof ZPracticeRecord>;
export type PracticeRecordInput = In<typeof ZPracticeRecordInput>;
export type UpdatePracticeRecordInput = In<typeof ZUpdatePracticeRecord>;
export type ObserverAttendance = Out<typeof ZObserverAttendance>;
export type ObserverAttendanceInput = In<typeof ZObserverAttendanceInput>;

export type Assessment = Out<typeof ZAssessment>;
export type AssessmentList = Out<typeof ZAssessmentList>;
export type AssessmentInput = In<typeof ZAssessmentInput>;
export type UpdateAssessmentInput = In<typeof ZUpdateAssessment>;
export type PartyJoining = Out<typeof ZPartyJoining>;
export type PartyJoiningInput = In<typeof ZPartyJoiningInput>;

export type ReserveCultivation = Out<typeof ZReserveCultivation>;
export type TrainingCompliance = ReserveCultivation['compliance'];
export type Reminder = Out<typeof ZReminder>;
export type ReminderList = Out<typeof ZReminderList>;
export type TalentGrid = Out<typeof ZTalentGrid>;
export type TalentGridEntry = Out<typeof ZTalentGridEntry>;
export type TalentGridInput = In<typeof ZTalentGridInput>;
export type Readiness = TalentGridEntry['readiness'];

export type RecordFormFormat = 'docx' | 'pdf';

// ---------- choices built from the codes ----------

export const TRAINING_METHOD_OPTIONS = TRAINING_METHODS.map((method) => ({ value: method, label: TRAINING_METHOD_LABELS[method] }));

export const MENTOR_POST_OPTIONS = MENTOR_POSTS.map((post) => ({ value: post, label: MENTOR_POST_LABELS[post] }));

export const CONTACT_FORM_OPTIONS = CONTACT_FORMS.map((form) => ({ value: form, label: CONTACT_FORM_LABELS[form] }));

export const PRACTICE_POSTS = PRACTICE_CATEGORIES.post;
export const PRACTICE_TASKS = PRACTICE_CATEGORIES.task;
export const practiceCategoryLabel = (category: string) => PRACTICE_CATEGORY_LABELS[category] ?? category;

export const MEETING_TYPE_OPTIONS = MEETING_TYPES.map((type) => ({ value: type, label: MEETING_TYPE_LABELS[type] }));

export const GRADE_OPTIONS = GRADES.map((grade) => ({ value: grade, label: GRADE_LABELS[grade] }));


/** The readiness names of the 成熟度 dictionary's defaults, so that every page says the same (成熟，可随时使用 …). */
export const READINESS_LABELS = Object.fromEntries(DEFAULT_DICTIONARY_ITEMS.readiness) as Record<Readiness, string>;
export const READINESS_OPTIONS = (Object.keys(READINESS_LABELS) as Readiness[]).map((readiness) => ({ value: readiness, label: READINESS_LABELS[readiness] }));

export const ASSESSMENT_KIND_LABELS: Record<Assessment['kind'], string> = { quarterly: '季度评定', annual: '年度考核', preElection: '换届前再评估' };
export const ASSESSOR_LABELS: Record<Assessment['assessor'], string> = { village: '村（社区）', township: '乡镇' };

export const RESPONSIBLE_ROLE_LABELS: Record<Reminder['responsibleRole'], string> = { mentor: '帮带导师', villageClerk: '村党组织', townshipCommittee: '乡镇党委' };

// ---------- calls ----------

const id = (value: string) => encodeURIComponent(value);

export const trainingApi = {
  list: (query: Query, signal?: AbortSignal) => api.get<TrainingSessionList>('/api/training-sessions', query, signal),
  get: (sessionId: string, signal?: AbortSignal) => api.get<TrainingSessionDetail>(`/api/training-sessions/${id(sessionId)}`, undefined, signal),
  create: (input: TrainingSessionInput) => api.post<TrainingSession>('/api/training-sessions', input),
  update: (sessionId: string, input: UpdateTrainingSessionInput) => api.patch<TrainingSession>(`/api/training-sessions/${id(sessionId)}`, input),
  remove: (sessionId: string, version: number) => request<null>('DELETE', `/api/training-sessions/${id(sessionId)}`, { query: { version } }),
  recordAttendance: (sessionId: string, input: AttendanceInput) => api.put<TrainingSessionDetail>(`/api/training-sessions/${id(sessionId)}/attendance`, input),
  importAttendance: (sessionId: string, file: Blob) => request<AttendanceImportResult>('POST', `/api/training-sessions/${id(sessionId)}/attendance/import`, {
    raw: { data: file, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  }),
  rules: (orgCode: string, signal?: AbortSignal) => api.get<TrainingRules>('/api/training-rules', { orgCode }, signal),
  saveRules: (input: TrainingRulesInput) => api.put<TrainingRules>('/api/training-rules', input),
};

export const mentoringApi = {
  assignments: (query: Query, signal?: AbortSignal) => api.get<MentoringAssignmentList>('/api/mentoring-assignments', query, signal),
  assign: (input: MentoringAssignmentInput) => api.post<MentoringAssignment>('/api/mentoring-assignments', input),
  updateAssignment: (assignmentId: string, input: UpdateMentoringAssignmentInput) => api.patch<MentoringAssignment>(`/api/mentoring-assignments/${id(assignmentId)}`, input),
  suggestions: (reserveId: string, signal?: AbortSignal) => api.get<MentorSuggestionList>('/api/mentors/suggestions', { reserveId }, signal),
  contacts: (query: Query, signal?: AbortSignal) => api.get<MentorContactList>('/api/mentor-contacts', query, signal),
  addContact: (input: MentorContactInput) => api.post<MentorContact>('/api/mentor-contacts', input),
  updateContact: (contactId: string, input: UpdateMentorContactInput) => api.patch<MentorContact>(`/api/mentor-contacts/${id(contactId)}`, input),
  removeContact: (contactId: string, version: number) => request<null>('DELETE', `/api/mentor-contacts/${id(contactId)}`, { query: { version } }),
  summaries: (query: Query, signal?: AbortSignal) => api.get<MentoringSummaryList>('/api/mentoring-summaries', query, signal),
  addSummary: (input: MentoringSummaryInput) => api.post<MentoringSummary>('/api/mentoring-summaries', input),
  updateSummary: (summaryId: string, input: UpdateMentoringSummaryInput) => api.patch<MentoringSummary>(`/api/mentoring-summaries/${id(summaryId)}`, input),
  talks: (query: Query, signal?: AbortSignal) => api.get<AnnualTalkList>('/api/annual-talks', query, signal),
  addTalk: (input: AnnualTalkInput) => api.post<AnnualTalk>('/api/annual-talks', input),
};

export const recordsApi = {
  cultivation: (reserveId: string, year: number, signal?: AbortSignal) => api.get<ReserveCultivation>(`/api/reserves/${id(reserveId)}/cultivation`, { year }, signal),
  addPractice: (input: PracticeRecordInput) => api.post<PracticeRecord>('/api/practice-records', input),
  updatePractice: (recordId: string, input: UpdatePracticeRecordInput) => api.patch<PracticeRecord>(`/api/practice-records/${id(recordId)}`, input),
  removePractice: (recordId: string, version: number) => request<null>('DELETE', `/api/practice-records/${id(recordId)}`, { query: { version } }),
  addObserver: (input: ObserverAttendanceInput) => api.post<ObserverAttendance>('/api/observer-attendances', input),
  removeObserver: (recordId: string, version: number) => request<null>('DELETE', `/api/observer-attendances/${id(recordId)}`, { query: { version } }),
  assessments: (query: Query, signal?: AbortSignal) => api.get<AssessmentList>('/api/assessments', query, signal),
  addAssessment: (input: AssessmentInput) => api.post<Assessment>('/api/assessments', input),
  updateAssessment: (assessmentId: string, input: UpdateAssessmentInput) => api.patch<Assessment>(`/api/assessments/${id(assessmentId)}`, input),
  partyJoining: (reserveId: string, signal?: AbortSignal) => api.get<PartyJoining>(`/api/reserves/${id(reserveId)}/party-joining`, undefined, signal),
  savePartyJoining: (reserveId: string, input: PartyJoiningInput) => api.put<PartyJoining>(`/api/reserves/${id(reserveId)}/party-joining`, input),
};

export const remindersApi = {
  mine: (query: Query = {}, signal?: AbortSignal) => api.get<ReminderList>('/api/reminders/mine', query, signal),
  unit: (query: Query, signal?: AbortSignal) => api.get<ReminderList>('/api/reminders', query, signal),
};

export const talentGridApi = {
  get: (query: Query, signal?: AbortSignal) => api.get<TalentGrid>('/api/talent-grid', query, signal),
  rate: (reserveId: string, input: TalentGridInput) => api.put<TalentGridEntry>(`/api/talent-grid/${id(reserveId)}`, input),
};

export const recordFormApi = {
  one: (reserveId: string, year: number, format: RecordFormFormat, onProgress?: ProgressListener): Promise<DownloadedFile> =>
    fetchFile('GET', `/api/reserves/${id(reserveId)}/record-form`, `纪实表.${format}`, { query: { year, format }, onProgress }),
  batch: (orgCode: string, year: number, format: RecordFormFormat, onProgress?: ProgressListener): Promise<DownloadedFile> =>
    fetchFile('GET', '/api/record-forms', '纪实表.zip', { query: { orgCode, year, format }, onProgress }),
  /** For a plain link (opening the PDF in a new tab). */
  oneUrl: (reserveId: string, year: number, format: RecordFormFormat) => withQuery(`/api/reserves/${id(reserveId)}/record-form`, { year, format }),
};

/** Today in China (UTC+8) as YYYY-MM-DD, as the server counts dates. */
export function todayInChina(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

export function currentYear(): number {
  return Number(todayInChina().slice(0, 4));
}

/** xlsx exports of cultivation lists, with the lists' filters. */
export const cultivationExportApi = {
  attendance: (query: Query, onProgress?: ProgressListener) => fetchFile('GET', '/api/training-attendance/export', '参训情况.xlsx', { query, onProgress }),
  contacts: (query: Query, onProgress?: ProgressListener) => fetchFile('GET', '/api/mentor-contacts/export', '帮带记录.xlsx', { query, onProgress }),
  reminders: (query: Query, onProgress?: ProgressListener) => fetchFile('GET', '/api/reminders/export', '培养教育提醒.xlsx', { query, onProgress }),
};
