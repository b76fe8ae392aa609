import { z } from 'zod';
import { ROLES } from '../../domain/roles.ts';
import { PERMISSIONS } from '../../domain/roles.ts';
import { ORG_LEVELS } from '../../domain/org-code.ts';
import { secretText, singleLineText } from '../../server/schemas.ts';

export const ZLogin = z.strictObject({
  username: singleLineText('用户名', 32).min(1, '请输入用户名'),
  password: secretText('密码', 64).min(1, '请输入密码'),
});

export const ZChangePassword = z.strictObject({
  currentPassword: secretText('当前密码', 64).min(1, '请输入当前密码'),
  newPassword: secretText('新密码', 64).min(1, '请输入新密码'),
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
