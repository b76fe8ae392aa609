import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Select } from 'antd';
import { ROLE_OPTIONS } from '../api/labels.ts';
import type { Role } from '../api/types.ts';
import { OrgUnitPicker } from './OrgUnitPicker.tsx';

/** One row of the roles form; orgCode empty means "the user's own unit". */
export interface RoleRow {
  role?: Role;
  orgCode?: string;
  orgName?: string;
  department?: string | null;
}

/** The list of role bindings in the user form: role, unit, and for 联审部门 the department. */
export function RoleListField() {
  return (
    <Form.List name="roles">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, index) => (
            <Card
              key={field.key}
              size="small"
              title={`角色 ${index + 1}`}
              style={{ marginBottom: 12 }}
              extra={<Button type="text" danger icon={<DeleteOutlined />} aria-label="删除角色" onClick={() => remove(field.name)} />}
            >
              <Form.Item name={[field.name, 'role']} label="角色" rules={[{ required: true, message: '请选择角色' }]}>
                <Select options={ROLE_OPTIONS} placeholder="选择角色" className="role-select" />
              </Form.Item>
              <Form.Item noStyle shouldUpdate>
                {({ getFieldValue }) => (
                  <Form.Item name={[field.name, 'orgCode']} label="角色所属单位" extra="不选则为用户所属单位">
                    <OrgUnitPicker placeholder="默认为用户所属单位" initialLabel={getFieldValue(['roles', field.name, 'orgName']) as string | undefined} />
                  </Form.Item>
                )}
              </Form.Item>
              <Form.Item noStyle shouldUpdate>
                {({ getFieldValue }) => getFieldValue(['roles', field.name, 'role']) === 'jointReviewDepartment' && (
                  <Form.Item name={[field.name, 'department']} label="联审部门名称" rules={[{ required: true, whitespace: true, message: '联审部门须填写部门名称' }, { max: 50, message: '部门名称不能超过 50 个字符' }]}>
                    <Input placeholder="如：纪检监察机关" />
                  </Form.Item>
                )}
              </Form.Item>
            </Card>
          ))}
          <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({})}>添加角色</Button>
        </>
      )}
    </Form.List>
  );
}
