import type { Db, Tx } from '../../db/database.ts';
import { ROLE_LABELS, ROLE_LEVELS, type Role } from '../../domain/roles.ts';
import type { Context, RoleBinding } from '../../server/access.ts';
import { AppError, notFound, versionConflict } from '../../server/errors.ts';
import { recordAuditEvent } from '../audit/audit.service.ts';
import { sessionCache } from '../auth/session-cache.ts';
import { sessions } from '../auth/sessions.ts';
import { generatePassword, hashPassword } from '../auth/password.ts';
import { orgUnitLookup } from '../org-units/org-units.service.ts';
import { subtreePrefix } from '../../domain/org-code.ts';
import { usersRepository, type UserRecord } from './users.repository.ts';

export interface RoleInput {
  role: Role;
  orgCode: string;
  department?: string | null | undefined;
}

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  orgCode: string;
  orgName: string;
  isDisabled: boolean;
  isLocked: boolean;
  mustChangePassword: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
  version: number;
  roles: (RoleBinding & { roleLabel: string })[];
  policies: { update: boolean; resetPassword: boolean };
}

const USER = { record: '用户', action: '管理该用户' };

async function present(db: Db | Tx, ctx: Context, users: UserRecord[]): Promise<UserView[]> {
  const roles = await usersRepository.listRoles(db, users.map((user) => user.id));
  const locked = await sessions.findLockedUsernames(db, users.map((user) => user.username), new Date());
  return users.map((user) => {
    const canManage = mayManage(ctx, user, roles.get(user.id) ?? []);
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      orgCode: user.orgCode,
      orgName: user.orgName,
      isDisabled: user.isDisabled,
      isLocked: locked.has(user.username),
      mustChangePassword: user.mustChangePassword,
      lastLoginAt: user.lastLoginAt,
      createdAt: user.createdAt,
      version: user.version,
      roles: (roles.get(user.id) ?? []).map((binding) => ({ ...binding, roleLabel: ROLE_LABELS[binding.role] })),
      policies: { update: canManage, resetPassword: canManage },
    };
  });
}

/** The id of the user with this username, if any (the demo acts as its users). */
export async function findUserIdByUsername(db: Db, username: string): Promise<string | undefined> {
  return (await usersRepository.findByUsername(db, username))?.id;
}

export async function listUsers(
  db: Db,
  ctx: Context,
  query: { search?: string | undefined; orgCode?: string | undefined; page: number; pageSize: number },
): Promise<{ total: number; users: UserView[]; policies: { create: boolean } }> {
  ctx.access.requireAnywhere('user.read', '查看用户');
  let orgPrefix: string | undefined;
  if (query.orgCode) {
    ctx.access.require('user.read', [query.orgCode], { record: '组织单位', action: '查看该单位的用户' });
    const unit = await orgUnitLookup.findByCode(db, query.orgCode);
    if (!unit) throw notFound('组织单位');
    orgPrefix = subtreePrefix(unit.code, unit.level);
  }
  const { total, users } = await usersRepository.list(db, {
    prefixes: ctx.access.prefixes('user.read'),
    search: query.search,
    orgPrefix,
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  return { total, users: await present(db, ctx, users), policies: { create: ctx.access.canAnywhere('user.manage') } };
}

/**
 * Whether the caller may edit, disable, reset or re-role this user: user management over the home
 * unit and over every unit the user's roles are bound to, and each of those roles one the caller
 * may grant there (never a user holding a role above the caller's own).
 */
function mayManage(ctx: Context, user: UserRecord, roles: readonly RoleBinding[]): boolean {
  return ctx.access.can('user.manage', user.orgCode) && roles.every((binding) => ctx.access.canGrant(binding.role, binding.orgCode));
}

/**
 * Finds a user the caller may read (or manage): the caller's scope must cover the user's home unit
 * and every unit the user's roles are bound to, so a user with a county role homed in a township is
 * beyond a township officer.
 */
async function findVisibleUser(db: Db | Tx, ctx: Context, id: string, permission: 'user.read' | 'user.manage'): Promise<{ user: UserRecord; roles: RoleBinding[] }> {
  const user = await usersRepository.findById(db, id);
  if (!user) throw notFound('用户');
  const roles = (await usersRepository.listRoles(db, [id])).get(id) ?? [];
  ctx.access.require(permission, [user.orgCode, ...roles.map((binding) => binding.orgCode)], USER);
  if (permission === 'user.manage' && !mayManage(ctx, user, roles)) {
    throw new AppError('FORBIDDEN', '该用户拥有高于您的角色，只能由上级组织部或系统管理员管理');
  }
  return { user, roles };
}

export async function getUser(db: Db, ctx: Context, id: string): Promise<UserView> {
  const { user } = await findVisibleUser(db, ctx, id, 'user.read');
  const [view] = await present(db, ctx, [user]);
  return view!;
}

/** Checks that every role may be granted by the caller and suits the level of its unit. */
async function checkRoles(db: Db | Tx, ctx: Context, roles: readonly RoleInput[]): Promise<{ role: Role; orgCode: string; department: string | null }[]> {
  ctx.access.require('user.manage', roles.map((binding) => binding.orgCode), { record: '角色所属单位', action: '在该单位授予角色' });
  const units = await orgUnitLookup.findByCodes(db, roles.map((binding) => binding.orgCode));
  return roles.map((binding) => {
    const unit = units.find((candidate) => candidate.code === binding.orgCode);
    if (!unit) throw notFound('角色所属单位');
    if (!ROLE_LEVELS[binding.role].includes(unit.level)) {
      throw new AppError('VALIDATION_FAILED', `「${ROLE_LABELS[binding.role]}」角色不能绑定到${unit.name}（该角色应绑定到相应层级的单位）`);
    }
    if (binding.role === 'administrator' && !ctx.access.hasRole('administrator', binding.orgCode)) {
      throw new AppError('FORBIDDEN', '只有系统管理员可以授予系统管理员角色');
    }
    if (!ctx.access.canGrant(binding.role, binding.orgCode)) {
      throw new AppError('FORBIDDEN', `您不能授予「${ROLE_LABELS[binding.role]}」角色：只能授予不高于您自己的角色`);
    }
    if (binding.role === 'jointReviewDepartment' && !binding.department) {
      throw new AppError('VALIDATION_FAILED', '联审部门角色须指定所属部门');
    }
    return { role: binding.role, orgCode: binding.orgCode, department: binding.department ?? null };
  });
}

export async function createUser(
  db: Db,
  ctx: Context,
  input: { username: string; displayName: string; orgCode: string; roles: RoleInput[]; password?: string | undefined; mustChangePassword?: boolean | undefined },
): Promise<{ user: UserView; initialPassword: string }> {
  ctx.access.require('user.manage', [input.orgCode], { record: '组织单位', action: '在该单位创建用户' });
  const initialPassword = input.password ?? generatePassword();
  const passwordHash = await hashPassword(initialPassword);
  return db.transaction().execute(async (tx) => {
    if (!(await orgUnitLookup.findByCode(tx, input.orgCode))) throw notFound('组织单位');
    if (await usersRepository.findByUsername(tx, input.username)) throw new AppError('CONFLICT', `用户名「${input.username}」已被使用，请换一个`);
    const roles = await checkRoles(tx, ctx, input.roles);
    const id = await usersRepository.insert(tx, { ...input, passwordHash, mustChangePassword: input.mustChangePassword ?? true });
    await usersRepository.replaceRoles(tx, id, roles);
    await recordAuditEvent(tx, ctx, {
      action: 'user.create',
      entityType: 'user',
      entityId: id,
      orgCode: input.orgCode,
      summary: `创建用户 ${input.username}（${input.displayName}）`,
      after: { username: input.username, displayName: input.displayName, orgCode: input.orgCode, roles },
    });
    const [user] = await present(tx, ctx, [(await usersRepository.findById(tx, id))!]);
    return { user: user!, initialPassword };
  });
}

export async function updateUser(
  db: Db,
  ctx: Context,
  id: string,
  input: { displayName?: string | undefined; isDisabled?: boolean | undefined; roles?: RoleInput[] | undefined; version: number },
): Promise<UserView> {
  return db.transaction().execute(async (tx) => {
    const { user: before, roles: rolesBefore } = await findVisibleUser(tx, ctx, id, 'user.manage');
    if (ctx.actor?.userId === id && (input.isDisabled === true || input.roles !== undefined)) {
      throw new AppError('FORBIDDEN', '不能停用自己或修改自己的角色，请由其他管理员操作');
    }
    const roles = input.roles === undefined ? undefined : await checkRoles(tx, ctx, input.roles);
    if (!(await usersRepository.update(tx, id, input.version, { displayName: input.displayName, isDisabled: input.isDisabled }))) {
      throw versionConflict('该用户');
    }
    if (roles) await usersRepository.replaceRoles(tx, id, roles);
    if (input.isDisabled === true) await sessions.deleteSessionsOfUser(tx, id);
    sessionCache.forgetUser(id, Date.now());
    await recordAuditEvent(tx, ctx, {
      action: 'user.update',
      entityType: 'user',
      entityId: id,
      orgCode: before.orgCode,
      summary: `修改用户 ${before.username}`,
      before: { displayName: before.displayName, isDisabled: before.isDisabled, roles: rolesBefore.map(({ role, orgCode, department }) => ({ role, orgCode, department })) },
      after: {
        displayName: input.displayName ?? before.displayName,
        isDisabled: input.isDisabled ?? before.isDisabled,
        roles: roles ?? rolesBefore.map(({ role, orgCode, department }) => ({ role, orgCode, department })),
      },
    });
    const [view] = await present(tx, ctx, [(await usersRepository.findById(tx, id))!]);
    return view!;
  });
}

/** Sets a new random password that must be changed at next login, ends the user's sessions and lifts a lockout. */
export async function resetUserPassword(db: Db, ctx: Context, id: string, input: { version: number }): Promise<{ user: UserView; initialPassword: string }> {
  const initialPassword = generatePassword();
  const passwordHash = await hashPassword(initialPassword);
  return db.transaction().execute(async (tx) => {
    const { user } = await findVisibleUser(tx, ctx, id, 'user.manage');
    if (!(await usersRepository.update(tx, id, input.version, { passwordHash, mustChangePassword: true }))) throw versionConflict('该用户');
    await sessions.deleteSessionsOfUser(tx, id);
    await sessions.clearThrottle(tx, user.username);
    await recordAuditEvent(tx, ctx, {
      action: 'user.resetPassword',
      entityType: 'user',
      entityId: id,
      orgCode: user.orgCode,
      summary: `重置用户 ${user.username} 的密码并解除锁定`,
    });
    const [view] = await present(tx, ctx, [(await usersRepository.findById(tx, id))!]);
    return { user: view!, initialPassword };
  });
}
