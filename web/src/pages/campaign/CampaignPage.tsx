import { CheckCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Form, Input, InputNumber, Progress, Result, Select, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { MILESTONE_STATUS_LABELS, type MilestoneStatus } from '../../../../src/domain/campaign.ts';
import { campaignsApi, type CampaignMilestone, type CampaignView, type CreateCampaignInput } from '../../api/campaigns.ts';
import { hasPermission } from '../../api/types.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { todayText } from '../../components/villages/labels.ts';
import { useMe } from '../../session/SessionContext.tsx';
import { useApiQuery } from '../../state/queryClient.tsx';

const STATUS_COLORS: Record<MilestoneStatus, string> = { done: 'green', due: 'blue', overdue: 'red' };

function StatusTag({ status }: { status: MilestoneStatus | null }) {
  return status === null ? <Tag>无</Tag> : <Tag color={STATUS_COLORS[status]}>{MILESTONE_STATUS_LABELS[status]}</Tag>;
}

function Counts({ entry }: { entry: { done: number; due: number; overdue: number; total: number; progress: number | null } }) {
  return (
    <Space size={4} wrap>
      <Progress type="circle" size={36} percent={entry.progress ?? 0} />
      <Tag color="green">完成 {entry.done}</Tag><Tag color="blue">未到期 {entry.due}</Tag>{entry.overdue > 0 && <Tag color="red">逾期 {entry.overdue}</Tag>}
    </Space>
  );
}

function Targets({ view }: { view: CampaignView }) {
  const columns: ColumnsType<CampaignView['targets'][number]> = [
    { title: '目标', dataIndex: 'label', key: 'label' },
    { title: `基期${view.baselineOn ? `（${view.baselineOn}）` : ''}`, key: 'baseline', render: (_: unknown, row) => (row.baseline === null ? '无快照' : `${row.baseline}${row.unit}`) },
    { title: '现状', key: 'now', render: (_: unknown, row) => (row.now === null ? '—' : `${row.now}${row.unit}`) },
    { title: '目标值', key: 'target', render: (_: unknown, row) => `${row.direction === 'rise' ? '≥' : '≤'} ${row.target}${row.unit}` },
    {
      title: '情况', key: 'state',
      render: (_: unknown, row) => (
        <Space size={4}>
          {row.isMet ? <Tag color="green">已达到</Tag> : <Tag color="orange">差 {row.gap ?? '—'}{row.unit}</Tag>}
          {row.isImproving === true && <Tag color="blue">较基期改善</Tag>}
          {row.isImproving === false && <Tag color="red">较基期未改善</Tag>}
        </Space>
      ),
    },
  ];
  return <Table rowKey="key" size="small" pagination={false} columns={columns} dataSource={view.targets} />;
}

interface ConfirmTarget { milestone: CampaignMilestone; orgCode: string; name: string }

/** 三年行动: the campaign the unit works under, its milestones per township (and per village for a township), the targets. */
export function CampaignPage() {
  const me = useMe();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const ownUnits = [...new Map(me.roles.map((role) => [role.orgCode, role.orgName])).entries()];
  const orgCode = params.get('unit') ?? ownUnits[0]?.[0] ?? '';
  const list = useApiQuery(['campaigns', orgCode], (signal) => campaignsApi.list(orgCode, signal), { enabled: orgCode !== '' });
  const campaignId = params.get('campaign') ?? list.data?.campaigns[0]?.id ?? '';
  const view = useApiQuery(['campaign', campaignId, orgCode], (signal) => campaignsApi.get(campaignId, orgCode, signal), { enabled: campaignId !== '', keepPrevious: true });
  const [isCreating, setCreating] = useState(false);
  const [confirming, setConfirming] = useState<ConfirmTarget | null>(null);
  const canManage = hasPermission(me, 'campaign.manage');
  const set = (key: string, value: string) => { const next = new URLSearchParams(params); next.set(key, value); setParams(next); };

  if (!orgCode) return <Result status="info" title="您的账户未绑定单位" />;
  const data = view.data;
  const milestoneColumns: ColumnsType<CampaignMilestone> = [
    { title: '完成时限', dataIndex: 'deadline', key: 'deadline', width: 110 },
    { title: '节点', key: 'label', render: (_: unknown, row) => <Space orientation="vertical" size={0}><span>{row.label}</span><Typography.Text type="secondary" style={{ fontSize: 12 }}>{row.appliesToLabel}：{row.ruleLabel}</Typography.Text></Space> },
    { title: '状态', key: 'status', width: 90, render: (_: unknown, row) => <StatusTag status={row.total.status} /> },
    { title: '完成情况', key: 'counts', render: (_: unknown, row) => <Counts entry={row.total} /> },
  ];
  const expanded = (milestone: CampaignMilestone) => (
    <Table rowKey="code" size="small" pagination={false} dataSource={milestone.townships}
      columns={[
        { title: '乡镇（街道）', dataIndex: 'name', key: 'name', render: (name: string, row) => <Button type="link" size="small" onClick={() => set('unit', row.code)}>{name}</Button> },
        { title: '状态', key: 'status', render: (_: unknown, row) => <StatusTag status={row.status} /> },
        { title: '完成情况', key: 'counts', render: (_: unknown, row) => <Counts entry={row} /> },
        {
          title: '各单位', key: 'units',
          render: (_: unknown, row) => (
            <Space size={[4, 4]} wrap>
              {row.units.map((unit) => (
                <Tooltip key={unit.orgCode} title={unit.confirmation ? `${unit.confirmation.actorName} 于 ${unit.confirmation.confirmedOn} 确认：${unit.confirmation.evidence}` : unit.doneBy === 'data' ? '由数据反映已完成' : MILESTONE_STATUS_LABELS[unit.status]}>
                  <Tag color={STATUS_COLORS[unit.status]}>
                    {unit.name}{unit.doneBy === 'hand' ? '（人工确认）' : ''}
                    {unit.status !== 'done' && canManage && data?.policies.manage === true && (
                      <Button type="link" size="small" icon={<CheckCircleOutlined />} aria-label={`确认${unit.name}已完成`} onClick={() => setConfirming({ milestone, orgCode: unit.orgCode, name: unit.name })} />
                    )}
                  </Tag>
                </Tooltip>
              ))}
            </Space>
          ),
        },
      ]} />
  );

  return (
    <div>
      <div className="page-header">
        <h2>三年行动{data ? `：${data.campaign.name}` : ''}</h2>
        <Space wrap>
          <Select aria-label="选择单位" style={{ minWidth: 180 }} value={orgCode} onChange={(value) => set('unit', value)}
            options={[...ownUnits.map(([code, name]) => ({ value: code, label: name })), ...(data && !ownUnits.some(([code]) => code === data.orgCode) ? [{ value: data.orgCode, label: data.unitName }] : [])]} />
          {(list.data?.campaigns.length ?? 0) > 1 && (
            <Select aria-label="选择行动方案" style={{ minWidth: 220 }} value={campaignId} onChange={(value) => set('campaign', value)}
              options={list.data!.campaigns.map((campaign) => ({ value: campaign.id, label: `${campaign.startYear} ${campaign.name}` }))} />
          )}
          {canManage && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>按模板制定行动方案</Button>}
        </Space>
      </div>
      {list.data && list.data.campaigns.length === 0 && <Empty description="本单位尚无行动方案" />}
      {campaignId && !data && <Skeleton active />}
      {data && (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Card size="small" title={`${data.unitName}的总体进度（统计日期 ${data.today}）`}><Counts entry={data.progress} /></Card>
          <Card size="small" title="目标：基期、现状与目标值"><Targets view={data} /></Card>
          <Card size="small" title="进度安排">
            <Table rowKey="id" size="small" pagination={false} columns={milestoneColumns} dataSource={data.milestones} expandable={{ expandedRowRender: expanded }} />
          </Card>
        </Space>
      )}

      <FormModal<CreateCampaignInput, { id: string }>
        title="按模板制定行动方案（进度安排取自县委组织部三年行动方案，日期可修改）"
        open={isCreating}
        onClose={() => setCreating(false)}
        initialValues={{ orgCode, name: '村级党组织书记后备力量培育储备三年行动', startYear: Number(todayText().slice(0, 4)), startedOn: todayText(), matureReservesDeadline: `${todayText().slice(0, 4)}-12-31`, secretaryCollegeShare: null, secretaryAverageAge: null }}
        save={(values) => campaignsApi.create({ ...values, orgCode })}
        onSaved={(result) => { setCreating(false); set('campaign', result.id); void message.success('已制定行动方案'); }}
      >
        <Form.Item name="name" label="名称" rules={[{ required: true, message: '请填写名称' }]}><Input maxLength={100} /></Form.Item>
        <Form.Item name="startYear" label="起始年度" rules={[{ required: true, message: '请填写起始年度' }]}><InputNumber min={2000} max={2100} /></Form.Item>
        <Form.Item name="startedOn" label="开始日期（此日的统计快照为基期）" rules={[{ required: true, message: '请填写开始日期' }]}><DateInput /></Form.Item>
        <Form.Item name="matureReservesDeadline" label="每村储备 2 名成熟后备力量的期限" rules={[{ required: true, message: '请填写期限' }]}><DateInput /></Form.Item>
        <Form.Item name="secretaryCollegeShare" label="书记大专以上学历占比目标（%）"><InputNumber min={0} max={100} /></Form.Item>
        <Form.Item name="secretaryAverageAge" label="书记平均年龄目标（岁）"><InputNumber min={18} max={80} /></Form.Item>
      </FormModal>

      <FormModal<{ confirmedOn: string; evidence: string }, unknown>
        title={confirming ? `确认完成：${confirming.name} · ${confirming.milestone.label}` : '确认完成'}
        open={confirming !== null}
        onClose={() => setConfirming(null)}
        initialValues={{ confirmedOn: todayText(), evidence: '' }}
        save={(values) => campaignsApi.confirm(confirming?.milestone.id ?? '', { orgCode: confirming?.orgCode ?? '', ...values })}
        onSaved={() => { setConfirming(null); void message.success('已确认完成'); }}
      >
        <Form.Item name="confirmedOn" label="完成日期" rules={[{ required: true, message: '请填写完成日期' }]}><DateInput /></Form.Item>
        <Form.Item name="evidence" label="佐证材料说明" rules={[{ required: true, message: '请说明佐证材料' }]}><Input.TextArea maxLength={2000} rows={3} placeholder="如：2026 年 8 月 20 日村“两委”会议记录" /></Form.Item>
      </FormModal>
    </div>
  );
}
