import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { electionsApi, type CompositionReport, type CreatePlanInput, type ElectionBoard, type ElectionPlan } from '../../api/elections.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { todayText } from '../../components/villages/labels.ts';
import { required } from './electionLabels.ts';
import { levelOfCode } from '../../../../src/domain/org-code.ts';
import { DownloadButton } from '../../components/DownloadButton.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { useMe } from '../../session/SessionContext.tsx';
import { useApiQuery } from '../../state/queryClient.tsx';

type Township = ElectionBoard['townships'][number];
type Rollup = CompositionReport['total'];

const share = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)}%`);
const beforeAfter = (pair: { before: number | null; after: number | null }, format: (value: number | null) => string = (value) => (value === null ? '—' : String(value))) =>
  `${format(pair.before)} → ${format(pair.after)}`;

/** The composition before and after, rolled up (a county, a township). */
export function CompositionSummary({ rollup }: { rollup: Rollup }) {
  return (
    <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered>
      <Descriptions.Item label="已备案村（社区）">{rollup.villages}</Descriptions.Item>
      <Descriptions.Item label="书记平均年龄">{beforeAfter(rollup.averageSecretaryAge)}</Descriptions.Item>
      <Descriptions.Item label="书记大专及以上">{beforeAfter(rollup.secretaryCollegeShare, share)}</Descriptions.Item>
      <Descriptions.Item label="有 35 岁及以下成员的村">{beforeAfter(rollup.villagesWithYoungMember)}</Descriptions.Item>
      <Descriptions.Item label="女性成员">{beforeAfter(rollup.womenMembers)}</Descriptions.Item>
      <Descriptions.Item label="女性正职">{beforeAfter(rollup.womenHeads)}</Descriptions.Item>
      <Descriptions.Item label="“一肩挑”">{beforeAfter(rollup.secretaryAndDirector)}</Descriptions.Item>
      <Descriptions.Item label="使用后备力量">{rollup.reservesUsed}</Descriptions.Item>
      <Descriptions.Item label="新任书记来自后备力量">{rollup.newSecretariesFromReserves}</Descriptions.Item>
    </Descriptions>
  );
}

/** 换届进度: every township's villages by stage, the townships' plans, and the composition so far. */
export function ElectionBoardPage() {
  const me = useMe();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [planning, setPlanning] = useState<string | null>(null);
  const planUnits = me.permissions.includes('election.manage') ? [...new Map(me.roles.filter((role) => levelOfCode(role.orgCode) === 'township').map((role) => [role.orgCode, role.orgName])).entries()] : [];
  const summaryUnits = [...new Map(me.roles.filter((role) => ['county', 'township', 'city', 'province'].includes(levelOfCode(role.orgCode))).map((role) => [role.orgCode, role.orgName])).entries()];
  const board = useApiQuery(['election-board'], (signal) => electionsApi.board(signal));
  const plans = useApiQuery(['election-plans'], (signal) => electionsApi.plans(signal));
  const composition = useApiQuery(['election-composition'], (signal) => electionsApi.composition(undefined, signal));
  const stages = board.data?.stages ?? [];
  const columns: ColumnsType<Township> = [
    { title: '乡镇（街道）', dataIndex: 'name', key: 'name' },
    { title: '村（社区）', dataIndex: 'villages', key: 'villages' },
    ...stages.map((stage) => ({ title: stage.label, key: stage.stage, render: (_: unknown, township: Township) => township.stages[stage.stage] || '—' })),
  ];
  return (
    <div>
      <div className="page-header">
        <h2>村级换届</h2>
        <Space wrap>
          {planUnits.map(([orgCode, orgName]) => <Button key={orgCode} type="primary" onClick={() => setPlanning(orgCode)}>{planUnits.length > 1 ? `制定${orgName}换届工作方案` : '制定换届工作方案'}</Button>)}
          {summaryUnits.map(([orgCode, orgName]) => (
            <DownloadButton key={orgCode} fetchFile={(onProgress) => electionsApi.summaryTable(orgCode, onProgress)}>{summaryUnits.length > 1 ? `${orgName}换届情况汇总表` : '换届情况汇总表'}</DownloadButton>
          ))}
        </Space>
      </div>
      <Card size="small" title="各乡镇进度" style={{ marginBottom: 16 }}>
        {board.data && <Typography.Paragraph>共 {board.data.total.villages} 个村（社区），已备案 {board.data.total.filed} 个。</Typography.Paragraph>}
        <ResponsiveTable<Township> rowKey="code" size="small" loading={board.isFetching} pagination={false} scroll={{ x: 'max-content' }} columns={columns}
          dataSource={board.data?.townships ?? []} cardTitle={(township) => township.name} locale={{ emptyText: '还没有换届工作方案' }} />
      </Card>
      <Card size="small" title="乡镇换届工作方案" style={{ marginBottom: 16 }}>
        <List size="small" dataSource={plans.data?.plans ?? []} locale={{ emptyText: '还没有换届工作方案' }}
          renderItem={(plan) => <List.Item><Link to={`/elections/plans/${plan.id}`}>{plan.townshipName} {plan.termYear} 年换届</Link>（{plan.startsOn} 至 {plan.endsOn}）</List.Item>} />
      </Card>
      <Card size="small" title="换届前后班子结构">
        {composition.data && <CompositionSummary rollup={composition.data.total} />}
      </Card>
      <FormModal<Omit<CreatePlanInput, 'orgCode'>, ElectionPlan> title="制定换届工作方案" open={planning !== null} onClose={() => setPlanning(null)}
        initialValues={{ termYear: Number(todayText().slice(0, 4)), standardPartySeats: 3, standardVillagersSeats: 3 }}
        save={(values) => electionsApi.createPlan({ ...values, orgCode: planning! })}
        onSaved={(plan) => { setPlanning(null); void message.success('已制定换届工作方案'); void navigate(`/elections/plans/${plan.id}`); }}
        intro={<p>保存后为本乡镇（街道）每个村（社区）建立换届事项。</p>}>
        <Form.Item name="termYear" label="届别年份" rules={required('请填写届别年份')}><InputNumber min={1990} max={2100} precision={0} style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="startsOn" label="开始日期" rules={required('请填写开始日期')}><DateInput /></Form.Item>
        <Form.Item name="endsOn" label="结束日期" rules={required('请填写结束日期')}><DateInput /></Form.Item>
        <Form.Item name="leadingGroup" label="领导小组（组长、成员）" rules={required('请填写领导小组')}><Input.TextArea rows={3} maxLength={1000} /></Form.Item>
        <Form.Item name="standardPartySeats" label="村党组织委员会标准职数" rules={required('请填写标准职数')}><InputNumber min={3} max={15} precision={0} style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="standardVillagersSeats" label="村民委员会标准职数（3 至 7 人）" rules={required('请填写标准职数')}><InputNumber min={3} max={7} precision={0} style={{ width: '100%' }} /></Form.Item>
      </FormModal>
    </div>
  );
}

type PlanVillage = ElectionPlan['villages'][number];

/** The township's 换届 board: its villages by stage, and the share of secretary candidates aged 45 or under. */
export function TownshipElectionPage() {
  const { id = '' } = useParams();
  const query = useApiQuery(['election-plan', id], (signal) => electionsApi.plan(id, signal));
  const plan = query.data;
  const columns: ColumnsType<PlanVillage> = [
    { title: '村（社区）', key: 'villageName', render: (_: unknown, village) => <Link to={`/elections/villages/${village.id}`}>{village.villageName}</Link> },
    { title: '阶段', key: 'stage', render: (_: unknown, village) => <Tag color={village.stage === 'filed' ? 'green' : 'processing'}>{village.stageLabel}</Tag> },
    { title: '职数（党组织／村委会）', key: 'seats', render: (_: unknown, village) => `${village.partySeats ?? '—'}／${village.villagersSeats ?? '—'}` },
    { title: '指导员', dataIndex: 'guidanceOfficer', key: 'guidanceOfficer', render: (value: string | null) => value ?? '—' },
  ];
  return (
    <div>
      <div className="page-header"><h2>{plan ? `${plan.townshipName} ${plan.termYear} 年村级换届` : '乡镇换届看板'}</h2></div>
      {plan && (
        <>
          <Typography.Paragraph type="secondary">{plan.startsOn} 至 {plan.endsOn}；领导小组：{plan.leadingGroup}；标准职数：党组织 {plan.standardSeats.party} 名、村委会 {plan.standardSeats.villagers} 名。</Typography.Paragraph>
          {plan.youngSecretaryCandidates.warning
            ? <Alert type="warning" showIcon message={plan.youngSecretaryCandidates.warning} style={{ marginBottom: 12 }} />
            : <Alert type="success" showIcon message={`书记候选人 ${plan.youngSecretaryCandidates.total} 名，其中 45 周岁及以下 ${plan.youngSecretaryCandidates.young} 名`} style={{ marginBottom: 12 }} />}
          <div className="election-stages" style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 12 }}>
            {plan.stages.map((stage) => <Tag key={stage.stage}>{stage.label}：{stage.villages}</Tag>)}
          </div>
        </>
      )}
      <ResponsiveTable<PlanVillage> rowKey="id" size="small" loading={query.isFetching} pagination={false} columns={columns} dataSource={plan?.villages ?? []}
        cardTitle={(village) => village.villageName} />
    </div>
  );
}
