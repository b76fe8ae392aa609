import { App, AutoComplete, Button, Form, Input, InputNumber, Result, Segmented, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { TRAINING_METHOD_OPTIONS } from '../../api/cultivation.ts';
import { villagesApi, type RecordDisciplineInput, type RecordReviewInput, type RecordTrainingInput, type Secretary } from '../../api/villages.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { todayText } from '../../components/villages/labels.ts';
import { useMe } from '../../session/SessionContext.tsx';
import { useApiQuery } from '../../state/queryClient.tsx';

type Review = Secretary['reviews'][number];
type ReviewForm = Omit<RecordReviewInput, 'finding'> & { finding?: RecordReviewInput['finding'] };

const RESULT_OPTIONS = [{ value: 'good', label: '好' }, { value: 'fairlyGood', label: '较好' }, { value: 'average', label: '一般' }, { value: 'poor', label: '差' }];
const FINDING_OPTIONS = [{ value: 'incompetent', label: '不胜任' }, { value: 'unqualified', label: '不合格' }, { value: 'notDiligent', label: '不尽职' }];
const RESULT_COLORS: Record<Review['result'], string> = { good: 'green', fairlyGood: 'blue', average: 'orange', poor: 'red' };
/** 党纪处分 (中国共产党纪律处分条例 art. 8) and 组织处理 commonly recorded for village secretaries; any other kind may be typed. */
const DISCIPLINE_KIND_OPTIONS = ['警告', '严重警告', '撤销党内职务', '留党察看', '开除党籍', '诫勉', '批评教育', '责令检查'].map((value) => ({ value }));
const COUNT_FIELDS = [['good', '“好”票'], ['fairlyGood', '“较好”票'], ['average', '“一般”票'], ['poor', '“差”票']] as const;

function currentPeriod(): string {
  const today = todayText();
  return `${today.slice(0, 4)}-H${Number(today.slice(5, 7)) <= 6 ? 1 : 2}`;
}

/** 书记队伍: the villages' current Party secretaries with their semiannual reviews (双述双评), training and discipline, and the forms to record each. */
export function SecretariesPage() {
  const me = useMe();
  const { message } = App.useApp();
  const units = [...new Map(me.roles.map((role) => [role.orgCode, role.orgName])).entries()];
  const [orgCode, setOrgCode] = useState(units[0]?.[0] ?? '');
  const [reviewing, setReviewing] = useState<Secretary | null>(null);
  const [adjusting, setAdjusting] = useState<Secretary | null>(null);
  const [training, setTraining] = useState<Secretary | null>(null);
  const [disciplining, setDisciplining] = useState<Secretary | null>(null);
  const query = useApiQuery(['secretaries', orgCode], (signal) => villagesApi.secretaries(orgCode, signal), { enabled: orgCode !== '' });
  if (!orgCode) return <Result status="info" title="您的账户未绑定单位" />;

  const columns: ColumnsType<Secretary> = [
    { title: '村（社区）', dataIndex: 'villageName', key: 'villageName', render: (name: string, secretary) => <Link to={`/villages/${secretary.orgCode}`}>{name}</Link> },
    { title: '书记', dataIndex: 'name', key: 'name', render: (name: string, secretary) => <Space size={4}>{name}{secretary.isSecretaryAndDirector && <Tag color="gold">一肩挑</Tag>}</Space> },
    { title: '年龄', dataIndex: 'age', key: 'age' },
    { title: '任职起', dataIndex: 'startedOn', key: 'startedOn' },
    {
      title: '述职评议', key: 'reviews',
      render: (_: unknown, secretary) => secretary.reviews.length === 0 ? '—' : (
        <Space orientation="vertical" size={2}>
          {secretary.reviews.map((review) => (
            <span key={review.id}>
              {review.period}：<Tag color={RESULT_COLORS[review.result]}>{review.resultLabel}</Tag>
              好 {review.counts.good}／较好 {review.counts.fairlyGood}／一般 {review.counts.average}／差 {review.counts.poor}
              {review.findingLabel && <Tag color="red" style={{ marginLeft: 4 }}>{review.findingLabel}</Tag>}
            </span>
          ))}
        </Space>
      ),
    },
    {
      title: '培训', key: 'training',
      render: (_: unknown, secretary) => secretary.training.length === 0 ? '—' : (
        <Space orientation="vertical" size={2}>
          {secretary.training.map((entry) => <span key={entry.id}>{entry.startedOn} {entry.methodLabel}「{entry.course}」{entry.days} 天（{entry.organiser}）</span>)}
        </Space>
      ),
    },
    { title: '处分', key: 'discipline', render: (_: unknown, secretary) => (secretary.discipline.length === 0 ? '无' : secretary.discipline.map((entry) => `${entry.decidedOn} ${entry.kind}`).join('；')) },
    {
      title: '操作', key: 'actions',
      render: (_: unknown, secretary) => (
        <Space size={0}>
          {secretary.policies.review && <Button type="link" size="small" onClick={() => setReviewing(secretary)}>登记评议</Button>}
          {secretary.policies.review && <Button type="link" size="small" onClick={() => setTraining(secretary)}>登记培训</Button>}
          {secretary.policies.review && <Button type="link" size="small" onClick={() => setDisciplining(secretary)}>登记处分</Button>}
          {secretary.policies.adjust && <Button type="link" size="small" danger onClick={() => setAdjusting(secretary)}>调整撤换</Button>}
        </Space>
      ),
    },
  ];

  return (
    <div>
      <div className="page-header">
        <h2>书记队伍</h2>
        {units.length > 1 && <Segmented value={orgCode} onChange={(value) => setOrgCode(String(value))} options={units.map(([code, name]) => ({ value: code, label: name }))} />}
      </div>
      <ResponsiveTable<Secretary> rowKey="id" size="small" loading={query.isFetching} pagination={{ pageSize: 50, showSizeChanger: false }} scroll={{ x: 'max-content' }}
        columns={columns} dataSource={query.data?.secretaries ?? []} cardTitle={(secretary) => `${secretary.villageName} · ${secretary.name}`} locale={{ emptyText: '没有登记在任的村党组织书记' }} className="secretary-list" />

      <FormModal<ReviewForm, { id: string }>
        title={reviewing ? `登记述职评议：${reviewing.villageName} ${reviewing.name}` : '登记述职评议'}
        open={reviewing !== null}
        onClose={() => setReviewing(null)}
        initialValues={{ period: currentPeriod(), reviewedOn: todayText(), counts: { good: 0, fairlyGood: 0, average: 0, poor: 0 } }}
        save={(values) => villagesApi.recordReview(reviewing?.id ?? '', { ...values, finding: values.finding ?? null })}
        onSaved={() => { setReviewing(null); void message.success('已登记述职评议'); }}
      >
        <Form.Item name="period" label="评议期次（如 2026-H1 为上半年）" rules={[{ required: true, message: '请填写评议期次' }]}><Input maxLength={7} /></Form.Item>
        <Form.Item name="reviewedOn" label="评议日期" rules={[{ required: true, message: '请填写评议日期' }]}><DateInput /></Form.Item>
        <Form.Item name="reviewers" label="参加评议人员" rules={[{ required: true, message: '请填写参加评议人员' }]}><Input maxLength={200} placeholder="如：党员和村民代表 36 人" /></Form.Item>
        <Space wrap>
          {COUNT_FIELDS.map(([field, label]) => (
            <Form.Item key={field} name={['counts', field]} label={label} rules={[{ required: true, message: `请填写${label}数` }]}><InputNumber min={0} /></Form.Item>
          ))}
        </Space>
        <Form.Item name="result" label="评议结果" rules={[{ required: true, message: '请选择评议结果' }]}><Select options={RESULT_OPTIONS} /></Form.Item>
        <Form.Item name="finding" label="认定（不胜任、不合格、不尽职的可调整撤换）"><Select allowClear options={FINDING_OPTIONS} placeholder="无" /></Form.Item>
      </FormModal>

      <FormModal<RecordTrainingInput, { id: string }>
        title={training ? `登记培训：${training.villageName} ${training.name}` : '登记培训'}
        open={training !== null}
        onClose={() => setTraining(null)}
        initialValues={{ startedOn: todayText(), method: 'centralised' }}
        save={(values) => villagesApi.recordTraining(training?.id ?? '', values)}
        onSaved={() => { setTraining(null); void message.success('已登记培训'); }}
      >
        <Form.Item name="course" label="培训班（课程）名称" rules={[{ required: true, message: '请填写培训班（课程）名称' }]}><Input maxLength={100} placeholder="如：全区村（社区）党组织书记素质能力提升培训班" /></Form.Item>
        <Form.Item name="organiser" label="举办单位" rules={[{ required: true, message: '请填写举办单位' }]}><Input maxLength={100} placeholder="如：区委组织部" /></Form.Item>
        <Form.Item name="method" label="培训方式" rules={[{ required: true, message: '请选择培训方式' }]}><Select options={TRAINING_METHOD_OPTIONS} /></Form.Item>
        <Form.Item name="startedOn" label="开始日期" rules={[{ required: true, message: '请填写开始日期' }]}><DateInput /></Form.Item>
        <Form.Item name="days" label="天数（以半天计）" rules={[{ required: true, message: '请填写培训天数' }]}><InputNumber min={0.5} max={366} step={0.5} /></Form.Item>
      </FormModal>

      <FormModal<RecordDisciplineInput, { id: string }>
        title={disciplining ? `登记处分：${disciplining.villageName} ${disciplining.name}` : '登记处分'}
        open={disciplining !== null}
        onClose={() => setDisciplining(null)}
        initialValues={{ decidedOn: todayText() }}
        save={(values) => villagesApi.recordDiscipline(disciplining?.id ?? '', values)}
        onSaved={() => { setDisciplining(null); void message.success('已登记处分'); }}
      >
        <Form.Item name="kind" label="处分种类" rules={[{ required: true, message: '请填写处分种类' }]}><AutoComplete options={DISCIPLINE_KIND_OPTIONS} maxLength={50} placeholder="选择或填写，如：警告" /></Form.Item>
        <Form.Item name="decidedOn" label="处分日期" rules={[{ required: true, message: '请填写处分日期' }]}><DateInput /></Form.Item>
        <Form.Item name="description" label="处分事由" rules={[{ required: true, message: '请填写处分事由' }]}><Input.TextArea rows={3} maxLength={1000} /></Form.Item>
      </FormModal>

      <FormModal<{ endedOn: string }, { memberId: string; vacancyId: string | null }>
        title={adjusting ? `调整撤换：${adjusting.villageName} ${adjusting.name}` : '调整撤换'}
        open={adjusting !== null}
        onClose={() => setAdjusting(null)}
        okText="调整撤换"
        initialValues={{ endedOn: todayText() }}
        intro={<Typography.Paragraph type="secondary">调整撤换后书记职务形成空缺，可在空缺职务页面从后备力量中择优推荐。</Typography.Paragraph>}
        save={(values) => villagesApi.memberLeaves(adjusting?.id ?? '', { endedOn: values.endedOn, reason: 'adjusted', version: adjusting?.version ?? 0 })}
        onSaved={() => { setAdjusting(null); void message.success('已调整撤换，书记职务形成空缺'); }}
        onConflict={() => { setAdjusting(null); void query.refetch(); }}
      >
        <Form.Item name="endedOn" label="离任日期" rules={[{ required: true, message: '请填写离任日期' }]}><DateInput /></Form.Item>
      </FormModal>
    </div>
  );
}
