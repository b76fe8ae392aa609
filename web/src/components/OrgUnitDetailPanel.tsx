import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Breadcrumb, Button, Card, Descriptions, Empty, Form, Input, Modal, Space, Spin } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { orgUnitsApi } from '../api/orgUnits.ts';
import type { OrgUnit, OrgUnitDetail } from '../api/types.ts';
import { useSaveMutation } from '../state/useSaveMutation.ts';

interface Props {
  detail: OrgUnitDetail | null;
  isLoading: boolean;
  onSelect: (code: string) => void;
  /** Called after a change so the page reloads the record and the tree. */
  onChanged: (unit: OrgUnit | null, kind: 'renamed' | 'groupAdded' | 'conflict') => void;
}

type Editing = 'rename' | 'addGroup' | null;

/** The selected unit: where it sits, what it is, and the changes its policies allow. */
export function OrgUnitDetailPanel({ detail, isLoading, onSelect, onChanged }: Props) {
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Editing>(null);
  const [form] = Form.useForm<{ name: string }>();
  const mutation = useSaveMutation({
    form,
    save: async ({ name }: { name: string }) => {
      if (!detail) return;
      if (editing === 'rename') {
        const unit = await orgUnitsApi.rename(detail.code, name, detail.version);
        void message.success('单位名称已修改');
        onChanged(unit, 'renamed');
      } else {
        const unit = await orgUnitsApi.addVillagerGroup(detail.code, name);
        void message.success(`已增加村民小组：${unit.name}`);
        onChanged(unit, 'groupAdded');
      }
      setEditing(null);
    },
    onConflict: () => {
      setEditing(null);
      onChanged(null, 'conflict');
    },
  });

  if (!detail) {
    return <Card title="单位详情">{isLoading ? <Spin /> : <Empty description="请在左侧选择一个单位" />}</Card>;
  }

  const open = (mode: Exclude<Editing, null>) => {
    form.setFieldsValue({ name: mode === 'rename' ? detail.name : '' });
    setEditing(mode);
  };

  const breadcrumb = [...detail.ancestors, { code: detail.code, name: detail.name }].map((item) => ({
    key: item.code,
    title: item.code === detail.code ? item.name : <a onClick={() => onSelect(item.code)}>{item.name}</a>,
  }));

  return (
    <Card
      title="单位详情"
      loading={isLoading}
      extra={(
        <Space wrap>
          {(detail.level === 'village' || detail.level === 'community') && <Link to={`/villages/${detail.code}`}>村（社区）页面</Link>}
          {detail.policies.update && <Button icon={<EditOutlined />} onClick={() => open('rename')}>修改名称</Button>}
          {detail.policies.addVillagerGroup && <Button icon={<PlusOutlined />} onClick={() => open('addGroup')}>增加村民小组</Button>}
        </Space>
      )}
    >
      <Breadcrumb items={breadcrumb} style={{ marginBottom: 16 }} />
      <Descriptions column={{ xs: 1, sm: 1, md: 2 }} bordered size="small">
        <Descriptions.Item label="名称">{detail.name}</Descriptions.Item>
        <Descriptions.Item label="层级">{detail.levelLabel}</Descriptions.Item>
        <Descriptions.Item label="全称" span={2}>{detail.fullName}</Descriptions.Item>
        <Descriptions.Item label="区划代码">{detail.code}</Descriptions.Item>
        <Descriptions.Item label="下级单位数">{detail.childCount}</Descriptions.Item>
      </Descriptions>
      <Modal
        title={editing === 'rename' ? '修改单位名称' : `在「${detail.name}」下增加村民小组`}
        open={editing !== null}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={mutation.isSaving}
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={mutation.submit}>
          <Form.Item name="name" label={editing === 'rename' ? '单位名称' : '村民小组名称'} rules={[{ required: true, whitespace: true, message: '名称不能为空' }, { max: 50, message: '名称不能超过 50 个字符' }]}>
            <Input placeholder={editing === 'rename' ? '' : '如：第一村民小组'} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
