/**
 * Shapes of the API's JSON responses (see the Zod schemas in src/modules). Dates arrive as ISO strings.
 */
export type { Role } from '../../../src/domain/roles.ts';
import type { Permission, Role } from '../../../src/domain/roles.ts';
import type { z } from 'zod';
import type { TPerson, ZPeopleFilter, ZPersonInput, ZPersonSummary, ZUpdatePerson } from '../../../src/modules/people/people.schemas.ts';
import type { TLedgerEntry, ZCreateLedgerEntry, ZUpdateLedgerEntry } from '../../../src/modules/people/talent-ledger.schemas.ts';
import type { RESERVE_STATUSES, TReserve, ZCreateReserve, ZUpdateReserve } from '../../../src/modules/reserves/reserves.schemas.ts';

export type { Permission } from '../../../src/domain/roles.ts';

export type OrgLevel = 'nation' | 'province' | 'city' | 'county' | 'township' | 'village' | 'community' | 'villagerGroup';

export interface RoleBinding {
  id: string;
  role: Role;
  roleLabel: string;
  orgCode: string;
  orgLevel: OrgLevel;
  orgName: string;
  department: string | null;
}

export interface Me {
  userId: string;
  username: string;
  displayName: string;
  mustChangePassword: boolean;
  roles: RoleBinding[];
  permissions: Permission[];
}

export interface OrgUnit {
  code: string;
  parentCode: string | null;
  level: OrgLevel;
  levelLabel: string;
  name: string;
  fullName: string;
  childCount: number;
  version: number;
  policies: { update: boolean; addVillagerGroup: boolean };
}

export interface OrgUnitDetail extends OrgUnit {
  ancestors: { code: string; name: string }[];
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  orgCode: string;
  orgName: string;
  isDisabled: boolean;
  isLocked: boolean;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  createdAt: string;
  version: number;
  roles: RoleBinding[];
  policies: { update: boolean; resetPassword: boolean };
}

export interface UserList {
  total: number;
  users: User[];
  policies: { create: boolean };
}

export interface RoleInput {
  role: Role;
  orgCode: string;
  department?: string | null;
}

export interface UserWithPassword {
  user: User;
  initialPassword: string;
}

export interface DictionaryItem {
  id: string;
  dictionary: string;
  code: string;
  label: string;
  sortOrder: number;
  isEnabled: boolean;
  version: number;
}

export interface Dictionary {
  dictionary: string;
  label: string;
  items: DictionaryItem[];
}

export interface DictionaryList {
  dictionaries: Dictionary[];
  policies: { manage: boolean };
}

export interface AuditEvent {
  id: number;
  at: string;
  actorName: string;
  ip: string;
  action: string;
  entityType: string;
  entityId: string;
  orgCode: string | null;
  summary: string;
  before: unknown;
  after: unknown;
  hash: string;
}

export interface AuditVerification {
  checked: number;
  firstBreak: { kind: 'missing' | 'tampered' | 'relinked'; id?: number; expectedId?: number; foundId?: number } | null;
  message: string;
}

export type LoginOutcome = 'success' | 'wrongPassword' | 'unknownUser' | 'locked' | 'disabled';

export interface LoginEvent {
  id: number;
  username: string;
  ip: string;
  outcome: LoginOutcome;
  at: string;
}

export interface Page<T> {
  total: number;
  events: T[];
}

/*
 * People (一人一档), the talent ledger (人才台账) and the reserve pool (后备力量库): the shapes come
 * from the server's Zod schemas. Dictionary fields hold codes; labels come from /api/dictionaries.
 */

export type Person = TPerson;
export type PersonSummary = z.infer<typeof ZPersonSummary>;
export type PersonInput = z.input<typeof ZPersonInput>;
export type UpdatePersonInput = z.input<typeof ZUpdatePerson>;
export type HistoryEntry = Person['educationHistory'][number];
export type FamilyMember = Person['familyMembers'][number];
export interface RevealedPerson { idNumber: string; phone: string | null }

export type LedgerEntry = TLedgerEntry;
export interface LedgerList { total: number; isTotalCapped: boolean; entries: LedgerEntry[]; policies: { create: boolean } }
export type CreateLedgerEntryInput = z.input<typeof ZCreateLedgerEntry>;
export type UpdateLedgerEntryInput = z.input<typeof ZUpdateLedgerEntry>;
export interface CreatedLedgerEntry { entry: LedgerEntry; isNewPerson: boolean }

export type ReserveStatus = (typeof RESERVE_STATUSES)[number];
export type Reserve = TReserve;
export interface ReserveList { total: number; isTotalCapped: boolean; reserves: Reserve[]; policies: { create: boolean } }
export type CreateReserveInput = z.input<typeof ZCreateReserve>;
export type UpdateReserveInput = z.input<typeof ZUpdateReserve>;
/** A status change of a reserve; `at` is an ISO timestamp. */
export interface ReserveHistoryEntry { fromStatus: string | null; toStatus: string; reason: string; actorName: string; at: string }

/** Query string filters of the ledger, the pool and the roster export, as sent (all strings). */
export type PeopleFilterKey = keyof z.input<typeof ZPeopleFilter> | 'status' | 'targetPost' | 'readiness';
export type PeopleSortBy = 'name' | 'age' | 'orgCode' | 'createdAt';

export interface RosterImportResult { total: number; created: number; updated: number; unchanged: number }
export interface RosterImportProblem { row: number; column: string; message: string }

/** Whether the user holds the permission at some unit (the server still checks each record's unit). */
export function hasPermission(me: Pick<Me, 'permissions'>, permission: Permission): boolean {
  return me.permissions.includes(permission);
}
