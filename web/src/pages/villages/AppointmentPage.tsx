import { App, Button, Card, Descriptions, Form, Input, InputNumber, Radio, Result, Skeleton, Space, Steps, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { AppointmentAction } from '../../../../src/domain/appointment-procedure.ts';
import { appointmentsApi, type Appointment, type ByElectionInput } from '../../api/villages.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { APPOINTMENT_ACTION_RULES, OUTCOME_LABELS, todayText } from '../../components/villages/labels.ts';
import { recordLoadError, useApiQuery } from '../../state/queryClient.tsx';

type Objection = Appointment['objections'][number];
type Editing =
  | { kind: 'step'; action: AppointmentAction }
  | { kind: 'objection' }
  | { kind: 'handle'; objection: Objection }
  | { kind: 'byElection' }
  | null;

interface StepForm { occurredOn: string; note?: string; noticeStarts?: Record<string, string> }

const FLOW: { key: string; title: string }[] = [
  { key: 'recommend', title: '村党组织推荐' }, { key: 'approval', title: '乡镇党委审批' }, { key: 'filing', title: '县委组织部备案' },
  { key: 'publicNotice', title: '任职公示' }, { key: 'decision', title: '决定任职' }, { key: 'effective', title: '已任职' },
];
const required = (message: string) => [{ required: true, message }];

/** 任用事项: the steps so far, the notices and objections, and the next step the caller may take. */
export function AppointmentPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Editing>(null);
  const query = useApiQuery(['appointment', id], (signal) => appointmentsApi.get(id, signal));
  const close = () => setEditing(null);

  const error = recordLoadError(query.error);
  if (error) {
    return <Result status={error.status === 403 ? '403' : '404'} title="无法查看该任用事项" subTitle={error.message} />;
  }
  const appointment = query.data;
  if (!appointment) return <Skeleton active paragraph={{ rows: 10 }} />;
  const { policies } = appointment;
  const villageName = (orgCode: string) => (orgCode === appointment.orgCode ? appointment.villageName : orgCode === appointment.homeOrgCode ? appointment.homeVillageName : orgCode);
  const currentIndex = appointment.outcome === 'effective' ? FLOW.length - 1 : FLOW.findIndex((step) => step.key === appointment.stage);
  const isClosed = appointment.outcome !== 'inProgress';
  const refetch = () => void query.refetch();

  const objectionColumns: ColumnsType<Objection> = [
    { title: '收到日期', dataIndex: 'receivedOn', key: 'receivedOn', width: 110 },
    { title: '反映的问题', dataIndex: 'content', key: 'content' },
    { title: '是否属实', dataIndex: 'isSubstantiated', key: 'isSubstantiated', width: 90, render: (value: boolean | null) => (value === null ? '—' : value ? <Tag color="error">属实</Tag> : <Tag>不属实</Tag>) },
    {
      title: '办理结果', dataIndex: 'handling', key: 'handling',
      render: (handling: string | null, objection) => handling
        ? `${handling}（${objection.handledOn ?? ''} ${objection.handledBy ?? ''}）`
        : policies.objections ? <Button size="small" type="link" onClick={() => setEditing({ kind: 'handle', objection })}>登记办理结果</Button> : <Tag color="processing">待办理</Tag>,
    },
  ];

  const stepTitle = editing?.kind === 'step' ? APPOINTMENT_ACTION_RULES[editing.action].label : '';
  const saveStep = (values: StepForm) => {
    if (editing?.kind !== 'step') return Promise.reject(new Error('no step'));
    const noticeStarts = editing.action === 'startNotice'
      ? appointment.requiredNoticeVillages.map((orgCode) => ({ orgCode, startsOn: values.noticeStarts?.[orgCode] ?? '' }))
      : undefined;
    return appointmentsApi.step(appointment.id, { action: editing.action, occurredOn: values.occurredOn, version: appointment.version, note: values.note?.trim() || undefined, noticeStarts });
  };

  return (
    <div>
      <div className="page-header">
        <h2>任用：{appointment.personName} 任{appointment.villageName}{appointment.postLabel}</h2>
        <Space wrap>
          {appointment.vacancyId && <Link to={`/vacancies/${appointment.vacancyId}`}>空缺职务</Link>}
          <Link to={`/villages/${appointment.orgCode}`}>村（社区）页面</Link>
        </Space>
      </div>
      <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 3, lg: 3, xl: 3, xxl: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="状态"><Tag color={OUTCOME_LABELS[appointment.outcome].color}>{OUTCOME_LABELS[appointment.outcome].label}</Tag> {appointment.stageLabel}</Descriptions.Item>
        <Descriptions.Item label="后备力量所在村">{appointment.homeVillageName}{appointment.isCrossVillage && <Tag color="blue" style={{ marginLeft: 8 }}>跨村任用</Tag>}</Descriptions.Item>
        <Descriptions.Item label="届别">{appointment.termYear} 年换届</Descriptions.Item>
        {appointment.effectiveOn && <Descriptions.Item label="任职日期">{appointment.effectiveOn}</Descriptions.Item>}
        {appointment.isElectedPost && <Descriptions.Item label="产生方式">依法补选产生</Descriptions.Item>}
        {appointment.byElection && (
          <Descriptions.Item label="补选结果">
            {appointment.byElection.heldOn}：有选举权 {appointment.byElection.eligibleVoters} 人，投票 {appointment.byElection.votesCast} 人，得票 {appointment.byElection.votesFor}
          </Descriptions.Item>
        )}
      </Descriptions>

      <Card size="small" title="办理步骤" style={{ marginBottom: 16 }}>
        <Steps
          size="small"
          current={currentIndex}
          status={appointment.outcome === 'refused' || appointment.outcome === 'withdrawn' ? 'error' : appointment.outcome === 'effective' ? 'finish' : 'process'}
          items={FLOW.map((step) => ({ title: step.title }))}
          style={{ marginBottom: 16 }}
          responsive
        />
        <Table
          rowKey={(step) => `${step.action}-${step.occurredOn}-${step.actorName}`}
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={appointment.steps}
          columns={[
            { title: '日期', dataIndex: 'occurredOn', key: 'occurredOn', width: 110 },
            { title: '步骤', dataIndex: 'action', key: 'action', render: (action: string) => (action in APPOINTMENT_ACTION_RULES ? APPOINTMENT_ACTION_RULES[action as AppointmentAction].label : action === 'recommend' ? '村党组织推荐' : action) },
            { title: '办理人', dataIndex: 'actorName', key: 'actorName' },
            { title: '意见', key: 'note', render: (_: unknown, step) => (typeof step.details.note === 'string' ? step.details.note : typeof step.details.basis === 'string' ? step.details.basis : '') },
          ]}
        />
        {!isClosed && (
          <Space wrap style={{ marginTop: 16 }}>
            {policies.next && <Button type="primary" onClick={() => setEditing({ kind: 'step', action: policies.next! })}>{APPOINTMENT_ACTION_RULES[policies.next].label}</Button>}
            {policies.byElection && <Button type="primary" onClick={() => setEditing({ kind: 'byElection' })}>登记补选结果</Button>}
            {policies.refuse && <Button danger onClick={() => setEditing({ kind: 'step', action: 'refuse' })}>不予同意</Button>}
            {policies.withdraw && <Button onClick={() => setEditing({ kind: 'step', action: 'withdraw' })}>撤回</Button>}
            {!policies.next && !policies.byElection && <Typography.Text type="secondary" className="next-step-hint">当前环节：{appointment.stageLabel}，下一步不由您办理。</Typography.Text>}
          </Space>
        )}
      </Card>

      <Card size="small" title="任职公示" style={{ marginBottom: 16 }}>
        {appointment.notices.length === 0
          ? <Typography.Text type="secondary">尚未公示。须在{appointment.requiredNoticeVillages.map(villageName).join('和')}公示。</Typography.Text>
          : appointment.notices.map((notice) => (
            <div key={notice.orgCode} className="appointment-notice">{villageName(notice.orgCode)}：{notice.startsOn} 至 {notice.endsOn}（{notice.workingDays} 个工作日）</div>
          ))}
      </Card>

      <Card size="small" title="公示期间反映的问题" extra={policies.objections && !isClosed && <Button size="small" onClick={() => setEditing({ kind: 'objection' })}>登记问题</Button>}>
        <Table<Objection> rowKey="id" size="small" pagination={false} scroll={{ x: 'max-content' }} columns={objectionColumns} dataSource={appointment.objections} locale={{ emptyText: '未收到反映' }} />
      </Card>

      <FormModal<StepForm, Appointment>
        title={stepTitle}
        open={editing?.kind === 'step'}
        onClose={close}
        okText={stepTitle || '保存'}
        initialValues={{ occurredOn: todayText(), noticeStarts: Object.fromEntries(appointment.requiredNoticeVillages.map((orgCode) => [orgCode, todayText()])) }}
        save={saveStep}
        onSaved={() => { close(); void message.success(`已办理：${stepTitle}`); }}
        onConflict={() => { close(); refetch(); }}
      >
        <Form.Item name="occurredOn" label="办理日期" rules={required('请填写办理日期')}><DateInput /></Form.Item>
        {editing?.kind === 'step' && editing.action === 'startNotice' && appointment.requiredNoticeVillages.map((orgCode) => (
          <Form.Item key={orgCode} name={['noticeStarts', orgCode]} label={`${villageName(orgCode)}公示开始日期`} rules={required('请填写公示开始日期')}><DateInput /></Form.Item>
        ))}
        <Form.Item name="note" label="意见"><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
      </FormModal>

      <FormModal<{ receivedOn: string; content: string }, Appointment>
        title="登记公示期间反映的问题"
        open={editing?.kind === 'objection'}
        onClose={close}
        initialValues={{ receivedOn: todayText() }}
        save={(values) => appointmentsApi.recordObjection(appointment.id, values)}
        onSaved={() => { close(); void message.success('已登记'); }}
      >
        <Form.Item name="receivedOn" label="收到日期" rules={required('请填写收到日期')}><DateInput /></Form.Item>
        <Form.Item name="content" label="反映的问题" rules={required('请填写反映的问题')}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
      </FormModal>

      <FormModal<{ handling: string; isSubstantiated: boolean; handledOn: string }, Appointment>
        title="登记问题的办理结果"
        open={editing?.kind === 'handle'}
        onClose={close}
        initialValues={{ handledOn: todayText() }}
        intro={editing?.kind === 'handle' ? <Typography.Paragraph>{editing.objection.content}</Typography.Paragraph> : null}
        save={(values) => appointmentsApi.handleObjection(editing?.kind === 'handle' ? editing.objection.id : '', values)}
        onSaved={() => { close(); void message.success('已登记办理结果'); }}
      >
        <Form.Item name="isSubstantiated" label="是否属实" rules={required('请选择是否属实')}>
          <Radio.Group options={[{ value: true, label: '属实' }, { value: false, label: '不属实' }]} />
        </Form.Item>
        <Form.Item name="handling" label="办理结果" rules={required('请填写办理结果')}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
        <Form.Item name="handledOn" label="办结日期" rules={required('请填写办结日期')}><DateInput /></Form.Item>
      </FormModal>

      <FormModal<Omit<ByElectionInput, 'version'>, Appointment>
        title="登记补选结果"
        open={editing?.kind === 'byElection'}
        onClose={close}
        initialValues={{ heldOn: todayText() }}
        save={(values) => appointmentsApi.byElection(appointment.id, { ...values, version: appointment.version })}
        onSaved={() => { close(); void message.success('已登记补选结果'); }}
        onConflict={() => { close(); refetch(); }}
      >
        <Form.Item name="heldOn" label="补选日期" rules={required('请填写补选日期')}><DateInput /></Form.Item>
        <Form.Item name="eligibleVoters" label="有选举权的人数" rules={required('请填写有选举权的人数')}><InputNumber min={1} style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="votesCast" label="投票人数" rules={required('请填写投票人数')}><InputNumber min={1} style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="votesFor" label="得票数" rules={required('请填写得票数')}><InputNumber min={0} style={{ width: '100%' }} /></Form.Item>
      </FormModal>
    </div>
  );
}
