import type { Executor } from '../../db/database.ts';
import { withinSubtrees } from '../../db/scope.ts';
import type { Role } from '../../domain/roles.ts';
import type { OrgLevel } from '../../domain/org-code.ts';
import type { RoleBinding } from '../../server/access.ts';
import { updateAtVersion } from '../../db/optimistic-lock.ts';

export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  orgCode: string;
  orgName: string;
  passwordHash: string;
  mustChangePassword: boolean;
  isDisabled: boolean;
  lastLoginAt: Date | null;
  version: number;
  createdAt: Date;
}

function baseQuery(db: Executor) {
  return db
    .selectFrom('app_user as u')
    .innerJoin('org_unit as o', 'o.code', 'u.org_code')
    .select([
      'u.id', 'u.username', 'u.display_name', 'u.org_code', 'o.full_name as org_name', 'u.password_hash', 'u.must_change_password',
      'u.is_disabled', 'u.last_login_at', 'u.version', 'u.created_at',
    ]);
}

type UserRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function toRecord(row: UserRow): UserRecord {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    orgCode: row.org_code,
    orgName: row.org_name,
    passwordHash: row.password_hash,
    mustChangePassword: row.must_change_password,
    isDisabled: row.is_disabled,
    lastLoginAt: row.last_login_at,
    version: row.version,
    createdAt: row.created_at,
  };
}

export const usersRepository = {
  async findByUsername(db: Executor, username: string): Promise<UserRecord | undefined> {
    const row = await baseQuery(db).where('u.username', '=', username).executeTakeFirst();
    return row && toRecord(row);
  },

  async findById(db: Executor, id: string): Promise<UserRecord | undefined> {
    const row = await baseQuery(db).where('u.id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  },

  async list(db: Executor, options: { prefixes: string[]; search?: string | undefined; orgPrefix?: string | undefined; offset: number; limit: number }) {
    // A user is listed only when the caller's scope covers its home unit and every unit its roles
    // are bound to (a county role held by a user homed in a township is beyond the township).
    let query = db
      .selectFrom('app_user as u')
      .where(withinSubtrees('u.org_code', options.prefixes))
      .where((eb) =>
        eb.not(eb.exists(eb.selectFrom('user_role as r').select('r.id').whereRef('r.user_id', '=', 'u.id').where(eb.not(withinSubtrees('r.org_code', options.prefixes))))),
      );
    if (options.orgPrefix !== undefined) query = query.where(withinSubtrees('u.org_code', [options.orgPrefix]));
    if (options.search) {
      const pattern = `%${options.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query = query.where((eb) => eb.or([eb('u.username', 'ilike', pattern), eb('u.display_name', 'ilike', pattern)]));
    }
    const [count, ids] = await Promise.all([
      query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
      query.select('u.id').orderBy('u.org_code').orderBy('u.username').offset(options.offset).limit(options.limit).execute(),
    ]);
    const users = ids.length === 0 ? [] : await baseQuery(db).where('u.id', 'in', ids.map((row) => row.id)).orderBy('u.org_code').orderBy('u.username').execute();
    return { total: Number(count.total), users: users.map(toRecord) };
  },

  async listUsernamesWithin(db: Executor, prefixes: string[]): Promise<string[]> {
    const rows = await db.selectFrom('app_user').select('username').where(withinSubtrees('org_code', prefixes)).execute();
    return rows.map((row) => row.username);
  },

  async countAll(db: Executor): Promise<number> {
    const row = await db.selectFrom('app_user').select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
    return Number(row.total);
  },

  async insert(db: Executor, user: { username: string; displayName: string; orgCode: string; passwordHash: string; mustChangePassword: boolean }): Promise<string> {
    const row = await db
      .insertInto('app_user')
      .values({
        username: user.username,
        display_name: user.displayName,
        org_code: user.orgCode,
        password_hash: user.passwordHash,
        must_change_password: user.mustChangePassword,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  /** Updates when the version matches; returns false when someone else changed the user first. */
  async update(
    db: Executor,
    id: string,
    version: number,
    changes: { displayName?: string; orgCode?: string; isDisabled?: boolean; passwordHash?: string; mustChangePassword?: boolean },
  ): Promise<boolean> {
    return updateAtVersion(db, 'app_user', { id }, version, {
        ...(changes.displayName !== undefined && { display_name: changes.displayName }),
        ...(changes.orgCode !== undefined && { org_code: changes.orgCode }),
        ...(changes.isDisabled !== undefined && { is_disabled: changes.isDisabled }),
        ...(changes.passwordHash !== undefined && { password_hash: changes.passwordHash, password_changed_at: new Date() }),
        ...(changes.mustChangePassword !== undefined && { must_change_password: changes.mustChangePassword }),
      updated_at: new Date(),
    });
  },

  async recordLogin(db: Executor, id: string, at: Date): Promise<void> {
    await db.updateTable('app_user').set({ last_login_at: at }).where('id', '=', id).execute();
  },

  async listRoles(db: Executor, userIds: readonly string[]): Promise<Map<string, RoleBinding[]>> {
    const byUser = new Map<string, RoleBinding[]>();
    if (userIds.length === 0) return byUser;
    const rows = await db
      .selectFrom('user_role as r')
      .innerJoin('org_unit as o', 'o.code', 'r.org_code')
      .select(['r.id', 'r.user_id', 'r.role', 'r.org_code', 'r.department', 'o.level', 'o.full_name'])
      .where('r.user_id', 'in', userIds)
      .orderBy('r.org_code')
      .orderBy('r.role')
      .execute();
    for (const row of rows) {
      const list = byUser.get(row.user_id) ?? [];
      list.push({
        id: row.id,
        role: row.role as Role,
        orgCode: row.org_code,
        orgLevel: row.level as OrgLevel,
        orgName: row.full_name,
        department: row.department,
      });
      byUser.set(row.user_id, list);
    }
    return byUser;
  },

  async replaceRoles(db: Executor, userId: string, roles: readonly { role: Role; orgCode: string; department: string | null }[]): Promise<void> {
    await db.deleteFrom('user_role').where('user_id', '=', userId).execute();
    if (roles.length === 0) return;
    await db
      .insertInto('user_role')
      .values(roles.map((binding) => ({ user_id: userId, role: binding.role, org_code: binding.orgCode, department: binding.department })))
      .execute();
  },
};
