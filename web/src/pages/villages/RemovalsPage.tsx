import { App, Button, Form, Input, Radio, Segmented, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { removalsApi, type AdjustmentSuggestion, type DecideRemovalInput, type Removal } from '../../api/villages.ts';
import { ProposeRemovalModal, type RemovalTarget } from '../../components/villages/ProposeRemovalModal.tsx';
import { DateInput } from '../../components/DateInput.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { todayText } from '../../components/villages/labels.ts';
import { useApiQuery } from '../../state/queryClient.tsx';

const STATUS_COLORS: Record<Removal['status'], string> = { proposed: 'processing', approved: 'orange', refused: 'default', filed: 'green' };
type Filter = 'proposed' | 'approved' | 'all' | 'suggested';

/** 后备力量调整: proposals awaiting the township's decision, approvals awaiting the county's filing, and those closed. */
export function RemovalsPage() {
  const { message } = App.useApp();
  const [searchParams] = useSearchParams();
  const [filter, setFilter] = useState<Filter>(searchParams.get('view') === 'suggested' ? 'suggested' : 'proposed');
  const [deciding, setDeciding] = useState<Removal | null>(null);
  const [filing, setFiling] = useState<Removal | null>(null);
  const [proposing, setProposing] = useState<RemovalTarget | null>(null);
  const query = useApiQuery(['reserve-removals', filter], (signal) => removalsApi.list(filter === 'all' || filter === 'suggested' ? undefined : filter, signal), { keepPrevious: true, enabled: filter !== 'suggested' });
  const suggestions = useApiQuery(['reserve-adjustments'], (signal) => removalsApi.suggestions(signal), { enabled: filter === 'suggested' });

  const suggestionColumns: ColumnsType<AdjustmentSuggestion> = [
    { title: '姓名', dataIndex: 'personName', key: 'personName' },
    { title: '村（社区）', dataIndex: 'villageName', key: 'villageName' },
    { title: '建议调整的理由', key: 'reasons', render: (_: unknown, entry) => <Space size={[4, 4]} wrap>{entry.reasons.map((reason) => <Tag key={reason} color="orange">{reason}</Tag>)}</Space> },
    {
      title: '操作', key: 'actions',
      render: (_: unknown, entry) => (entry.hasOpenRemoval ? <Tag color="processing">已提出，待审批</Tag>
        : entry.policies.propose && <Button type="link" size="small" onClick={() => setProposing({ reserveId: entry.reserveId, name: entry.personName, villageName: entry.villageName })}>提出调整</Button>),
    },
  ];

  const columns: ColumnsType<Removal> = [
    { title: '姓名', dataIndex: 'personName', key: 'personName' },
    { title: '村（社区）', dataIndex: 'villageName', key: 'villageName' },
    { title: '调整原因', dataIndex: 'reasonLabel', key: 'reasonLabel' },
    { title: '具体情况', dataIndex: 'reasonText', key: 'reasonText', render: (text: string) => <Typography.Paragraph ellipsis={{ rows: 2, expandable: true }} style={{ marginBottom: 0, maxWidth: 320 }}>{text}</Typography.Paragraph> },
    { title: '提出', key: 'proposed', render: (_: unknown, removal) => `${removal.proposedOn} ${removal.proposedBy}` },
    { title: '状态', dataIndex: 'status', key: 'status', render: (_: unknown, removal) => <Tag color={STATUS_COLORS[removal.status]}>{removal.statusLabel}</Tag> },
    { title: '审批', key: 'decided', render: (_: unknown, removal) => (removal.decidedOn ? `${removal.decidedOn} ${removal.decidedBy ?? ''}${removal.decisionNote ? `：${removal.decisionNote}` : ''}` : '—') },
    { title: '备案', key: 'filed', render: (_: unknown, removal) => (removal.filedOn ? `${removal.filedOn} ${removal.filedBy ?? ''}` : '—') },
    {
      title: '操作', key: 'actions',
      render: (_: unknown, removal) => (
        <Space size={0}>
          {removal.policies.decide && <Button type="link" size="small" onClick={() => setDeciding(removal)}>审批</Button>}
          {removal.policies.file && <Button type="link" size="small" onClick={() => setFiling(removal)}>备案</Button>}
        </Space>
      ),
    },
  ];

  return (
    <div>
      <div className="page-header">
        <h2>后备力量调整</h2>
        <Segmented<Filter> value={filter} onChange={setFilter} options={[{ value: 'proposed', label: '待审批' }, { value: 'approved', label: '待备案' }, { value: 'all', label: '全部' }, { value: 'suggested', label: '建议调整' }]} />
      </div>
      {filter === 'suggested' ? (
        <>
          <Typography.Paragraph type="secondary">最近一次年度考核不合格、年度考核两次基本合格、或已不符合资格条件的后备力量。仅为建议：是否调整由村（社区）党组织提出、乡镇党委审批。</Typography.Paragraph>
          <ResponsiveTable<AdjustmentSuggestion> rowKey="reserveId" size="small" loading={suggestions.isFetching} pagination={false} scroll={{ x: 'max-content' }} columns={suggestionColumns}
            dataSource={suggestions.data?.suggestions ?? []} cardTitle={(entry) => `${entry.personName}（${entry.villageName}）`} locale={{ emptyText: '没有建议调整的后备力量' }} className="adjustment-list" />
        </>
      ) : (
        <>
          <Typography.Paragraph type="secondary">村（社区）党组织提出，乡镇党委审批（同意即调整出库），县委组织部备案。</Typography.Paragraph>
          <ResponsiveTable<Removal> rowKey="id" size="small" loading={query.isFetching} pagination={false} scroll={{ x: 'max-content' }} columns={columns} dataSource={query.data?.removals ?? []}
            cardTitle={(removal) => `${removal.personName}（${removal.villageName}）`} locale={{ emptyText: '没有调整建议' }} className="removal-list" />
        </>
      )}
      <ProposeRemovalModal target={proposing} onClose={() => { setProposing(null); void suggestions.refetch(); }} />

      <FormModal<Omit<DecideRemovalInput, 'version'>, Removal>
        title={deciding ? `审批调整建议：${deciding.personName}（${deciding.reasonLabel}）` : '审批调整建议'}
        open={deciding !== null}
        onClose={() => setDeciding(null)}
        initialValues={{ decidedOn: todayText() }}
        save={(values) => removalsApi.decide(deciding?.id ?? '', { ...values, note: values.note?.trim() || undefined, version: deciding?.version ?? 0 })}
        onSaved={(removal) => { setDeciding(null); void message.success(removal.status === 'approved' ? '已同意，该后备力量已调整出库' : '已不予同意'); }}
        onConflict={() => { setDeciding(null); void query.refetch(); }}
      >
        <Form.Item name="decision" label="审批意见" rules={[{ required: true, message: '请选择同意或不同意' }]}>
          <Radio.Group options={[{ value: 'approve', label: '同意调整' }, { value: 'refuse', label: '不同意' }]} />
        </Form.Item>
        <Form.Item name="note" label="说明"><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
        <Form.Item name="decidedOn" label="审批日期" rules={[{ required: true, message: '请填写审批日期' }]}><DateInput /></Form.Item>
      </FormModal>

      <FormModal<{ filedOn: string }, Removal>
        title={filing ? `备案：${filing.personName}（${filing.villageName}）` : '备案'}
        open={filing !== null}
        onClose={() => setFiling(null)}
        okText="备案"
        initialValues={{ filedOn: todayText() }}
        save={(values) => removalsApi.file(filing?.id ?? '', { ...values, version: filing?.version ?? 0 })}
        onSaved={() => { setFiling(null); void message.success('已备案'); }}
        onConflict={() => { setFiling(null); void query.refetch(); }}
      >
        <Form.Item name="filedOn" label="备案日期" rules={[{ required: true, message: '请填写备案日期' }]}><DateInput /></Form.Item>
      </FormModal>
    </div>
  );
}
