import type { ColumnType, Generated } from 'kysely';
import type { CountyCode, CreatedAt, Timestamp, UpdatedAt } from './schema-columns.ts';
import type { SelectionOutcome, SelectionStage } from '../domain/selection-procedure.ts';

type Json<T> = ColumnType<T, string, string>;

/** Tables of the selection procedure (migration 0005_selection.sql). */
export interface SelectionSchema {
  eligibility_policy: EligibilityPolicyTable;
  official_calendar_year: OfficialCalendarYearTable;
  village_reserve_need: VillageReserveNeedTable;
  public_notice: PublicNoticeTable;
  selection_candidate: SelectionCandidateTable;
  selection_step: SelectionStepTable;
  eligibility_exception: EligibilityExceptionTable;
  joint_review: JointReviewTable;
  notice_objection: NoticeObjectionTable;
  selection_attachment: SelectionAttachmentTable;
}

export interface EligibilityPolicyTable {
  id: Generated<string>;
  org_code: string;
  version_number: number;
  rules: Json<unknown>;
  note: string;
  created_by: string;
  created_at: CreatedAt;
}

export interface OfficialCalendarYearTable {
  year: number;
  holidays: Json<string[]>;
  make_up_workdays: Json<string[]>;
  note: string | null;
  entered_by: string;
  version: Generated<number>;
  updated_at: UpdatedAt;
}

export interface VillageReserveNeedTable {
  /** The county (first six digits of the unit code): the distribution key, docs/DISTRIBUTION.md. */
  county_code: CountyCode;
  org_code: string;
  need: string;
  condition: string | null;
  version: Generated<number>;
  updated_at: UpdatedAt;
}

export interface PublicNoticeTable {
  /** The county (first six digits of the unit code): the distribution key, docs/DISTRIBUTION.md. */
  county_code: CountyCode;
  id: Generated<string>;
  org_code: string;
  starts_on: string;
  working_days: number;
  posting_day_counts: boolean;
  ends_on: string;
  objection_contact: string;
  notice_text: string;
  created_by: string;
  created_at: CreatedAt;
}

export interface SelectionCandidateTable {
  /** The county (first six digits of the unit code): the distribution key, docs/DISTRIBUTION.md. */
  county_code: CountyCode;
  id: Generated<string>;
  person_id: string;
  org_code: string;
  stage: SelectionStage;
  outcome: Generated<SelectionOutcome>;
  channel: string;
  profile: string;
  target_post: string;
  source_category: string;
  exclusions_found: ColumnType<string[], string | undefined, string>;
  evaluation: Json<unknown> | null;
  public_notice_id: string | null;
  reserve_id: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface SelectionStepTable {
  /** The county (first six digits of the unit code): the distribution key, docs/DISTRIBUTION.md. */
  county_code: CountyCode;
  id: Generated<number>;
  candidate_id: string;
  action: string;
  from_stage: SelectionStage | null;
  to_stage: SelectionStage | null;
  occurred_on: string;
  actor_name: string;
  details: Json<Record<string, unknown>>;
  recorded_at: CreatedAt;
}

export interface EligibilityExceptionTable {
  /** The county (first six digits of the unit code): the distribution key, docs/DISTRIBUTION.md. */
  county_code: CountyCode;
  id: Generated<string>;
  candidate_id: string;
  rule: string;
  reason: string;
  status: Generated<string>;
  requested_by: string;
  decided_by: string | null;
  decision_note: string | null;
  decided_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface JointReviewTable {
  /** The county (first six digits of the unit code): the distribution key, docs/DISTRIBUTION.md. */
  county_code: CountyCode;
  id: Generated<string>;
  candidate_id: string;
  department: string;
  status: Generated<string>;
  comment: string | null;
  answered_by: string | null;
  answered_at: Timestamp | null;
  resolution: string | null;
  resolved_by: string | null;
  resolved_at: Timestamp | null;
  version: Generated<number>;
  created_at: CreatedAt;
}

export interface NoticeObjectionTable {
  /** The county (first six digits of the unit code): the distribution key, docs/DISTRIBUTION.md. */
  county_code: CountyCode;
  id: Generated<string>;
  public_notice_id: string;
  candidate_id: string;
  received_on: string;
  content: string;
  handling: string | null;
  is_substantiated: boolean | null;
  handled_by: string | null;
  handled_at: Timestamp | null;
  recorded_by: string;
  created_at: CreatedAt;
}

export interface SelectionAttachmentTable {
  /** The county (first six digits of the unit code): the distribution key, docs/DISTRIBUTION.md. */
  county_code: CountyCode;
  id: Generated<string>;
  candidate_id: string;
  step_action: string | null;
  file_name: string;
  content_type: string;
  size_bytes: number;
  data: Buffer;
  uploaded_by: string;
  created_at: CreatedAt;
}
