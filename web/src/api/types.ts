/**
 * Shapes of the API's JSON responses (see the Zod schemas in src/modules). Dates arrive as ISO strings.
 */
export type { Role } from '../../../src/domain/roles.ts';
import type { Permission, Role } from '../../../src/domain/roles.ts';

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
