import { z } from 'zod';
import { ROLES } from '../../domain/roles.ts';
import { optionalLine, personName, singleLineText, ZOrgCode, ZPageQuery, ZUuid, ZVersion } from '../../server/schemas.ts';
import { ZRoleBinding } from '../auth/auth.schemas.ts';

export const ZUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  orgCode: z.string(),
  orgName: z.string(),
  isDisabled: z.boolean(),
  isLocked: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.date().nullable(),
  createdAt: z.date(),
  version: z.number().int(),
  roles: z.array(ZRoleBinding),
  policies: z.object({ update: z.boolean(), resetPassword: z.boolean() }),
}).meta({ id: 'User' });
export type TUser = z.infer<typeof ZUser>;

export const ZUserList = z.object({ total: z.number().int(), users: z.array(ZUser), policies: z.object({ create: z.boolean() }) });
export const ZUserListQuery = ZPageQuery.extend({
  search: singleLineText('搜索内容', 50).optional(),
  orgCode: ZOrgCode.optional(),
}).strict();
export const ZUserParams = z.strictObject({ id: ZUuid });

const ZRoleInput = z.strictObject({
  role: z.enum(ROLES, '角色不正确'),
  orgCode: ZOrgCode,
  department: optionalLine('部门名称', 50),
});

export const ZCreateUser = z.strictObject({
  username: z.string().trim().regex(/^[a-zA-Z0-9_.-]{2,32}$/, '用户名应为 2–32 位字母、数字、下划线、点或短横线'),
  displayName: personName('姓名', 50),
  orgCode: ZOrgCode,
  roles: z.array(ZRoleInput).max(20, '一个用户最多 20 个角色'),
});

export const ZUpdateUser = z.strictObject({
  displayName: personName('姓名', 50).optional(),
  isDisabled: z.boolean().optional(),
  roles: z.array(ZRoleInput).max(20, '一个用户最多 20 个角色').optional(),
  version: ZVersion,
});

export const ZResetPassword = z.strictObject({ version: ZVersion });
export const ZUserWithPassword = z.object({ user: ZUser, initialPassword: z.string().describe('初始密码，仅显示这一次') });
