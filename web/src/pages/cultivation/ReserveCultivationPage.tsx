import { ArrowLeftOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Empty, Popconfirm, Result, Select, Skeleton, Space, Steps, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import {
  ASSESSMENT_KIND_LABELS, ASSESSOR_LABELS, currentYear, GRADE_LABELS, MEETING_TYPE_LABELS, MENTOR_POST_LABELS, PARTY_STAGE_LABELS, PARTY_STAGES, practiceCategoryLabel,
  recordsApi, TRAINING_METHOD_LABELS, type Assessment, type ObserverAttendance, type PracticeRecord, type ReserveCultivation, type TrainingCompliance,
} from '../../api/cultivation.ts';
import { reserveStatusLabel } from '../../api/labels.ts';
import { hasPermission } from '../../api/types.ts';
import { AnnualTalkModal } from '../../components/cultivation/AnnualTalkModal.tsx';
import { ContactLogList } from '../../components/cultivation/ContactLogList.tsx';
import '../../components/cultivation/cultivation.css';
import { RecordFormButtons } from '../../components/cultivation/RecordFormButtons.tsx';
import { AssessmentModal, ObserverModal, PartyJoiningModal, PracticeModal, type AssessmentTarget } from '../../components/cultivation/RecordModals.tsx';
import { EntryNote } from '../../components/cultivation/EntryNote.tsx';
import { useDictionaries } from '../../components/DictionariesContext.tsx';
import { useMe } from '../../session/SessionContext.tsx';
import { recordLoadError, useApiQuery } from '../../state/queryClient.tsx';
import { useSaveMutation } from '../../state/useSaveMutation.ts';

const TABS = ['training', 'mentoring', 'practice', 'assessments'] as const;
type TabKey = (typeof TABS)[number];

const STATUS_TAGS = { met: { color: 'green', label: '已达标' }, due: { color: 'orange', label: '未达标（期限未到）' }, overdue: { color: 'red', label: '逾期未达标' } } as const;

function ComplianceCard({ compliance }: { compliance: TrainingCompliance }) {
  const { annual, centralised } = compliance;
  return (
    <Card size="small" title="培训达标情况（按培训规则）" className="cultivation-section compliance-card">
      <div className="compliance-line">
        <strong>{annual.year} 年培训天数：</strong>
        <span>已参训 {annual.attendedDays} 天 / 应不少于 {annual.requiredDays} 天</span>
        <Tag color={STATUS_TAGS[annual.status].color}>{annual.status === 'met' ? '已达标' : `还差 ${annual.shortByDays} 天`}</Tag>
        {annual.status !== 'met' && <Typography.Text type={annual.status === 'overdue' ? 'danger' : 'secondary'}>须在 {annual.dueBy} 前完成</Typography.Text>}
      </div>
      <div className="compliance-line">
        <strong>集中培训：</strong>
        <Tag color={STATUS_TAGS[centralised.status].color}>{STATUS_TAGS[centralised.status].label}</Tag>
        <span>{centralised.lastQualifyingEnd ? `最近一次达标的集中培训结束于 ${centralised.lastQualifyingEnd}` : '尚无达标的集中培训'}</span>
        {centralised.status !== 'met' && <Typography.Text type={centralised.status === 'overdue' ? 'danger' : 'secondary'}>须在 {centralised.dueBy} 前参加</Typography.Text>}
        {centralised.status === 'met' && <Typography.Text type="secondary">下次须在 {centralised.dueBy} 前</Typography.Text>}
      </div>
    </Card>
  );
}

/**
 * 培养记录: everything about one reserve's cultivation in a year — training with compliance,
 * mentoring, practice and observed meetings, opinions and results, the party-joining track — and
 * the 纪实表 for the year as Word or PDF.
 */
export function ReserveCultivationPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const dictionaries = useDictionaries();
  const [searchParams, setSearchParams] = useSearchParams();
  const year = Number(searchParams.get('year')) || currentYear();
  const tabParam = searchParams.get('tab');
  const tab: TabKey = (TABS as readonly string[]).includes(tabParam ?? '') ? (tabParam as TabKey) : 'training';
  const [modal, setModal] = useState<'practice' | 'observer' | 'party' | 'talk' | null>(null);
  const [assessmentTarget, setAssessmentTarget] = useState<AssessmentTarget | null>(null);
  const [editingPractice, setEditingPractice] = useState<PracticeRecord | null>(null);
  const canWrite = hasPermission(me, 'cultivation.write');
  const canAssess = hasPermission(me, 'cultivation.assess');

  const cultivationQuery = useApiQuery(['reserve-cultivation', id, year], (signal) => recordsApi.cultivation(id, year, signal));
  // The party-joining track is shown when the caller may read it; without it the year's steps are shown.
  const party = useApiQuery(['reserve-party-joining', id], (signal) => recordsApi.partyJoining(id, signal).catch(() => null)).data ?? null;
  const data = cultivationQuery.data ?? null;
  const loadError = recordLoadError(cultivationQuery.error);
  const removal = useSaveMutation({
    save: (action: () => Promise<unknown>) => action(),
    onSaved: () => { void message.success('已删除'); },
  });

  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(searchParams);
    next.set(key, value);
    setSearchParams(next, { replace: true });
  };

  if (loadError) return <Result status={loadError.status === 403 ? '403' : '404'} title="无法查看该后备力量的培养记录" subTitle={loadError.message} extra={<Button onClick={() => void navigate(-1)}>返回</Button>} />;
  if (!data) return <Skeleton active paragraph={{ rows: 10 }} />;

  const saved = (text: string) => () => { setModal(null); setAssessmentTarget(null); void message.success(text); };

  const trainingColumns: ColumnsType<ReserveCultivation['training'][number]> = [
    { title: '培训名称', key: 'name', render: (_value, row) => <Link to={`/training/${row.sessionId}`}>{row.name}</Link> },
    { title: '方式', key: 'method', width: 100, render: (_value, row) => TRAINING_METHOD_LABELS[row.method] },
    { title: '举办单位', dataIndex: 'organiser', width: 140 },
    { title: '日期', key: 'dates', width: 200, render: (_value, row) => (row.startDate === row.endDate ? row.startDate : `${row.startDate} 至 ${row.endDate}`) },
    { title: '参训', key: 'attended', width: 110, render: (_value, row) => (row.attended ? `${row.daysAttended} / ${row.days} 天` : <Tag>缺席</Tag>) },
    { title: '结果', key: 'result', width: 90, render: (_value, row) => row.result ?? '—' },
  ];

  const practiceColumns: ColumnsType<PracticeRecord> = [
    { title: '类别', key: 'kind', width: 170, render: (_value, row) => <>{row.kind === 'post' ? '岗位锻炼' : '专项任务'}：{practiceCategoryLabel(row.category)}</> },
    { title: '时间', key: 'period', width: 200, render: (_value, row) => `${row.startedOn} — ${row.endedOn ?? '至今'}` },
    { title: '具体内容', dataIndex: 'content' },
    { title: '主要表现', key: 'performance', render: (_value, row) => row.performance ?? '—' },
    { title: '评定意见', key: 'opinion', render: (_value, row) => row.opinion ?? '—' },
    { title: '录入', key: 'entry', width: 200, render: (_value, row) => <EntryNote entry={row} /> },
    {
      title: '', key: 'actions', width: 120, render: (_value, row) => (
        <Space size={0}>
          {row.policies.update && <Button type="link" size="small" onClick={() => { setEditingPractice(row); setModal('practice'); }}>修改</Button>}
          {row.policies.delete && (
            <Popconfirm title="删除这条实践锻炼记录？" okText="删除" cancelText="取消" onConfirm={() => removal.submit(() => recordsApi.removePractice(row.id, row.version))}>
              <Button type="link" size="small" danger>删除</Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  const observerColumns: ColumnsType<ObserverAttendance> = [
    { title: '日期', dataIndex: 'meetingDate', width: 120 },
    { title: '会议', key: 'meetingType', width: 200, render: (_value, row) => MEETING_TYPE_LABELS[row.meetingType] },
    { title: '议题', key: 'topic', render: (_value, row) => row.topic ?? '—' },
    { title: '录入', key: 'entry', width: 200, render: (_value, row) => <EntryNote entry={row} /> },
    {
      title: '', key: 'actions', width: 70, render: (_value, row) => row.policies.delete && (
        <Popconfirm title="删除这条列席记录？" okText="删除" cancelText="取消" onConfirm={() => removal.submit(() => recordsApi.removeObserver(row.id, row.version))}>
          <Button type="link" size="small" danger>删除</Button>
        </Popconfirm>
      ),
    },
  ];

  const quarterly = (assessor: Assessment['assessor'], quarter: number) => data.assessments.find((item) => item.kind === 'quarterly' && item.assessor === assessor && item.quarter === quarter);
  const opinionCell = (assessor: Assessment['assessor'], quarter: number) => {
    const found = quarterly(assessor, quarter);
    const mayAdd = assessor === 'village' ? canWrite : canAssess;
    if (found) {
      return (
        <div>
          {found.grade && <Tag color="blue">{GRADE_LABELS[found.grade]}</Tag>}
          <span style={{ whiteSpace: 'pre-wrap' }}>{found.opinion}</span>
          <div className="step-meta">{found.assessedOn} · <EntryNote entry={found} />
            {found.policies.update && <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setAssessmentTarget({ kind: 'edit', assessment: found })}>修改</Button>}
          </div>
        </div>
      );
    }
    return mayAdd
      ? <Button size="small" icon={<PlusOutlined />} onClick={() => setAssessmentTarget({ kind: 'create', preset: { kind: 'quarterly', assessor, year: data.year, quarter } })}>填写</Button>
      : <Typography.Text type="secondary">未填写</Typography.Text>;
  };
  const others = data.assessments.filter((item) => item.kind !== 'quarterly');

  const reserve = data.reserve;
  const years = Array.from({ length: 6 }, (_value, index) => currentYear() - index);
  const partySteps = party?.steps ?? data.partyJoining;
  const reachedIndex = partySteps.length === 0 ? -1 : Math.max(...partySteps.map((step) => PARTY_STAGES.indexOf(step.stage)));

  return (
    <div className="reserve-cultivation-page">
      <div className="page-header">
        <Space wrap align="center">
          <Button type="text" icon={<ArrowLeftOutlined />} aria-label="返回" onClick={() => void navigate(-1)} />
          <h2>培养记录：{reserve.name}</h2>
          <Tag>{reserveStatusLabel(reserve.status)}</Tag>
        </Space>
        <Space wrap>
          <Select<number> aria-label="年度" value={year} style={{ width: 110 }} onChange={(value) => setParam('year', String(value))} options={years.map((value) => ({ value, label: `${value} 年` }))} />
          <RecordFormButtons reserveId={reserve.id} year={year} />
        </Space>
      </div>
      <Descriptions size="small" className="cultivation-section" column={{ xs: 1, sm: 2, lg: 4 }}>
        <Descriptions.Item label="乡镇">{reserve.townshipName}</Descriptions.Item>
        <Descriptions.Item label="村（社区）">{reserve.villageName}</Descriptions.Item>
        <Descriptions.Item label="拟任岗位">{dictionaries.label('targetPost', reserve.targetPost)}</Descriptions.Item>
        <Descriptions.Item label="入库时间">{data.admittedOn ?? '—'}</Descriptions.Item>
      </Descriptions>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParam('tab', key)}
        items={[
          {
            key: 'training',
            label: `培训（${data.training.length}）`,
            children: (
              <>
                <ComplianceCard compliance={data.compliance} />
                <Table rowKey="sessionId" size="small" pagination={false} scroll={{ x: 'max-content' }} columns={trainingColumns} dataSource={data.training} locale={{ emptyText: `${data.year} 年暂无培训记录` }} />
              </>
            ),
          },
          {
            key: 'mentoring',
            label: `结对帮带（${data.contacts.length}）`,
            children: (
              <>
                <Card size="small" title="帮带导师" className="cultivation-section" extra={<Space wrap>
                  <Link to={`/mentoring/${reserve.id}`}>填写帮带记录</Link>
                  {canAssess && <Button size="small" onClick={() => setModal('talk')}>记录书记谈话</Button>}
                </Space>}>
                  {data.assignments.length === 0 ? <Typography.Text type="warning">未落实帮带导师。{canAssess && <Link to={`/mentoring?assign=${reserve.id}`}>指定导师</Link>}</Typography.Text> : (
                    data.assignments.map((assignment) => (
                      <div key={assignment.id}>
                        {assignment.mentorName}（{assignment.mentorTitle ?? MENTOR_POST_LABELS[assignment.mentorPost]}），{assignment.startedOn} — {assignment.endedOn ?? '至今'}
                        {assignment.isActive ? <Tag color="green" style={{ marginLeft: 8 }}>帮带中</Tag> : <Tag style={{ marginLeft: 8 }}>已结束</Tag>}
                      </div>
                    ))
                  )}
                </Card>
                <Card size="small" title={`季度帮带小结（${data.year} 年）`} className="cultivation-section">
                  <Table
                    rowKey="quarter"
                    size="small"
                    pagination={false}
                    scroll={{ x: 'max-content' }}
                    dataSource={[1, 2, 3, 4].map((quarter) => ({ quarter, summary: data.summaries.find((item) => item.quarter === quarter) }))}
                    columns={[
                      { title: '季度', key: 'quarter', width: 90, render: (_value, row) => `第${'一二三四'[row.quarter - 1]}季度` },
                      { title: '帮扶内容', key: 'content', render: (_value, row) => row.summary?.content ?? <Typography.Text type="secondary">未填写</Typography.Text> },
                      { title: '评定意见', key: 'opinion', render: (_value, row) => row.summary?.opinion ?? '—' },
                      { title: '导师', key: 'mentor', width: 100, render: (_value, row) => row.summary?.mentorName ?? '—' },
                      { title: '录入', key: 'entry', width: 200, render: (_value, row) => (row.summary ? <EntryNote entry={row.summary} /> : '—') },
                    ]}
                  />
                </Card>
                <Card size="small" title="乡镇党委书记年度谈心谈话" className="cultivation-section">
                  {data.talks.length === 0 ? <Typography.Text type="secondary">{data.year} 年尚未开展</Typography.Text> : data.talks.map((talk) => (
                    <div key={talk.id} className="contact-log">
                      <div className="contact-log-head"><span className="contact-log-date">{talk.talkedOn}</span><span>谈话人 {talk.talkerName}</span></div>
                      <div className="step-meta"><EntryNote entry={talk} /></div>
                      <div style={{ whiteSpace: 'pre-wrap' }}>{talk.content}</div>
                    </div>
                  ))}
                </Card>
                <Typography.Title level={5}>每月帮带记录（{data.year} 年）</Typography.Title>
                <ContactLogList contacts={data.contacts} />
              </>
            ),
          },
          {
            key: 'practice',
            label: `实践锻炼（${data.practice.length + data.observerAttendances.length}）`,
            children: (
              <>
                <Card size="small" title="岗位锻炼和专项任务" className="cultivation-section" extra={canWrite && <Button size="small" icon={<PlusOutlined />} onClick={() => { setEditingPractice(null); setModal('practice'); }}>登记</Button>}>
                  <Table rowKey="id" size="small" pagination={false} scroll={{ x: 'max-content' }} columns={practiceColumns} dataSource={data.practice} locale={{ emptyText: '暂无实践锻炼记录' }} />
                </Card>
                <Card size="small" title="列席会议" className="cultivation-section" extra={canWrite && <Button size="small" icon={<PlusOutlined />} onClick={() => setModal('observer')}>登记</Button>}>
                  <Table rowKey="id" size="small" pagination={false} scroll={{ x: 'max-content' }} columns={observerColumns} dataSource={data.observerAttendances} locale={{ emptyText: '暂无列席记录' }} />
                </Card>
              </>
            ),
          },
          {
            key: 'assessments',
            label: `考核（${data.assessments.length}）`,
            children: (
              <>
                <Card size="small" title={`季度评定意见（${data.year} 年）`} className="cultivation-section">
                  <div className="quarter-opinions">
                    <div className="quarter-opinions-head"><span>季度</span><span>村（社区）党组织意见</span><span>乡镇党委意见</span></div>
                    {[1, 2, 3, 4].map((quarter) => (
                      <div key={quarter} className="quarter-opinions-row" data-quarter={quarter}>
                        <div className="quarter-name">第{'一二三四'[quarter - 1]}季度</div>
                        <div><span className="quarter-label">村（社区）党组织：</span>{opinionCell('village', quarter)}</div>
                        <div><span className="quarter-label">乡镇党委：</span>{opinionCell('township', quarter)}</div>
                      </div>
                    ))}
                  </div>
                </Card>
                <Card
                  size="small"
                  title="年度考核和换届前再评估"
                  className="cultivation-section"
                  extra={canAssess && <Button size="small" icon={<PlusOutlined />} onClick={() => setAssessmentTarget({ kind: 'create', preset: { kind: 'annual', assessor: 'township', year: data.year } })}>填写</Button>}
                >
                  {others.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`${data.year} 年尚无年度考核结果`} /> : others.map((item) => (
                    <div key={item.id} className="contact-log">
                      <div className="contact-log-head">
                        <span className="contact-log-date">{item.year} 年{ASSESSMENT_KIND_LABELS[item.kind]}</span>
                        {item.grade && <Tag color={item.grade === 'incompetent' ? 'red' : 'blue'}>{GRADE_LABELS[item.grade]}</Tag>}
                        <span className="contact-log-by">{ASSESSOR_LABELS[item.assessor]} · {item.assessedOn}</span>
                      </div>
                      <div className="step-meta"><EntryNote entry={item} /></div>
                      <div style={{ whiteSpace: 'pre-wrap' }}>{item.opinion}</div>
                      {item.policies.update && <div className="contact-log-actions"><Button size="small" onClick={() => setAssessmentTarget({ kind: 'edit', assessment: item })}>修改</Button></div>}
                    </div>
                  ))}
                </Card>
                <Card size="small" title="入党培养进程" className="cultivation-section" extra={party?.policies.update && <Button size="small" icon={<EditOutlined />} onClick={() => setModal('party')}>修改</Button>}>
                  <Steps
                    className="party-track"
                    size="small"
                    current={reachedIndex}
                    status={reachedIndex === PARTY_STAGES.length - 1 ? 'finish' : 'process'}
                    items={PARTY_STAGES.map((stage) => {
                      const step = partySteps.find((item) => item.stage === stage);
                      return { title: PARTY_STAGE_LABELS[stage], content: step ? `${step.reachedOn}${step.notes ? ` ${step.notes}` : ''}` : '—' };
                    })}
                  />
                </Card>
              </>
            ),
          },
        ]}
      />
      <PracticeModal reserveId={reserve.id} open={modal === 'practice'} editing={editingPractice} onClose={() => setModal(null)} onSaved={saved(editingPractice ? '已修改实践锻炼' : '已登记实践锻炼')} />
      <ObserverModal reserveId={reserve.id} open={modal === 'observer'} onClose={() => setModal(null)} onSaved={saved('已登记列席会议')} />
      <PartyJoiningModal reserveId={reserve.id} current={partySteps} open={modal === 'party'} onClose={() => setModal(null)} onSaved={saved('已保存入党培养进程')} />
      <AssessmentModal reserveId={reserve.id} target={assessmentTarget} canAssess={canAssess} onClose={() => setAssessmentTarget(null)} onSaved={saved('已保存考核记录')} />
      <AnnualTalkModal open={modal === 'talk'} reserve={{ id: reserve.id, name: reserve.name }} onClose={() => setModal(null)} onSaved={saved('已记录谈心谈话')} />
    </div>
  );
}
