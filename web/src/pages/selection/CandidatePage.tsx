import { ArrowLeftOutlined, CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled, UserOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Empty, Result, Skeleton, Space, Table, Tag, Timeline, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { selectionApi, type EligibilityException, type JointReview, type Objection, type Step } from '../../api/selection.ts';
import { hasPermission } from '../../api/types.ts';
import { useDictionaries } from '../../components/DictionariesContext.tsx';
import { formatDateTime } from '../../components/formatDate.ts';
import { CandidateActionModal, type CandidateTask } from '../../components/selection/CandidateActionModal.tsx';
import {
  ACTION_RULES, CHANNEL_LABELS, EXCEPTION_STATUS, JOINT_REVIEW_STATUS, OUTCOME_COLORS, OUTCOME_LABELS, PROFILE_LABELS, PROFILE_SHORT,
  ruleLabel, SELECTION_STAGES, STAGE_LABELS, stageLabel, type SelectionAction,
} from '../../components/selection/labels.ts';
import { useMe } from '../../session/SessionContext.tsx';
import { recordLoadError, useApiQuery } from '../../state/queryClient.tsx';

/** Labels of the fields the server records in a step's details. */
const DETAIL_LABELS: Record<string, string> = {
  reviewedOn: '审查日期', exclusionsFound: '负面清单情形', notes: '意见', rule: '条件', reason: '理由', approve: '批准', note: '意见',
  heldOn: '日期', attendeeCount: '参会人数', attendees: '参会人员', minutes: '会议记录', excellent: '优秀', competent: '称职',
  basicallyCompetent: '基本称职', incompetent: '不称职', validVotes: '有效票', approvalRate: '好评率', interviewer: '谈话人',
  presentPerformance: '现实表现', massBase: '群众基础', socialRelations: '社会关系', willingness: '任职意愿', health: '身体状况',
  conclusion: '考察结论', meetingOn: '会议日期', departments: '联审部门', sentOn: '送审日期', verdict: '结论', comment: '意见',
  resolution: '核实处理情况', startsOn: '公示开始', endsOn: '公示结束', objectionContact: '反映方式', decidedOn: '决定日期',
  readiness: '成熟度', filedOn: '备案日期', occurredOn: '日期', channel: '推荐方式', profile: '人选类型', targetPost: '拟任岗位',
  sourceCategory: '身份', nominatedOn: '推荐日期', meeting: '研究会议', kind: '会议', content: '内容', handling: '处理情况',
  isSubstantiated: '是否属实', receivedOn: '收到日期', department: '部门', warnings: '提示', workingDays: '工作日', tally: '测评票数',
  explanation: '说明', approved: '批准', answeredBy: '回复人', resolvedBy: '处理人',
};

function formatValue(key: string, value: unknown, label: (dictionary: 'targetPost' | 'readiness' | 'sourceCategory', code: string) => string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (key === 'approvalRate' && typeof value === 'number') return `${value}%`;
  if (key === 'rule' && typeof value === 'string') return ruleLabel(value);
  if (key === 'channel' && typeof value === 'string' && value in CHANNEL_LABELS) return CHANNEL_LABELS[value as keyof typeof CHANNEL_LABELS];
  if (key === 'profile' && typeof value === 'string' && value in PROFILE_LABELS) return PROFILE_LABELS[value as keyof typeof PROFILE_LABELS];
  if ((key === 'targetPost' || key === 'readiness' || key === 'sourceCategory') && typeof value === 'string') return label(key, value);
  if (key === 'exclusionsFound' && Array.isArray(value)) return value.length === 0 ? '无' : value.map((code) => ruleLabel(`exclusion.${String(code)}`).replace('负面清单：', '')).join('、');
  if (key === 'verdict' && typeof value === 'string') return value === 'passed' ? '通过' : value === 'concern' ? '有问题' : value;
  if (Array.isArray(value)) return value.map((item) => formatValue(key, item, label)).join('、');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).map(([innerKey, inner]) => `${DETAIL_LABELS[innerKey] ?? innerKey}：${formatValue(innerKey, inner, label)}`).join('；');
  }
  return String(value);
}

/** Internal references a step may carry that mean nothing to the reader. */
const HIDDEN_DETAILS = new Set(['candidateId', 'townshipCode', 'orgCode', 'version', 'id', 'publicNoticeId', 'meetingId', 'exceptionId', 'jointReviewId', 'objectionId']);
const DETAIL_ORDER = Object.keys(DETAIL_LABELS);
const TALLY_KEYS = ['excellent', 'competent', 'basicallyCompetent', 'incompetent'] as const;

function StepDetails({ details }: { details: Record<string, unknown> }) {
  const dictionaries = useDictionaries();
  const hasTally = TALLY_KEYS.every((key) => typeof details[key] === 'number');
  const shown: [string, unknown][] = Object.entries(details)
    .filter(([key, value]) => value !== null && value !== undefined && value !== '' && !HIDDEN_DETAILS.has(key) && !(hasTally && (TALLY_KEYS as readonly string[]).includes(key)))
    .sort(([a], [b]) => (DETAIL_ORDER.indexOf(a) + 1 || 999) - (DETAIL_ORDER.indexOf(b) + 1 || 999));
  if (hasTally) shown.push(['tally', TALLY_KEYS.map((key) => `${DETAIL_LABELS[key]} ${String(details[key])}`).join(' · ')]);
  const entries = shown;
  if (entries.length === 0) return null;
  return (
    <dl className="step-details">
      {entries.map(([key, value]) => (
        <div key={key}><dt>{DETAIL_LABELS[key] ?? key}</dt><dd>{formatValue(key, value, dictionaries.label)}</dd></div>
      ))}
    </dl>
  );
}

/** Buttons of the procedure's steps: the allowed one is primary, refused ones are disabled with the reason. */
const STEP_ACTIONS: SelectionAction[] = ['reviewQualification', 'recordEvaluation', 'recordInterview', 'shortlist', 'startPublicNotice', 'decide', 'file'];

/**
 * 人选详情: the person, the eligibility check rule by rule (with 破格), the step for the current
 * stage as a form, the joint review, the public notice and its objections, and the whole history.
 */
export function CandidatePage() {
  const { id = '' } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const dictionaries = useDictionaries();
  const [task, setTask] = useState<CandidateTask | null>(null);
  const candidateQuery = useApiQuery(['selection-candidate', id], (signal) => selectionApi.get(id, signal));
  const candidate = candidateQuery.data ?? null;
  const loadError = recordLoadError(candidateQuery.error);

  if (loadError) {
    return <Result status={loadError.status === 403 ? '403' : '404'} title="无法查看该人选" subTitle={loadError.message} extra={<Button onClick={() => void navigate(-1)}>返回</Button>} />;
  }
  if (!candidate) return <Skeleton active paragraph={{ rows: 12 }} />;

  const { person, actions, policies } = candidate;
  const isRunning = candidate.outcome === 'inProgress';
  const canReview = hasPermission(me, 'selection.review');
  const boardLink = `/selection?township=${candidate.orgCode.slice(0, 9)}000`;

  const runAction = (action: SelectionAction) => {
    switch (action) {
      case 'recordEvaluation':
        void navigate(`/selection/evaluation?village=${candidate.orgCode}`);
        return;
      case 'shortlist':
      case 'startPublicNotice':
        void navigate(boardLink);
        return;
      default:
        setTask({ kind: action });
    }
  };

  const actionButton = (action: SelectionAction, options: { danger?: boolean; primary?: boolean; label?: string } = {}): ReactNode => {
    const state = actions[action];
    const label = options.label ?? ACTION_RULES[action].label;
    const button = (
      <Button
        key={action}
        type={options.primary && state?.allowed ? 'primary' : 'default'}
        danger={options.danger}
        disabled={!state?.allowed}
        onClick={() => runAction(action)}
        data-action={action}
      >
        {label}
      </Button>
    );
    return state?.allowed || !state?.reason ? button : <Tooltip key={action} title={state.reason}><span className="disabled-action">{button}</span></Tooltip>;
  };

  const currentAction = STEP_ACTIONS.find((action) => ACTION_RULES[action].from === candidate.stage);
  const batchHint: Partial<Record<SelectionAction, string>> = {
    recordEvaluation: '民主测评以村为单位召开，点击进入测评会页面',
    shortlist: '建议名单在选拔工作看板上勾选多名人选一并确定',
    startPublicNotice: '公示在选拔工作看板上勾选联审已完成的人选一并发布',
  };

  const exceptionColumns: ColumnsType<EligibilityException> = [
    { title: '条件', dataIndex: 'rule', width: 160, render: (rule: string) => ruleLabel(rule) },
    { title: '理由', dataIndex: 'reason' },
    { title: '状态', dataIndex: 'status', width: 90, render: (status: EligibilityException['status']) => <Tag color={EXCEPTION_STATUS[status].color}>{EXCEPTION_STATUS[status].label}</Tag> },
    { title: '审批意见', dataIndex: 'decisionNote', width: 180, render: (note: string | null, exception) => (note ? `${note}${exception.decidedBy ? `（${exception.decidedBy}）` : ''}` : '—') },
    {
      title: '操作',
      key: 'actions',
      width: 90,
      render: (_value, exception) => (exception.status === 'requested' && policies.decideException
        ? <Button size="small" type="link" onClick={() => setTask({ kind: 'decideException', exception })}>审批</Button>
        : null),
    },
  ];

  const reviewColumns: ColumnsType<JointReview> = [
    { title: '联审部门', dataIndex: 'department', width: 150 },
    { title: '结论', dataIndex: 'status', width: 110, render: (status: JointReview['status']) => <Tag color={JOINT_REVIEW_STATUS[status].color}>{JOINT_REVIEW_STATUS[status].label}</Tag> },
    { title: '意见', dataIndex: 'comment', render: (comment: string | null, review) => (comment ? `${comment}${review.answeredBy ? `（${review.answeredBy}）` : ''}` : '—') },
    { title: '核实处理', dataIndex: 'resolution', render: (resolution: string | null) => resolution ?? '—' },
    {
      title: '操作',
      key: 'actions',
      width: 100,
      render: (_value, review) => (review.status === 'concern' && policies.resolveConcern
        ? <Button size="small" type="link" onClick={() => setTask({ kind: 'resolveConcern', review })}>核实处理</Button>
        : null),
    },
  ];

  const objectionColumns: ColumnsType<Objection> = [
    { title: '收到日期', dataIndex: 'receivedOn', width: 110 },
    { title: '异议内容', dataIndex: 'content' },
    { title: '是否属实', dataIndex: 'isSubstantiated', width: 90, render: (value: boolean | null) => (value === null ? '—' : value ? <Tag color="error">属实</Tag> : <Tag>不属实</Tag>) },
    { title: '处理情况', dataIndex: 'handling', render: (value: string | null, objection) => value ?? (canReview ? <Button size="small" type="link" onClick={() => setTask({ kind: 'handleObjection', objection })}>记录处理结果</Button> : <Tag color="processing">待处理</Tag>) },
  ];

  const stageIndex = SELECTION_STAGES.indexOf(candidate.stage);
  const evaluation = candidate.evaluation;

  return (
    <div className="candidate-page">
      <div className="page-header">
        <Space wrap align="center">
          <Button icon={<ArrowLeftOutlined />} aria-label="返回看板" onClick={() => void navigate(boardLink)} />
          <h2>人选：{person.name}</h2>
          <Tag color="red">{STAGE_LABELS[candidate.stage]}</Tag>
          <Tag color={OUTCOME_COLORS[candidate.outcome]}>{OUTCOME_LABELS[candidate.outcome]}</Tag>
        </Space>
        <Space wrap>
          <Link to={`/people/${person.id}`}><Button icon={<UserOutlined />}>人员档案</Button></Link>
        </Space>
      </div>

      <div className="stage-progress" aria-label="选拔进度">
        {SELECTION_STAGES.map((stage, index) => (
          <span key={stage} className={`stage-step${index < stageIndex || candidate.stage === 'filed' ? ' done' : ''}${index === stageIndex ? ' current' : ''}`}>{STAGE_LABELS[stage]}</span>
        ))}
      </div>

      <Card title="基本情况" size="small" className="candidate-section">
        <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 2, lg: 3, xl: 3, xxl: 3 }}>
          <Descriptions.Item label="姓名">{person.name}</Descriptions.Item>
          <Descriptions.Item label="性别">{dictionaries.label('gender', person.gender)}</Descriptions.Item>
          <Descriptions.Item label="出生日期">{person.birthDate}（{person.age} 岁）</Descriptions.Item>
          <Descriptions.Item label="政治面貌">{dictionaries.label('politicalStatus', person.politicalStatus)}{person.partyJoinDate ? `（${person.partyJoinDate} 入党）` : ''}</Descriptions.Item>
          <Descriptions.Item label="学历">{dictionaries.label('education', person.education)}</Descriptions.Item>
          <Descriptions.Item label="联系电话">{person.phoneMasked ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="所在村（社区）">{candidate.townshipName} {candidate.villageName}</Descriptions.Item>
          <Descriptions.Item label="推荐方式">{CHANNEL_LABELS[candidate.channel]}</Descriptions.Item>
          <Descriptions.Item label="人选类型">
            {PROFILE_SHORT[candidate.profile]}
            {candidate.villageNeed && candidate.villageNeed !== candidate.profile && <Tag color="warning" style={{ marginLeft: 8 }}>本村需要{PROFILE_SHORT[candidate.villageNeed]}</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label="拟任岗位">{dictionaries.label('targetPost', candidate.targetPost)}</Descriptions.Item>
          <Descriptions.Item label="身份（来源）">{dictionaries.label('sourceCategory', candidate.sourceCategory)}</Descriptions.Item>
          <Descriptions.Item label="后备力量">{candidate.reserveId ? <Link to="/reserves">已入库</Link> : '尚未入库'}</Descriptions.Item>
        </Descriptions>
      </Card>

      <Card title="当前步骤" size="small" className="candidate-section candidate-actions">
        {!isRunning ? (
          <Typography.Paragraph>选拔程序已结束：{OUTCOME_LABELS[candidate.outcome]}。</Typography.Paragraph>
        ) : (
          <>
            <Typography.Paragraph>
              当前环节：<strong>{STAGE_LABELS[candidate.stage]}</strong>
              {currentAction && batchHint[currentAction] && <Typography.Text type="secondary">（{batchHint[currentAction]}）</Typography.Text>}
            </Typography.Paragraph>
            <Space wrap className="action-buttons">
              {STEP_ACTIONS.map((action) => actionButton(action, { primary: action === currentAction }))}
            </Space>
            {currentAction && actions[currentAction] && !actions[currentAction].allowed && actions[currentAction].reason && (
              <Alert type="warning" showIcon className="action-blocked" style={{ marginBottom: 12 }} title={`暂不能进行「${ACTION_RULES[currentAction].label}」`} description={actions[currentAction].reason} />
            )}
            <div className="action-extra">
              <Space wrap>
                {policies.requestException && (
                  <Button onClick={() => setTask({ kind: 'requestException' })} disabled={candidate.eligibility.verdicts.every((verdict) => verdict.passed || verdict.isWaived)}>申请破格</Button>
                )}
                {policies.sendJointReview && <Button onClick={() => setTask({ kind: 'sendJointReview' })}>送联审</Button>}
                {candidate.publicNotice && canReview && <Button onClick={() => setTask({ kind: 'recordObjection' })}>登记异议</Button>}
                {actionButton('reject', { danger: true })}
                {actionButton('withdraw')}
              </Space>
            </div>
          </>
        )}
      </Card>

      <Card
        title="资格条件"
        size="small"
        className="candidate-section eligibility-card"
        extra={<Typography.Text type="secondary">依据：{candidate.eligibility.source.orgName}{candidate.eligibility.source.versionNumber ? ` 第 ${candidate.eligibility.source.versionNumber} 版` : ''}</Typography.Text>}
      >
        <Typography.Paragraph>
          {candidate.eligibility.isEligible
            ? <Tag color="success" icon={<CheckCircleFilled />}>符合资格条件</Tag>
            : <Tag color="error" icon={<CloseCircleFilled />}>不符合资格条件</Tag>}
        </Typography.Paragraph>
        <ul className="verdict-list">
          {candidate.eligibility.verdicts.map((verdict) => (
            <li key={verdict.rule} className={verdict.passed ? 'verdict-passed' : verdict.isWaived ? 'verdict-waived' : 'verdict-failed'}>
              {verdict.passed ? <CheckCircleFilled className="verdict-icon" /> : verdict.isWaived ? <ExclamationCircleFilled className="verdict-icon" /> : <CloseCircleFilled className="verdict-icon" />}
              <span className="verdict-rule">{verdict.rule.startsWith('exclusion.') ? '负面清单' : ruleLabel(verdict.rule)}</span>
              <span className="verdict-text">{verdict.explanation}</span>
              {verdict.isWaived && <Tag color="warning">破格</Tag>}
            </li>
          ))}
        </ul>
        {candidate.exceptions.length > 0 && (
          <Table<EligibilityException> rowKey="id" size="small" pagination={false} scroll={{ x: 'max-content' }} columns={exceptionColumns} dataSource={candidate.exceptions} title={() => '破格申请'} />
        )}
      </Card>

      {evaluation && (
        <Card title="民主测评" size="small" className="candidate-section">
          <StepDetails details={evaluation} />
        </Card>
      )}

      {candidate.jointReviews.length > 0 && (
        <Card title="联审" size="small" className="candidate-section">
          <Table<JointReview> rowKey="id" size="small" pagination={false} scroll={{ x: 'max-content' }} columns={reviewColumns} dataSource={candidate.jointReviews} />
        </Card>
      )}

      {candidate.publicNotice && (
        <Card title="公示" size="small" className="candidate-section" extra={<Link to={`/selection/notices/${candidate.publicNotice.id}`}>公示文本</Link>}>
          <Typography.Paragraph>{candidate.publicNotice.startsOn} 至 {candidate.publicNotice.endsOn}（{candidate.publicNotice.workingDays} 个工作日）</Typography.Paragraph>
          <Table<Objection> rowKey="id" size="small" pagination={false} scroll={{ x: 'max-content' }} columns={objectionColumns} dataSource={candidate.objections} locale={{ emptyText: '公示期间未收到异议' }} />
        </Card>
      )}

      <Card title="选拔记录" size="small" className="candidate-section">
        {candidate.steps.length === 0 ? <Empty description="暂无记录" image={Empty.PRESENTED_IMAGE_SIMPLE} /> : (
          <Timeline
            className="step-history"
            items={candidate.steps.map((step: Step) => ({
              key: step.id,
              content: (
                <div className="step-entry" data-action={step.action}>
                  <div>
                    <strong>{step.label}</strong>
                    {step.toStage && step.fromStage !== step.toStage && (
                      <Typography.Text type="secondary">　{step.fromStage ? `${stageLabel(step.fromStage)} → ${stageLabel(step.toStage)}` : `进入「${stageLabel(step.toStage)}」`}</Typography.Text>
                    )}
                  </div>
                  <div className="step-meta">{step.occurredOn} · {step.actorName} · 记录于 {formatDateTime(step.recordedAt)}</div>
                  <StepDetails details={step.details} />
                </div>
              ),
            }))}
          />
        )}
      </Card>

      <CandidateActionModal
        candidate={candidate}
        task={task}
        onClose={() => setTask(null)}
        onDone={(done) => {
          setTask(null);
          if (done) void message.success(done);
        }}
      />
    </div>
  );
}
