import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Timestamp, UpdatedAt } from './schema-columns.ts';
import type { CultivationSchema } from './schema-cultivation.ts';
import type { ElectionsSchema } from './schema-elections.ts';
import type { ManagementSchema } from './schema-management.ts';
import type { ReportsSchema } from './schema-reports.ts';
import type { SelectionSchema } from './schema-selection.ts';
import type { ReserveStatus } from '../domain/reserve-status.ts';

export type { CreatedAt, Timestamp, UpdatedAt } from './schema-columns.ts';

/**
 * Table and column types of the database, as the migrations in ./migrations create them.
 * The selection and cultivation tables are declared in their own files beside this one.
 */
export interface DatabaseSchema extends SelectionSchema, CultivationSchema, ManagementSchema, ReportsSchema, ElectionsSchema {
  org_unit: OrgUnitTable;
  app_user: AppUserTable;
  user_role: UserRoleTable;
  user_session: UserSessionTable;
  login_throttle: LoginThrottleTable;
  login_event: LoginEventTable;
  audit_event: AuditEventTable;
  dictionary_item: DictionaryItemTable;
  schema_migration: SchemaMigrationTable;
  installation_setting: InstallationSettingTable;
  person: PersonTable;
  person_photo: PersonPhotoTable;
  talent_ledger_entry: TalentLedgerEntryTable;
  reserve: ReserveTable;
  reserve_status_change: ReserveStatusChangeTable;
}


export interface OrgUnitTable {
  code: string;
  parent_code: string | null;
  level: string;
  name: string;
  full_name: string;
  sort_order: Generated<number>;
  child_count: Generated<number>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface AppUserTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  org_code: string;
  password_hash: string;
  must_change_password: Generated<boolean>;
  is_disabled: Generated<boolean>;
  password_changed_at: Timestamp | null;
  last_login_at: Timestamp | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface UserRoleTable {
  id: Generated<string>;
  user_id: string;
  role: string;
  org_code: string;
  department: string | null;
}

export interface UserSessionTable {
  token_hash: string;
  user_id: string;
  ip: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  last_seen_at: Timestamp;
}

export interface LoginThrottleTable {
  username: string;
  failed_count: number;
  locked_until: Timestamp | null;
  updated_at: Timestamp;
}

export interface LoginEventTable {
  id: Generated<number>;
  username: string;
  user_id: string | null;
  ip: string;
  outcome: string;
  at: CreatedAt;
}

export interface InstallationSettingTable {
  name: string;
  value: string;
  created_at: CreatedAt;
}

export interface AuditEventTable {
  id: Generated<number>;
  at: Timestamp;
  actor_id: string | null;
  actor_name: string;
  ip: string;
  action: string;
  entity_type: string;
  entity_id: string;
  org_code: string | null;
  summary: string;
  before: ColumnType<unknown, string | null, never>;
  after: ColumnType<unknown, string | null, never>;
  prev_hash: string;
  hash: string;
  /** County code, or 'system'; null for the unkeyed events written before keyed chains. */
  chain: string | null;
  chain_seq: number | null;
}

export interface DictionaryItemTable {
  id: Generated<string>;
  dictionary: string;
  code: string;
  label: string;
  sort_order: number;
  is_enabled: Generated<boolean>;
  version: Generated<number>;
}

export interface SchemaMigrationTable {
  name: string;
  checksum: string;
  applied_at: CreatedAt;
}

type Json = ColumnType<unknown, string | undefined, string>;

export interface PersonTable {
  id: Generated<string>;
  name: string;
  gender: string;
  ethnicity: string | null;
  birth_date: string;
  id_number_cipher: string;
  id_number_hash: string;
  id_number_masked: string;
  phone_cipher: string | null;
  phone_masked: string | null;
  native_place: string | null;
  political_status: string;
  party_join_date: string | null;
  education: string;
  school: string | null;
  major: string | null;
  health: string | null;
  occupation: string | null;
  specialties: string | null;
  work_start_date: string | null;
  present_position: string | null;
  is_living_away: Generated<boolean>;
  education_history: Json;
  work_history: Json;
  family_members: Json;
  has_photo: Generated<boolean>;
  birthplace: ColumnType<string | null, string | null | undefined, string | null>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface PersonPhotoTable {
  person_id: string;
  content_type: string;
  data: Buffer;
}

export interface TalentLedgerEntryTable {
  id: Generated<string>;
  person_id: string;
  org_code: string;
  source_category: string;
  is_away: Generated<boolean>;
  notes: string | null;
  surveyed_on: string;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ReserveTable {
  id: Generated<string>;
  person_id: string;
  org_code: string;
  status: ReserveStatus;
  target_post: string;
  readiness: string;
  source_category: string;
  mentor_name: string | null;
  mentor_post: string | null;
  notes: string | null;
  admitted_on: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ReserveStatusChangeTable {
  id: Generated<number>;
  reserve_id: string;
  from_status: ReserveStatus | null;
  to_status: ReserveStatus;
  reason: string;
  actor_name: string;
  at: CreatedAt;
}
