import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type { User } from '../api/types.ts';
import { usersApi } from '../api/users.ts';
import { formatDateTime } from '../components/formatDate.ts';
import { OneTimePasswordModal } from '../components/OneTimePasswordModal.tsx';
import { UserFormModal } from '../components/UserFormModal.tsx';
import { useApiQuery } from '../state/queryClient.tsx';
import { useSaveMutation } from '../state/useSaveMutation.ts';

type ShownPassword = { who: string; password: string; title: string };

/** 用户管理: users of the scope, paged on the server, with the actions each user's policies allow. */
export function UsersPage() {
  const { message } = App.useApp();
  const [query, setQuery] = useState({ page: 1, pageSize: 20, search: '' });
  const [formTarget, setFormTarget] = useState<'create' | User | null>(null);
  const [shownPassword, setShownPassword] = useState<ShownPassword | null>(null);
  const listQuery = { page: query.page, pageSize: query.pageSize, search: query.search || undefined };
  const users = useApiQuery(['users', listQuery], (signal) => usersApi.list(listQuery, signal), { keepPrevious: true });
  const list = users.data ?? null;
  const load = () => void users.refetch();
  const disabling = useSaveMutation({
    save: ({ user, isDisabled }: { user: User; isDisabled: boolean }) => usersApi.update(user.id, { isDisabled, version: user.version }),
    onSaved: (_result, { user, isDisabled }) => { void message.success(isDisabled ? `已停用 ${user.username}` : `已启用 ${user.username}`); },
  });
  const resetting = useSaveMutation({
    save: (user: User) => usersApi.resetPassword(user.id, user.version),
    onSaved: (result) => setShownPassword({ who: `${result.user.username}（${result.user.displayName}）`, password: result.initialPassword, title: '新密码（仅显示一次）' }),
  });
  const setDisabled = (user: User, isDisabled: boolean) => disabling.submit({ user, isDisabled });
  const resetPassword = (user: User) => resetting.submit(user);

  const columns: ColumnsType<User> = [
    { title: '用户名', dataIndex: 'username', width: 130 },
    { title: '姓名', dataIndex: 'displayName', width: 110 },
    { title: '所属单位', dataIndex: 'orgName', width: 220 },
    {
      title: '角色',
      key: 'roles',
      width: 260,
      render: (_value, user) => (
        <Space size={[0, 4]} wrap>
          {user.roles.map((binding) => (
            <Tag key={binding.id} title={binding.orgName}>{binding.roleLabel}{binding.department ? `（${binding.department}）` : ''} · {binding.orgName}</Tag>
          ))}
        </Space>
      ),
    },
    {
      title: '状态',
      key: 'status',
      width: 120,
      render: (_value, user) => (
        <Space size={[0, 4]} wrap>
          {user.isDisabled ? <Tag color="default">已停用</Tag> : <Tag color="green">正常</Tag>}
          {user.isLocked && <Tag color="red">已锁定</Tag>}
          {user.mustChangePassword && <Tag color="orange">待改密</Tag>}
        </Space>
      ),
    },
    { title: '最近登录', dataIndex: 'lastLoginAt', width: 170, render: (value: string | null) => formatDateTime(value) },
    {
      title: '操作',
      key: 'actions',
      width: 220,
      render: (_value, user) => (
        <Space size={0} wrap>
          {user.policies.update && <Button type="link" size="small" onClick={() => setFormTarget(user)}>编辑</Button>}
          {user.policies.update && (
            <Popconfirm
              title={user.isDisabled ? `启用用户 ${user.username}？` : `停用用户 ${user.username}？停用后不能登录。`}
              onConfirm={() => setDisabled(user, !user.isDisabled)}
            >
              <Button type="link" size="small" danger={!user.isDisabled}>{user.isDisabled ? '启用' : '停用'}</Button>
            </Popconfirm>
          )}
          {user.policies.resetPassword && (
            <Popconfirm title={`重置 ${user.username} 的密码？原密码将失效，并解除锁定。`} onConfirm={() => resetPassword(user)}>
              <Button type="link" size="small">重置密码</Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <div>
      <div className="page-header">
        <h2>用户管理</h2>
        <Space wrap>
          <Input.Search
            placeholder="用户名或姓名"
            allowClear
            onSearch={(search) => setQuery((current) => ({ ...current, page: 1, search: search.trim() }))}
            style={{ width: 220 }}
            aria-label="搜索用户"
          />
          {list?.policies.create && <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormTarget('create')}>新建用户</Button>}
        </Space>
      </div>
      <Table<User>
        rowKey="id"
        size="middle"
        loading={users.isFetching}
        columns={columns}
        dataSource={list?.users ?? []}
        scroll={{ x: 1200 }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: list?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => `共 ${total} 个用户`,
          onChange: (page, pageSize) => setQuery((current) => ({ ...current, page, pageSize })),
        }}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>只列出您管理范围内的用户。</Typography.Paragraph>
      <UserFormModal
        target={formTarget}
        onClose={() => setFormTarget(null)}
        onCreated={(result) => {
          setFormTarget(null);
          setShownPassword({ who: `${result.user.username}（${result.user.displayName}）`, password: result.initialPassword, title: '用户已创建：初始密码（仅显示一次）' });
          void load();
        }}
        onUpdated={(user) => {
          if (user) {
            setFormTarget(null);
            void message.success(`已保存 ${user.username}`);
          } else {
            setFormTarget(null);
          }
          void load();
        }}
      />
      <OneTimePasswordModal shown={shownPassword} onClose={() => setShownPassword(null)} />
    </div>
  );
}
