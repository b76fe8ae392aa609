import type { ColumnType, Generated } from 'kysely';
import type { AppointmentOutcome, AppointmentStage } from '../domain/appointment-procedure.ts';
import type { Committee, LeaveReason, Post } from '../domain/committee.ts';
import type { CoverageRule } from '../domain/coverage.ts';
import type { TrainingMethod } from '../domain/training-rules.ts';
import type { RemovalStatus } from '../domain/removal.ts';
import type { CandidateProfile } from '../domain/selection-procedure.ts';
import type { CountyCode, CreatedAt, UpdatedAt } from './schema-columns.ts';

type Json<T> = ColumnType<T, string | undefined, string>;
/** numeric comes back as text from both drivers. */
type Numeric = ColumnType<string, number | string, number | string>;

/** Tables of management and use (migrations 0011_management_and_use.sql, 0019_secretary_training.sql). */
export interface ManagementSchema {
  village_profile: VillageProfileTable;
  committee_member: CommitteeMemberTable;
  post_vacancy: PostVacancyTable;
  secretary_review: SecretaryReviewTable;
  secretary_discipline: SecretaryDisciplineTable;
  secretary_training: SecretaryTrainingTable;
  reserve_removal: ReserveRemovalTable;
  coverage_shortfall: CoverageShortfallTable;
  village_coverage: VillageCoverageTable;
  appointment: AppointmentTable;
  appointment_step: AppointmentStepTable;
  appointment_objection: AppointmentObjectionTable;
}

export interface VillageProfileTable {
  /** The county (first six digits of the unit code): the distribution key, docs/DISTRIBUTION.md. */
  county_code: CountyCode;
  org_code: string;
  village_type: string | null;
  households: number | null;
  population: number | null;
  collective_income: Numeric | null;
  income_year: number | null;
  condition: string | null;
  has_prominent_problems: Generated<boolean>;
  secretary_needs_adjustment: Generated<boolean>;
  need_override: CandidateProfile | null;
  need_override_reason: string | null;
  version: Generated<number>;
  updated_at: UpdatedAt;
}

export interface CommitteeMemberTable {
  /** The county (first six digits of the unit code): the distribution key, docs/DISTRIBUTION.md. */
  county_code: CountyCode;
  id: Generated<string>;
  org_code: string;
  person_id: string;
  committee: Committee;
  post: Post;
  term_year: number;
  started_on: string;
  ended_on: string | null;
  leave_reason: LeaveReason | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface PostVacancyTable {
  /** The county (first six digits of the unit code): the distribution key, docs/DISTRIBUTION.md. */
  county_code: CountyCode;
  id: Generated<string>;
  org_code: string;
  committee: Committee;
  post: Post;
  opened_on: string;
  cause: string;
  left_member_id: string | null;
  closed_on: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
}

export interface SecretaryReviewTable {
  /** The county (first six digits of the unit code): the distribution key, docs/DISTRIBUTION.md. */
  county_code: CountyCode;
  id: Generated<string>;
  member_id: string;
  org_code: string;
  period: string;
  reviewed_on: string;
  reviewers: string;
  good_count: number;
  fairly_good_count: number;
  average_count: number;
  poor_count: number;
  result: 'good' | 'fairlyGood' | 'average' | 'poor';
  finding: 'incompetent' | 'unqualified' | 'notDiligent' | null;
  recorded_by: string;
  created_at: CreatedAt;
}

export interface SecretaryDisciplineTable {
  /** The county (first six digits of the unit code): the distribution key, docs/DISTRIBUTION.md. */
  county_code: CountyCode;
  id: Generated<string>;
  member_id: string;
  org_code: string;
  decided_on: string;
  kind: string;
  description: string;
  recorded_by: string;
  created_at: CreatedAt;
}

export interface SecretaryTrainingTable {
  /** The county (first six digits of the unit code): the distribution key, docs/DISTRIBUTION.md. */
  county_code: CountyCode;
  id: Generated<string>;
  member_id: string;
  org_code: string;
  started_on: string;
  days: number;
  method: TrainingMethod;
  course: string;
  organiser: string;
  recorded_by: string;
  created_at: CreatedAt;
}

export interface ReserveRemovalTable {
  /** The county (first six digits of the unit code): the distribution key, docs/DISTRIBUTION.md. */
  county_code: CountyCode;
  id: Generated<string>;
  reserve_id: string;
  org_code: string;
  reason_code: string;
  reason_text: string;
  status: Generated<RemovalStatus>;
  proposed_on: string;
  proposed_by: string;
  decided_on: string | null;
  decided_by: string | null;
  decision_note: string | null;
  filed_on: string | null;
  filed_by: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface CoverageShortfallTable {
  /** The county (first six digits of the unit code): the distribution key, docs/DISTRIBUTION.md. */
  county_code: CountyCode;
  org_code: string;
  rule: CoverageRule;
  short_since: string;
}

export interface VillageCoverageTable {
  county_code: CountyCode;
  org_code: string;
  township_code: string;
  reserves: number;
  young: number;
  mature: number;
  potential: number;
  successors: number;
  need: CandidateProfile | null;
  need_explanation: string;
  young_maximum_age: number;
  short_rules: CoverageRule[];
  evaluated_on: string;
  valid_through: string | null;
  evaluated_at: Generated<Date>;
}

export interface AppointmentNotice {
  orgCode: string;
  startsOn: string;
  endsOn: string;
  workingDays: number;
}

export interface ByElection {
  heldOn: string;
  eligibleVoters: number;
  votesCast: number;
  votesFor: number;
}

export interface AppointmentTable {
  /** The county (first six digits of the unit code): the distribution key, docs/DISTRIBUTION.md. */
  county_code: CountyCode;
  id: Generated<string>;
  vacancy_id: string | null;
  org_code: string;
  committee: Committee;
  post: Post;
  reserve_id: string;
  person_id: string;
  home_org_code: string;
  stage: AppointmentStage;
  outcome: Generated<AppointmentOutcome>;
  term_year: number;
  notices: Json<AppointmentNotice[]>;
  by_election: Json<ByElection> | null;
  effective_on: string | null;
  member_id: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface AppointmentStepTable {
  /** The county (first six digits of the unit code): the distribution key, docs/DISTRIBUTION.md. */
  county_code: CountyCode;
  id: Generated<number>;
  appointment_id: string;
  action: string;
  occurred_on: string;
  actor_name: string;
  details: Json<Record<string, unknown>>;
  recorded_at: CreatedAt;
}

export interface AppointmentObjectionTable {
  /** The county (first six digits of the unit code): the distribution key, docs/DISTRIBUTION.md. */
  county_code: CountyCode;
  id: Generated<string>;
  appointment_id: string;
  received_on: string;
  content: string;
  handling: string | null;
  is_substantiated: boolean | null;
  handled_on: string | null;
  handled_by: string | null;
  created_at: CreatedAt;
}
