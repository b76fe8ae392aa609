import { ROLE_LABELS } from '../../../src/domain/roles.ts';
import type { LoginOutcome, Role } from './types.ts';

/** Chinese names the UI shows for codes the API returns; role names come from the server's own table. */
export { ROLE_LABELS };

export const ROLE_OPTIONS = (Object.keys(ROLE_LABELS) as Role[]).map((role) => ({ value: role, label: ROLE_LABELS[role] }));

export const LOGIN_OUTCOME_LABELS: Record<LoginOutcome, { label: string; color: string }> = {
  success: { label: '成功', color: 'green' },
  wrongPassword: { label: '密码错误', color: 'orange' },
  unknownUser: { label: '用户不存在', color: 'orange' },
  locked: { label: '账户已锁定', color: 'red' },
  disabled: { label: '账户已停用', color: 'red' },
};

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'user.create': '创建用户',
  'user.update': '修改用户',
  'user.resetPassword': '重置密码',
  'user.changePassword': '修改本人密码',
  'orgUnit.update': '修改单位',
  'orgUnit.create': '增加村民小组',
  'orgUnit.import': '导入行政区划',
  'dictionary.create': '新增字典项',
  'dictionary.update': '修改字典项',
};

export const ENTITY_TYPE_LABELS: Record<string, string> = {
  user: '用户',
  orgUnit: '组织单位',
  dictionaryItem: '字典项',
};
