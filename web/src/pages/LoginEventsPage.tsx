import { Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { auditApi } from '../api/audit.ts';
import { LOGIN_OUTCOME_LABELS } from '../api/labels.ts';
import type { LoginEvent, Page } from '../api/types.ts';
import { formatDateTime } from '../components/formatDate.ts';
import { useShowError } from '../components/useShowError.ts';

const columns: ColumnsType<LoginEvent> = [
  { title: '时间', dataIndex: 'at', width: 170, render: (value: string) => formatDateTime(value) },
  { title: '用户名', dataIndex: 'username', width: 140 },
  { title: 'IP', dataIndex: 'ip', width: 140 },
  {
    title: '结果',
    dataIndex: 'outcome',
    width: 120,
    render: (outcome: LoginEvent['outcome']) => {
      const shown = LOGIN_OUTCOME_LABELS[outcome] ?? { label: outcome, color: 'default' };
      return <Tag color={shown.color}>{shown.label}</Tag>;
    },
  },
];

/** 登录日志: every login attempt, newest first. */
export function LoginEventsPage() {
  const showError = useShowError();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [result, setResult] = useState<Page<LoginEvent> | null>(null);
  const [isLoading, setLoading] = useState(false);

  useEffect(() => {
    let isCurrent = true;
    setLoading(true);
    auditApi.loginEvents(paging)
      .then((page) => { if (isCurrent) setResult(page); })
      .catch(showError)
      .finally(() => { if (isCurrent) setLoading(false); });
    return () => { isCurrent = false; };
  }, [paging, showError]);

  return (
    <div>
      <div className="page-header"><h2>登录日志</h2></div>
      <Table<LoginEvent>
        rowKey="id"
        size="middle"
        loading={isLoading}
        columns={columns}
        dataSource={result?.events ?? []}
        scroll={{ x: 600 }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: result?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => `共 ${total} 条`,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
    </div>
  );
}
