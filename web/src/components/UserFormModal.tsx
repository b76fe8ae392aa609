import { Form, Input } from 'antd';
import type { RoleInput, User, UserWithPassword } from '../api/types.ts';
import { usersApi } from '../api/users.ts';
import { OrgUnitPicker } from './OrgUnitPicker.tsx';
import { RoleListField, type RoleRow } from './RoleListField.tsx';
import { FormModal } from './FormModal.tsx';

interface UserForm {
  username: string;
  displayName: string;
  orgCode: string;
  roles: RoleRow[];
}

interface Props {
  /** 'create' for a new user, a user to edit, or null when closed. */
  target: 'create' | User | null;
  onClose: () => void;
  onCreated: (result: UserWithPassword) => void;
  onUpdated: (user: User | null) => void;
}

function toRoleInputs(rows: RoleRow[] | undefined, defaultOrgCode: string): RoleInput[] {
  return (rows ?? []).filter((row): row is RoleRow & { role: NonNullable<RoleRow['role']> } => row.role !== undefined).map((row) => ({
    role: row.role,
    orgCode: row.orgCode || defaultOrgCode,
    department: row.role === 'jointReviewDepartment' ? (row.department?.trim() || null) : null,
  }));
}

/** Creating a user (with roles) or editing an existing user's name and roles. */
export function UserFormModal({ target, onClose, onCreated, onUpdated }: Props) {
  const isCreate = target === 'create';
  const editing = target !== null && target !== 'create' ? target : null;

  const initialValues: Partial<UserForm> = editing
    ? {
      username: editing.username,
      displayName: editing.displayName,
      orgCode: editing.orgCode,
      roles: editing.roles.map((binding) => ({ role: binding.role, orgCode: binding.orgCode, orgName: binding.orgName, department: binding.department })),
    }
    : { roles: [{}] };

  const save = async (values: UserForm): Promise<UserWithPassword | User> => {
    if (editing) return usersApi.update(editing.id, { displayName: values.displayName, roles: toRoleInputs(values.roles, editing.orgCode), version: editing.version });
    return usersApi.create({ username: values.username, displayName: values.displayName, orgCode: values.orgCode, roles: toRoleInputs(values.roles, values.orgCode) });
  };

  return (
    <FormModal<UserForm, UserWithPassword | User>
      title={isCreate ? '新建用户' : `编辑用户：${editing?.username ?? ''}`}
      open={target !== null}
      onClose={onClose}
      initialValues={initialValues}
      save={save}
      onSaved={(result) => (editing ? onUpdated(result as User) : onCreated(result as UserWithPassword))}
      onConflict={() => onUpdated(null)}
      formClassName="user-form"
    >
      <Form.Item
        name="username"
        label="用户名"
        rules={isCreate ? [{ required: true, message: '请填写用户名' }, { pattern: /^[a-zA-Z0-9_.-]{2,32}$/, message: '用户名应为 2–32 位字母、数字、下划线、点或短横线' }] : []}
      >
        <Input disabled={!isCreate} autoComplete="off" placeholder="登录用的用户名" />
      </Form.Item>
      <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { max: 50, message: '姓名不能超过 50 个字符' }]}>
        <Input autoComplete="off" />
      </Form.Item>
      {isCreate ? (
        <Form.Item name="orgCode" label="所属单位" rules={[{ required: true, message: '请选择所属单位' }]}>
          <OrgUnitPicker />
        </Form.Item>
      ) : (
        <Form.Item label="所属单位"><Input value={editing?.orgName} disabled /></Form.Item>
      )}
      <RoleListField />
    </FormModal>
  );
}
