import { ExportOutlined } from '@ant-design/icons';
import { Col, Form, Input, Row, Select, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { auditApi, type LoginEventQuery } from '../api/audit.ts';
import { LOGIN_OUTCOME_LABELS } from '../api/labels.ts';
import type { LoginEvent } from '../api/types.ts';
import { DownloadButton } from '../components/DownloadButton.tsx';
import { FilterFormEnd, rangeToQuery, type DateRange } from '../components/FilterFormFields.tsx';
import { formatDateTime } from '../components/formatDate.ts';
import { useApiQuery } from '../state/queryClient.tsx';

interface Filters {
  username?: string;
  outcome?: string;
  range?: DateRange;
}

const outcomeOptions = Object.entries(LOGIN_OUTCOME_LABELS).map(([value, shown]) => ({ value, label: shown.label }));

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

function toQuery(filters: Filters): Omit<LoginEventQuery, 'page' | 'pageSize'> {
  return { username: filters.username?.trim() || undefined, outcome: filters.outcome || undefined, ...rangeToQuery(filters.range) };
}

/** 登录日志: every login attempt of the users in scope, newest first, filtered by user, result and dates, and exported with the same filters. */
export function LoginEventsPage() {
  const [form] = Form.useForm<Filters>();
  const [query, setQuery] = useState<LoginEventQuery>({ page: 1, pageSize: 20 });
  const events = useApiQuery(['login-events', query], (signal) => auditApi.loginEvents(query, signal), { keepPrevious: true });
  const result = events.data ?? null;
  const { page: _page, pageSize: _pageSize, ...filters } = query;

  return (
    <div>
      <div className="page-header">
        <h2>登录日志</h2>
        <DownloadButton className="no-print" icon={<ExportOutlined />} fetchFile={(onProgress) => auditApi.exportLoginEvents(filters, onProgress)}>导出</DownloadButton>
      </div>
      <Form<Filters> form={form} layout="vertical" className="login-events-filters" onFinish={(values) => setQuery({ page: 1, pageSize: query.pageSize, ...toQuery(values) })}>
        <Row gutter={12}>
          <Col xs={24} sm={12} lg={6}><Form.Item name="username" label="用户名"><Input placeholder="完整用户名" allowClear /></Form.Item></Col>
          <Col xs={24} sm={12} lg={5}><Form.Item name="outcome" label="结果"><Select options={outcomeOptions} placeholder="全部" allowClear /></Form.Item></Col>
          <FilterFormEnd rangeSpan={7} buttonsSpan={6} onReset={() => { form.resetFields(); setQuery({ page: 1, pageSize: query.pageSize }); }} />
        </Row>
      </Form>
      <Table<LoginEvent>
        rowKey="id"
        size="middle"
        loading={events.isFetching}
        columns={columns}
        dataSource={result?.events ?? []}
        scroll={{ x: 600 }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: result?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => `共 ${total} 条`,
          onChange: (page, pageSize) => setQuery((current) => ({ ...current, page, pageSize })),
        }}
      />
    </div>
  );
}
