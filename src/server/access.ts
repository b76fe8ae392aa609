import { canGrantRole, roleGrants, type Permission, type Role } from '../domain/roles.ts';
import { isWithin, subtreePrefix, type OrgLevel } from '../domain/org-code.ts';
import { AppError, forbidden, notFound } from './errors.ts';

export interface RoleBinding {
  id: string;
  role: Role;
  orgCode: string;
  orgLevel: OrgLevel;
  orgName: string;
  department: string | null;
}

export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  mustChangePassword: boolean;
  roles: RoleBinding[];
}

/** One per request: who is asking, from where, and what they may touch. */
export interface RequestContext {
  actor: Actor;
  access: Access;
  ip: string;
  /** The business date of the request: today in Beijing, 'YYYY-MM-DD', from the app's clock. */
  today: string;
}

/** Context for work started from the command line or at start-up: acts as the system. */
export interface SystemContext {
  actor: null;
  access: Access;
  ip: string;
  today: string;
}

export type Context = RequestContext | SystemContext;

/** `today`: the business date, 'YYYY-MM-DD', from the caller's clock. */
export function systemContext(today: string): SystemContext {
  return { actor: null, access: Access.unrestricted(), ip: 'local', today };
}

/**
 * The caller's permissions, each limited to the subtrees of the units their roles are bound to.
 * This is the one place where scope (数据权限) is decided: services ask it, repositories filter
 * by the prefixes it returns.
 */
export class Access {
  #bindings: readonly { role: Role; prefix: string }[];

  constructor(roles: readonly Pick<RoleBinding, 'role' | 'orgCode' | 'orgLevel'>[]) {
    this.#bindings = roles.map((binding) => ({ role: binding.role, prefix: subtreePrefix(binding.orgCode, binding.orgLevel) }));
  }

  /** For the command line and start-up work: every permission everywhere. */
  static unrestricted(): Access {
    const access = new Access([]);
    access.#bindings = [{ role: 'administrator', prefix: '' }];
    return access;
  }

  /** Code prefixes of the subtrees where `permission` holds; empty when nowhere. */
  prefixes(permission: Permission): string[] {
    const prefixes = this.#bindings.filter((binding) => roleGrants(binding.role, permission)).map((binding) => binding.prefix);
    return prefixes.filter((prefix) => !prefixes.some((other) => other !== prefix && prefix.startsWith(other)));
  }

  can(permission: Permission, orgCode: string): boolean {
    return this.#bindings.some((binding) => roleGrants(binding.role, permission) && isWithin(binding.prefix, orgCode));
  }

  canAnywhere(permission: Permission): boolean {
    return this.#bindings.some((binding) => roleGrants(binding.role, permission));
  }

  /** Whether the caller holds this role over the unit (e.g. only administrators grant administrator). */
  hasRole(role: Role, orgCode: string): boolean {
    return this.#bindings.some((binding) => binding.role === role && isWithin(binding.prefix, orgCode));
  }

  /**
   * Whether the caller may grant `role` at the unit, or manage a user holding it there: a role that
   * manages users, bound above the unit, and not below the role granted (see canGrantRole).
   */
  canGrant(role: Role, orgCode: string): boolean {
    return this.#bindings.some(
      (binding) => roleGrants(binding.role, 'user.manage') && isWithin(binding.prefix, orgCode) && canGrantRole(binding.role, role),
    );
  }

  /** Whether the unit lies in any of the caller's subtrees at all (may they know it exists). */
  sees(orgCode: string): boolean {
    return this.#bindings.some((binding) => isWithin(binding.prefix, orgCode));
  }

  /**
   * Checks one permission on many records at once. A record outside every subtree of the caller
   * is answered as not found, so its existence is not revealed; one the caller sees but may not
   * act on is forbidden.
   */
  require(permission: Permission, orgCodes: readonly string[], what: { record: string; action: string }): void {
    for (const orgCode of orgCodes) {
      if (!this.sees(orgCode)) throw notFound(what.record);
      if (!this.can(permission, orgCode)) throw forbidden(what.action);
    }
  }

  /**
   * For a record seen through several units (a person in two villages' ledgers): allowed when the
   * permission holds at any one of them.
   */
  requireSome(permission: Permission, orgCodes: readonly string[], what: { record: string; action: string }): void {
    if (!orgCodes.some((orgCode) => this.sees(orgCode))) throw notFound(what.record);
    if (!orgCodes.some((orgCode) => this.can(permission, orgCode))) throw forbidden(what.action);
  }

  requireAnywhere(permission: Permission, action: string): void {
    if (!this.canAnywhere(permission)) throw forbidden(action);
  }
}

/** The name a record's history shows for who acted: the user's display name, or 'system' for the command line and start-up. */
export function actorName(ctx: Context): string {
  return ctx.actor?.displayName ?? 'system';
}

export function requireUser(ctx: RequestContext | SystemContext): asserts ctx is RequestContext {
  if (ctx.actor === null) throw new AppError('UNAUTHENTICATED', '请先登录');
}
