import type { ColumnType, Generated } from 'kysely';
import type { CountyCode, CreatedAt, UpdatedAt } from './schema-columns.ts';

/**
 * Tables of cultivation: training, mentoring, practice, assessment (migration 0006_cultivation.sql).
 * Every record about a reserve has `reserve_id` and `org_code` (the reserve's village code).
 * Days are half-day steps (real). Dates are 'YYYY-MM-DD' strings.
 * Who entered a record (recorded_by and the user's id, is_proxy): migration 0009_cultivation_recorded_by.sql.
 */
/** The id of the user who entered a record: null for rows entered by the system or before the column. */
type OptionalUserId = ColumnType<string | null, string | null | undefined, string | null>;

export interface CultivationSchema {
  training_rule_set: TrainingRuleSetTable;
  training_session: TrainingSessionTable;
  training_attendance: TrainingAttendanceTable;
  mentoring_assignment: MentoringAssignmentTable;
  mentor_contact: MentorContactTable;
  mentoring_summary: MentoringSummaryTable;
  annual_talk: AnnualTalkTable;
  practice_record: PracticeRecordTable;
  observer_attendance: ObserverAttendanceTable;
  assessment: AssessmentTable;
  party_joining_step: PartyJoiningStepTable;
  talent_grid_rating: TalentGridRatingTable;
  cultivation_assignment_year: CultivationAssignmentYearTable;
  cultivation_reserve_year: CultivationReserveYearTable;
}

type TextArray = ColumnType<string[], string[], string[]>;

export interface TrainingRuleSetTable {
  org_code: string;
  /** Significant prefix of org_code (its subtree). */
  org_prefix: string;
  minimum_days_per_year: number;
  centralised_minimum_days: number;
  centralised_window_years: number;
  centralised_methods: TextArray;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface TrainingSessionTable {
  id: Generated<string>;
  /** The organising unit (county, township or village). */
  org_code: string;
  name: string;
  /** centralised 集中培训 | partySchool 党校 | online 网络 | fieldVisit 外出考察 | meetingAsTraining 以会代训 */
  method: string;
  /** Organiser as printed (e.g. 县委组织部). */
  organiser: string;
  start_date: string;
  end_date: string;
  days: number;
  content: string | null;
  place: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface TrainingAttendanceTable {
  /** The county (first six digits of the unit code): the distribution key, docs/DISTRIBUTION.md. */
  county_code: CountyCode;
  id: Generated<string>;
  session_id: string;
  reserve_id: string;
  org_code: string;
  attended: boolean;
  days_attended: number;
  /** Copies of the session's method and end date. */
  method: string;
  end_date: string;
  result: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface MentoringAssignmentTable {
  /** The county (first six digits of the unit code): the distribution key, docs/DISTRIBUTION.md. */
  county_code: CountyCode;
  id: Generated<string>;
  reserve_id: string;
  org_code: string;
  /** Set when the mentor is a user (role mentor); they then see this reserve. */
  mentor_user_id: string | null;
  mentor_name: string;
  /** townshipLeader | villageContactCadre | firstSecretary | villageHead | other */
  mentor_post: string;
  /** Free-text title, e.g. 镇党委副书记. */
  mentor_title: string | null;
  started_on: string;
  ended_on: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface MentorContactTable {
  /** The county (first six digits of the unit code): the distribution key, docs/DISTRIBUTION.md. */
  county_code: CountyCode;
  id: Generated<string>;
  assignment_id: string;
  reserve_id: string;
  org_code: string;
  contacted_on: string;
  /** talk 谈心 | visit 走访 | phone 电话 | online 网络 */
  form: string;
  thoughts: string | null;
  work: string | null;
  problems: string | null;
  help_given: string | null;
  recorded_by: string;
  /** The user who entered the record (recorded_by is their display name). */
  recorded_by_user_id: OptionalUserId;
  /** Entered by someone else than the one whose record it is (代录). */
  is_proxy: Generated<boolean>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface MentoringSummaryTable {
  /** The county (first six digits of the unit code): the distribution key, docs/DISTRIBUTION.md. */
  county_code: CountyCode;
  id: Generated<string>;
  assignment_id: string;
  reserve_id: string;
  org_code: string;
  year: number;
  quarter: number;
  /** 帮扶时间 as written on the form, e.g. 1–3 月; null: the quarter itself. */
  period_text: string | null;
  /** 帮扶内容 */
  content: string;
  /** 评定意见 */
  opinion: string;
  recorded_by: string;
  /** The user who entered the record (recorded_by is their display name). */
  recorded_by_user_id: OptionalUserId;
  /** Entered by someone else than the one whose record it is (代录). */
  is_proxy: Generated<boolean>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface AnnualTalkTable {
  /** The county (first six digits of the unit code): the distribution key, docs/DISTRIBUTION.md. */
  county_code: CountyCode;
  id: Generated<string>;
  reserve_id: string;
  org_code: string;
  talked_on: string;
  talker_name: string;
  content: string;
  recorded_by: string;
  /** The user who entered the record (recorded_by is their display name). */
  recorded_by_user_id: OptionalUserId;
  /** Entered by someone else than the one whose record it is (代录). */
  is_proxy: Generated<boolean>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface PracticeRecordTable {
  /** The county (first six digits of the unit code): the distribution key, docs/DISTRIBUTION.md. */
  county_code: CountyCode;
  id: Generated<string>;
  reserve_id: string;
  org_code: string;
  /** post | task */
  kind: string;
  /** posts: secretaryAssistant partyGroupLeader villagerGroupLeader gridWorker committeeMember; tasks: disputeMediation emergency keyProject petition; other */
  category: string;
  started_on: string;
  ended_on: string | null;
  /** 具体内容 */
  content: string;
  /** 主要表现 */
  performance: string | null;
  /** 评定意见 */
  opinion: string | null;
  /** Display name of the user who entered the record; null for rows older than the column whose creation was not audited. */
  recorded_by: ColumnType<string | null, string | null | undefined, string | null>;
  recorded_by_user_id: OptionalUserId;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ObserverAttendanceTable {
  /** The county (first six digits of the unit code): the distribution key, docs/DISTRIBUTION.md. */
  county_code: CountyCode;
  id: Generated<string>;
  reserve_id: string;
  org_code: string;
  /** villageCommittees 两委会 | partyMembers 党员大会 | villagerRepresentatives 村民代表会议 | townshipCadres 乡镇村干部大会 */
  meeting_type: string;
  meeting_date: string;
  topic: string | null;
  /** Display name of the user who entered the record; null for rows older than the column whose creation was not audited. */
  recorded_by: ColumnType<string | null, string | null | undefined, string | null>;
  recorded_by_user_id: OptionalUserId;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface AssessmentTable {
  /** The county (first six digits of the unit code): the distribution key, docs/DISTRIBUTION.md. */
  county_code: CountyCode;
  id: Generated<string>;
  reserve_id: string;
  org_code: string;
  /** quarterly | annual | preElection */
  kind: string;
  /** village 村（社区）评定意见 | township 乡镇评定意见 */
  assessor: string;
  year: number;
  /** 1–4 for quarterly, null otherwise. */
  quarter: number | null;
  /** excellent 优秀 | competent 合格 | basicallyCompetent 基本合格 | incompetent 不合格; required for annual. */
  grade: string | null;
  opinion: string;
  assessed_on: string;
  recorded_by: string;
  /** The user who entered the record (recorded_by is their display name). */
  recorded_by_user_id: OptionalUserId;
  /** Entered by someone else than the one whose record it is (代录). */
  is_proxy: Generated<boolean>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface PartyJoiningStepTable {
  /** The county (first six digits of the unit code): the distribution key, docs/DISTRIBUTION.md. */
  county_code: CountyCode;
  id: Generated<string>;
  reserve_id: string;
  org_code: string;
  /** activist 入党积极分子 | developmentTarget 发展对象 | probationaryMember 预备党员 | fullMember 正式党员 */
  stage: string;
  reached_on: string;
  notes: string | null;
  created_at: CreatedAt;
}

export interface TalentGridRatingTable {
  /** The county (first six digits of the unit code): the distribution key, docs/DISTRIBUTION.md. */
  county_code: CountyCode;
  reserve_id: string;
  org_code: string;
  /** 1 low … 3 high */
  performance: number;
  potential: number;
  /** readyNow | withinTwoYears | longer */
  readiness: string;
  reason: string;
  rated_by: string;
  rated_by_user_id: OptionalUserId;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** Roll-up kept by triggers (read-only for the application): per assignment and year. */
export interface CultivationAssignmentYearTable {
  /** The county (first six digits of the unit code): the distribution key, docs/DISTRIBUTION.md. */
  county_code: CountyCode;
  assignment_id: string;
  year: number;
  org_code: string;
  /** Bit 0 = January … bit 11 = December: months with a contact log. */
  contact_months: number;
  /** Bit 0 = first quarter: quarters with the mentor's summary. */
  summary_quarters: number;
}

/** Roll-up kept by triggers (read-only for the application): per reserve and year. */
export interface CultivationReserveYearTable {
  /** The county (first six digits of the unit code): the distribution key, docs/DISTRIBUTION.md. */
  county_code: CountyCode;
  reserve_id: string;
  year: number;
  org_code: string;
  village_quarters: number;
  township_quarters: number;
  /** Days attended in sessions ending in the year. */
  training_days: number;
}
