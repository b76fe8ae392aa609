import { Alert, App, Button, Card, Descriptions, Form, Input, List, Radio, Select, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import {
  electionsApi, type CitizenReporterInput, type ElectionCandidate, type RiskPointInput, type VillageElection, type ViolationHandlingInput, type ViolationReportInput,
} from '../../api/elections.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { todayText } from '../../components/villages/labels.ts';
import { PledgeModal } from './CandidateForms.tsx';
import { RISK_KIND_OPTIONS, VIOLATION_KIND_OPTIONS, required } from './electionLabels.ts';
import { useVillageElection } from './useVillageElection.tsx';

type Report = VillageElection['violationReports'][number];
type GroupRow = { code: string; name: string; reporters: string[] };
type Dialog = 'risk' | 'reporter' | 'report' | null;
type ReportForm = Omit<ViolationReportInput, 'candidateId'> & { candidateId?: string | null };

const ON_BALLOT = new Set(['qualified', 'formal', 'elected', 'notElected']);

/** 换届纪律: the risk-point list, citizen reporters against the villager groups, violation reports and their verification, pre-election talks and pledges. */
export function DisciplinePage() {
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [handling, setHandling] = useState<Report | null>(null);
  const [pledging, setPledging] = useState<ElectionCandidate | null>(null);
  const { election, placeholder } = useVillageElection();
  if (!election) return placeholder;

  const close = () => setDialog(null);
  const saved = () => { close(); void message.success('已登记'); };
  const canEnter = election.policies.discipline;
  const { citizenReporters, pledges } = election.checks;
  const groups: GroupRow[] = election.villagerGroups.map((group) => ({
    ...group, reporters: election.citizenReporters.filter((reporter) => reporter.groupCode === group.code).map((reporter) => reporter.name),
  }));
  const candidates = election.candidates.filter((candidate) => ON_BALLOT.has(candidate.status));
  const reportColumns: ColumnsType<Report> = [
    { title: '收到日期', dataIndex: 'receivedOn', key: 'receivedOn' },
    { title: '类别', dataIndex: 'kindLabel', key: 'kindLabel' },
    { title: '涉及候选人', key: 'candidateName', render: (_: unknown, report) => report.candidateName ?? '—' },
    { title: '内容', dataIndex: 'content', key: 'content' },
    {
      title: '核查', key: 'handling', render: (_: unknown, report) => (report.handledOn
        ? <span><Tag color={report.isSubstantiated ? 'red' : 'default'}>{report.isSubstantiated ? '属实' : '不属实'}</Tag>{report.verification}（{report.handledOn}，{report.handledBy}）</span>
        : election.policies.handleViolation ? <Button size="small" onClick={() => setHandling(report)}>核查</Button> : <Tag color="orange">待核查</Tag>),
    },
  ];
  const groupColumns: ColumnsType<GroupRow> = [
    { title: '村民小组', dataIndex: 'name', key: 'name' },
    { title: '民情直报员', key: 'reporters', render: (_: unknown, group) => (group.reporters.length > 0 ? group.reporters.join('、') : <Tag color="red">未配备</Tag>) },
  ];
  const pledgeColumns: ColumnsType<ElectionCandidate> = [
    { title: '候选人', key: 'name', render: (_: unknown, candidate) => `${candidate.name}（${candidate.committeeLabel}）` },
    { title: '选前谈话', key: 'talkedOn', render: (_: unknown, candidate) => candidate.talkedOn ?? <Tag color="orange">未谈话</Tag> },
    { title: '纪律承诺书', key: 'pledgedOn', render: (_: unknown, candidate) => candidate.pledgedOn ?? <Tag color="orange">未签订</Tag> },
    ...(canEnter ? [{ title: '操作', key: 'actions', render: (_: unknown, candidate: ElectionCandidate) => <Button size="small" onClick={() => setPledging(candidate)}>登记</Button> }] : []),
  ];

  return (
    <div className="election-discipline-page">
      <div className="page-header"><h2>{election.villageName} 换届纪律</h2></div>
      <Typography.Paragraph type="secondary"><Link to={`/elections/villages/${election.id}`}>返回村级换届</Link></Typography.Paragraph>
      <Descriptions size="small" bordered column={{ xs: 1, md: 4 }} style={{ marginBottom: 12 }} className="discipline-coverage">
        <Descriptions.Item label="风险点">{election.riskPoints.length} 个</Descriptions.Item>
        <Descriptions.Item label="民情直报员覆盖村民小组">{citizenReporters.covered}／{citizenReporters.groups}</Descriptions.Item>
        <Descriptions.Item label="选前谈话">{pledges.talked}／{pledges.candidates}</Descriptions.Item>
        <Descriptions.Item label="纪律承诺书">{pledges.pledged}／{pledges.candidates}</Descriptions.Item>
      </Descriptions>
      {citizenReporters.uncovered.length > 0 && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={`村民小组${citizenReporters.uncovered.join('、')}还没有民情直报员（每个村民小组至少 1 名）`} />}

      <Card size="small" title="风险点清单" style={{ marginBottom: 12 }} extra={canEnter && <Button size="small" type="primary" onClick={() => setDialog('risk')}>登记风险点</Button>}>
        <List size="small" className="risk-points" dataSource={election.riskPoints} locale={{ emptyText: '还没有登记风险点' }}
          renderItem={(risk) => <List.Item><div><Tag>{risk.kindLabel}</Tag>{risk.description}<div>防范措施：{risk.measures}；责任人：{risk.owner}</div></div></List.Item>} />
      </Card>

      <Card size="small" title="民情直报员" style={{ marginBottom: 12 }} extra={canEnter && <Button size="small" type="primary" onClick={() => setDialog('reporter')}>登记民情直报员</Button>}>
        <ResponsiveTable<GroupRow> rowKey="code" size="small" pagination={false} columns={groupColumns} dataSource={groups} cardTitle={(group) => group.name}
          className="citizen-reporters" locale={{ emptyText: '该村还没有村民小组，请先在组织机构中增加' }} />
      </Card>

      <Card size="small" title="违反换届纪律的举报" style={{ marginBottom: 12 }} extra={canEnter && <Button size="small" type="primary" onClick={() => setDialog('report')}>登记举报</Button>}>
        <ResponsiveTable<Report> rowKey="id" size="small" pagination={false} columns={reportColumns} dataSource={election.violationReports} cardTitle={(report) => `${report.receivedOn} ${report.kindLabel}`}
          className="violation-reports" locale={{ emptyText: '没有收到举报' }} />
      </Card>

      <Card size="small" title="选前谈话和换届纪律承诺书">
        <ResponsiveTable<ElectionCandidate> rowKey="id" size="small" pagination={false} columns={pledgeColumns} dataSource={candidates} cardTitle={(candidate) => candidate.name}
          locale={{ emptyText: '还没有审查合格的候选人' }} />
      </Card>

      <FormModal<RiskPointInput, VillageElection> title="登记风险点" open={dialog === 'risk'} onClose={close} onSaved={saved} initialValues={{ kind: 'clan' }}
        save={(values) => electionsApi.addRiskPoint(election.id, values)}>
        <Form.Item name="kind" label="风险类别" rules={required('请选择风险类别')}><Select options={RISK_KIND_OPTIONS} /></Form.Item>
        <Form.Item name="description" label="风险点" rules={required('请填写风险点')}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
        <Form.Item name="measures" label="防范措施" rules={required('请填写防范措施')}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
        <Form.Item name="owner" label="责任人" rules={required('请填写责任人')}><Input maxLength={50} /></Form.Item>
      </FormModal>

      <FormModal<CitizenReporterInput, VillageElection> title="登记民情直报员" open={dialog === 'reporter'} onClose={close} onSaved={saved}
        initialValues={{ groupCode: election.villagerGroups.find((group) => citizenReporters.uncovered.includes(group.name))?.code }}
        save={(values) => electionsApi.addCitizenReporter(election.id, values)}>
        <Form.Item name="groupCode" label="村民小组" rules={required('请选择村民小组')}>
          <Select options={groups.map((group) => ({ value: group.code, label: `${group.name}${group.reporters.length === 0 ? '（未配备）' : ''}` }))} />
        </Form.Item>
        <Form.Item name="name" label="民情直报员姓名" rules={required('请填写姓名')}><Input maxLength={50} /></Form.Item>
      </FormModal>

      <FormModal<ReportForm, VillageElection> title="登记违反换届纪律的举报" open={dialog === 'report'} onClose={close} onSaved={saved} initialValues={{ kind: 'voteBuying', receivedOn: todayText(), candidateId: null }}
        save={(values) => electionsApi.reportViolation(election.id, { ...values, candidateId: values.candidateId ?? null })}>
        <Form.Item name="kind" label="举报类别" rules={required('请选择举报类别')}><Select options={VIOLATION_KIND_OPTIONS} /></Form.Item>
        <Form.Item name="candidateId" label="涉及候选人">
          <Select allowClear placeholder="不涉及具体候选人" options={election.candidates.map((candidate) => ({ value: candidate.id, label: `${candidate.name}（${candidate.committeeLabel}）` }))} />
        </Form.Item>
        <Form.Item name="receivedOn" label="收到日期" rules={required('请填写收到日期')}><DateInput /></Form.Item>
        <Form.Item name="content" label="举报内容" rules={required('请填写举报内容')}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
      </FormModal>

      <FormModal<ViolationHandlingInput, VillageElection> title="核查举报" open={handling !== null} onClose={() => setHandling(null)} onSaved={() => { setHandling(null); void message.success('已核查'); }}
        initialValues={{ handledOn: todayText() }} save={(values) => electionsApi.handleViolation(handling!.id, values)}
        intro={handling && <Typography.Paragraph>{handling.kindLabel}：{handling.content}{handling.candidateName ? `（涉及候选人 ${handling.candidateName}，属实的取消其候选人资格）` : ''}</Typography.Paragraph>}>
        <Form.Item name="verification" label="核查情况" rules={required('请填写核查情况')}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
        <Form.Item name="isSubstantiated" label="核查结论" rules={required('请选择是否属实')}>
          <Radio.Group options={[{ value: true, label: '属实' }, { value: false, label: '不属实' }]} />
        </Form.Item>
        <Form.Item name="handledOn" label="核查日期" rules={required('请填写核查日期')}><DateInput /></Form.Item>
      </FormModal>

      <PledgeModal candidate={pledging} onClose={() => setPledging(null)} />
    </div>
  );
}
