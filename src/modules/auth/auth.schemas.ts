import { z } from 'zod';
import { ROLES } from '../../domain/roles.ts';
import { PERMISSIONS } from '../../domain/roles.ts';
import { ORG_LEVELS } from '../../domain/org-code.ts';

export const ZLogin = z.strictObject({
  username: z.string().trim().min(1, '请输入用户名').max(32, '用户名不能超过 32 个字符'),
  password: z.string().min(1, '请输入密码').max(64, '密码不能超过 64 个字符'),
});

export const ZChangePassword = z.strictObject({
  currentPassword: z.string().min(1, '请输入当前密码').max(64),
  newPassword: z.string().min(1, '请输入新密码').max(64, '密码不能超过 64 位'),
});

export const ZRoleBinding = z.object({
  id: z.string(),
  role: z.enum(ROLES),
  roleLabel: z.string(),
  orgCode: z.string(),
  orgLevel: z.enum(ORG_LEVELS),
  orgName: z.string(),
  department: z.string().nullable(),
});

export const ZMe = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  mustChangePassword: z.boolean(),
  roles: z.array(ZRoleBinding),
  /** Permissions the user holds somewhere in their scope: the menu shows what these allow. */
  permissions: z.array(z.enum(PERMISSIONS)),
});
export type TMe = z.infer<typeof ZMe>;
