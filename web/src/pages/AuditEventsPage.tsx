import { ExportOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Form, Input, Row, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { auditApi, type AuditEventQuery } from '../api/audit.ts';
import { AUDIT_ACTION_LABELS, auditActionLabel, ENTITY_TYPE_LABELS } from '../api/labels.ts';
import type { AuditEvent, AuditVerification } from '../api/types.ts';
import { DownloadButton } from '../components/DownloadButton.tsx';
import { FilterFormEnd, rangeToQuery, type DateRange } from '../components/FilterFormFields.tsx';
import { formatDateTime } from '../components/formatDate.ts';
import { JsonBlock } from '../components/JsonBlock.tsx';
import { useApiQuery } from '../state/queryClient.tsx';
import { useSaveMutation } from '../state/useSaveMutation.ts';
import { useMe } from '../session/SessionContext.tsx';

interface Filters {
  actorName?: string;
  action?: string;
  entityType?: string;
  range?: DateRange;
}

const actionOptions = Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label }));
const entityTypeOptions = Object.entries(ENTITY_TYPE_LABELS).map(([value, label]) => ({ value, label }));

function toQuery(filters: Filters): Omit<AuditEventQuery, 'page' | 'pageSize'> {
  return {
    actorName: filters.actorName?.trim() || undefined,
    action: filters.action?.trim() || undefined,
    entityType: filters.entityType?.trim() || undefined,
    ...rangeToQuery(filters.range),
  };
}

/** 操作日志: filtered, paged, each row expandable to its before and after; integrity check when allowed. */
export function AuditEventsPage() {
  const me = useMe();
  const [form] = Form.useForm<Filters>();
  const [query, setQuery] = useState<AuditEventQuery>({ page: 1, pageSize: 20 });
  const events = useApiQuery(['audit-events', query], (signal) => auditApi.events(query, signal), { keepPrevious: true });
  const result = events.data ?? null;
  const [verification, setVerification] = useState<AuditVerification | null>(null);
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  const verifying = useSaveMutation({ save: () => auditApi.verify(), onSaved: setVerification });

  const columns: ColumnsType<AuditEvent> = [
    { title: '序号', dataIndex: 'id', width: 80 },
    { title: '时间', dataIndex: 'at', width: 170, render: (value: string) => formatDateTime(value) },
    { title: '操作人', dataIndex: 'actorName', width: 110 },
    { title: '操作类型', dataIndex: 'action', width: 150, render: (value: string) => <Tag>{auditActionLabel(value)}</Tag> },
    { title: '对象类型', dataIndex: 'entityType', width: 100, render: (value: string) => ENTITY_TYPE_LABELS[value] ?? value },
    { title: '摘要', dataIndex: 'summary', width: 320 },
    { title: 'IP', dataIndex: 'ip', width: 130 },
  ];

  return (
    <div>
      <div className="page-header">
        <h2>操作日志</h2>
        <Space wrap align="start" className="no-print">
          <DownloadButton icon={<ExportOutlined />} fetchFile={(onProgress) => auditApi.exportEvents(filters, onProgress)}>导出</DownloadButton>
          {me.permissions.includes('audit.verify') && (
            <Button icon={<SafetyCertificateOutlined />} loading={verifying.isSaving} onClick={() => verifying.submit(undefined)}>校验日志完整性</Button>
          )}
        </Space>
      </div>
      {verification && (
        <Alert
          type={verification.firstBreak ? 'error' : 'success'}
          showIcon
          closable={{ onClose: () => setVerification(null) }}
          title={verification.message}
          description={`已校验 ${verification.checked} 条`}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<Filters>
        form={form}
        layout="vertical"
        onFinish={(filters) => setQuery({ page: 1, pageSize: query.pageSize, ...toQuery(filters) })}
      >
        <Row gutter={12}>
          <Col xs={24} sm={12} lg={5}><Form.Item name="actorName" label="操作人"><Input placeholder="用户名" allowClear /></Form.Item></Col>
          <Col xs={24} sm={12} lg={5}><Form.Item name="action" label="操作类型"><Select options={actionOptions} showSearch={{ optionFilterProp: 'label' }} placeholder="输入名称搜索，如 导出名册" allowClear /></Form.Item></Col>
          <Col xs={24} sm={12} lg={5}><Form.Item name="entityType" label="对象类型"><Select options={entityTypeOptions} showSearch={{ optionFilterProp: 'label' }} placeholder="如 后备力量" allowClear /></Form.Item></Col>
          <FilterFormEnd onReset={() => { form.resetFields(); setQuery({ page: 1, pageSize: query.pageSize }); }} />
        </Row>
      </Form>
      <Table<AuditEvent>
        rowKey="id"
        size="middle"
        loading={events.isFetching}
        columns={columns}
        dataSource={result?.events ?? []}
        scroll={{ x: 1100 }}
        expandable={{
          expandedRowRender: (event) => (
            <Row gutter={16}>
              <Col xs={24} md={12}><div>变更前</div><JsonBlock value={event.before} /></Col>
              <Col xs={24} md={12}><div>变更后</div><JsonBlock value={event.after} /></Col>
              <Col span={24} style={{ marginTop: 8, color: 'rgba(0,0,0,0.45)', wordBreak: 'break-all' }}>对象编号：{event.entityId}　哈希：{event.hash}</Col>
            </Row>
          ),
        }}
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
