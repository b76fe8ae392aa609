import { IdcardOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Empty, Form, Input, List, Radio, Segmented, Skeleton, Space, Tag, Typography, type FormInstance } from 'antd';
import { useState } from 'react';
import { ApiError } from '../api/client.ts';
import { selectionApi, type JointReviewItem, type JointReviewStatus } from '../api/selection.ts';
import { useDictionaries } from '../components/DictionariesContext.tsx';
import { formatDateTime } from '../components/formatDate.ts';
import { FormModal } from '../components/FormModal.tsx';
import { JOINT_REVIEW_STATUS } from '../components/selection/labels.ts';
import { useApiQuery } from '../state/queryClient.tsx';
import { useSaveMutation } from '../state/useSaveMutation.ts';

/** The 联审表 as printed: one row per candidate, the department's opinion and seal left to fill in by hand when still pending. */
function JointReviewSheet({ reviews, workingDays }: { reviews: JointReviewItem[]; workingDays: number }) {
  const dictionaries = useDictionaries();
  const departments = [...new Set(reviews.map((review) => review.department))].join('、');
  return (
    <div className="joint-review-sheet print-only">
      <h1>村（社区）后备力量人选联审表</h1>
      <p>审查部门：{departments}　　答复期限：送审次日起 {workingDays} 个工作日内</p>
      <table>
        <thead>
          <tr><th>序号</th><th>姓名</th><th>性别</th><th>出生年月</th><th>乡镇、村（社区）</th><th>拟任岗位</th><th>送审日期</th><th>答复期限</th><th>审查意见</th></tr>
        </thead>
        <tbody>
          {reviews.map((review, index) => (
            <tr key={review.id}>
              <td>{index + 1}</td>
              <td>{review.candidate.name}</td>
              <td>{dictionaries.label('gender', review.candidate.gender)}</td>
              <td>{review.candidate.birthDate.slice(0, 7)}</td>
              <td>{review.candidate.townshipName}{review.candidate.villageName}</td>
              <td>{dictionaries.label('targetPost', review.candidate.targetPost)}</td>
              <td>{review.sentOn}</td>
              <td>{review.deadline ?? ''}</td>
              <td className="joint-review-sheet-opinion">{review.status === 'pending' ? '' : `${JOINT_REVIEW_STATUS[review.status].label}${review.comment ? `：${review.comment}` : ''}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="joint-review-sheet-sign">审查部门（盖章）：　　　　　　　　经办人：　　　　　　　　负责人：　　　　　　　　年　　月　　日</p>
    </div>
  );
}

/** The full ID number of a candidate, asked for by the department to check its records (audited). */
function RevealIdNumber({ review }: { review: JointReviewItem }) {
  const reveal = useSaveMutation({ save: () => selectionApi.revealJointReviewCandidate(review.id) });
  if (reveal.result) return <span className="joint-review-id">身份证号码：{reveal.result.idNumber}</span>;
  return (
    <Button size="small" icon={<IdcardOutlined />} loading={reveal.isSaving} onClick={() => reveal.submit(undefined)}>
      查看身份证号码
    </Button>
  );
}

type Filter = JointReviewStatus | 'all';
interface AnswerForm { verdict?: 'passed' | 'concern'; comment?: string }

/**
 * 联审: the candidates sent to the user's department (纪检监察、政法、信访 …) for review; the
 * department answers 通过 or 有问题 with its opinion.
 */
export function JointReviewInboxPage() {
  const { message } = App.useApp();
  const dictionaries = useDictionaries();
  const [filter, setFilter] = useState<Filter>('pending');
  const query = useApiQuery(['joint-reviews', filter], (signal) => selectionApi.jointReviews(filter === 'all' ? undefined : filter, signal), { keepPrevious: true });
  const list = query.data ?? null;
  /** The reviews the answer is for: one (回复) or several ticked (批量回复). */
  const [answering, setAnswering] = useState<JointReviewItem[]>([]);
  const [chosen, setChosen] = useState<string[]>([]);
  const pending = list?.reviews.filter((review) => review.status === 'pending') ?? [];
  /** What the printed 联审表 holds: the ticked candidates, else every one listed. */
  const printed = chosen.length > 0 ? (list?.reviews.filter((review) => chosen.includes(review.id)) ?? []) : (list?.reviews ?? []);

  const answer = async (values: AnswerForm) => {
    // One request per candidate, in order; a refusal stops there and names the candidate.
    for (const review of answering) {
      try {
        await selectionApi.answerJointReview(review.id, { verdict: values.verdict ?? 'passed', comment: values.comment?.trim() || null, version: review.version });
      } catch (caught) {
        if (caught instanceof ApiError && answering.length > 1) throw new ApiError(caught.status, caught.code, `${review.candidate.name}：${caught.message}`, caught.body);
        throw caught;
      }
    }
    return answering.map((review) => review.candidate.name);
  };

  return (
    <div className="joint-review-page">
      <div className="page-header">
        <h2>联审</h2>
        <Space wrap className="no-print">
        <Button icon={<PrinterOutlined />} disabled={printed.length === 0} onClick={() => window.print()}>打印联审表{chosen.length > 0 ? `（${chosen.length} 人）` : ''}</Button>
        <Segmented<Filter>
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'pending', label: '待回复' },
            { value: 'passed', label: '已通过' },
            { value: 'concern', label: '有问题' },
            { value: 'resolved', label: '已核实处理' },
            { value: 'all', label: '全部' },
          ]}
        />
        </Space>
      </div>
      <Typography.Paragraph type="secondary" className="no-print">
        乡镇党委送来审查的后备力量人选。请核查本部门掌握的情况，在答复期限（送审次日起 {list?.workingDays ?? 5} 个工作日）内回复「通过」或「有问题」并写明意见。
        核查需要时可查看人选的完整身份证号码，查看会记入操作日志。
      </Typography.Paragraph>
      {list && <JointReviewSheet reviews={printed} workingDays={list.workingDays} />}
      {!list && <Skeleton active paragraph={{ rows: 6 }} />}
      {pending.length > 1 && (
        <Space wrap className="joint-review-batch no-print" style={{ marginBottom: 12 }}>
          <Checkbox
            checked={chosen.length === pending.length}
            indeterminate={chosen.length > 0 && chosen.length < pending.length}
            onChange={(event) => setChosen(event.target.checked ? pending.map((review) => review.id) : [])}
          >
            全选待回复
          </Checkbox>
          <Button type="primary" disabled={chosen.length === 0} onClick={() => setAnswering(pending.filter((review) => chosen.includes(review.id)))}>
            批量回复（{chosen.length} 人）
          </Button>
        </Space>
      )}
      {list && (
        <List<JointReviewItem>
          className="joint-review-list no-print"
          loading={query.isFetching}
          dataSource={list.reviews}
          locale={{ emptyText: <Empty description={filter === 'pending' ? '没有待回复的联审' : '没有记录'} /> }}
          renderItem={(review) => (
            <Card size="small" className="joint-review-item" style={{ marginBottom: 12 }} data-review-id={review.id}>
              <div className="joint-review-head">
                <Space wrap>
                  {review.status === 'pending' && pending.length > 1 && (
                    <Checkbox
                      aria-label={`选择 ${review.candidate.name}`}
                      checked={chosen.includes(review.id)}
                      onChange={(event) => setChosen((current) => (event.target.checked ? [...current, review.id] : current.filter((id) => id !== review.id)))}
                    />
                  )}
                  <strong className="joint-review-name">{review.candidate.name}</strong>
                  <Tag color={JOINT_REVIEW_STATUS[review.status].color}>{JOINT_REVIEW_STATUS[review.status].label}</Tag>
                  <Typography.Text type="secondary">{review.department}</Typography.Text>
                </Space>
                {review.status === 'pending' && <Button type="primary" onClick={() => setAnswering([review])}>回复</Button>}
              </div>
              <div className="joint-review-facts">
                {dictionaries.label('gender', review.candidate.gender)} · {review.candidate.birthDate} 出生 · {review.candidate.townshipName} {review.candidate.villageName} · 拟任{dictionaries.label('targetPost', review.candidate.targetPost)}
              </div>
              <Space wrap className="joint-review-dates">
                <Typography.Text type="secondary">送审 {review.sentOn}</Typography.Text>
                {review.deadline && <Typography.Text type={review.isOverdue ? 'danger' : 'secondary'} className="joint-review-deadline">答复期限 {review.deadline}</Typography.Text>}
                {review.isOverdue && <Tag color="red">已逾期</Tag>}
                <RevealIdNumber review={review} />
              </Space>
              {review.status !== 'pending' && (
                <div className="joint-review-answer">
                  意见：{review.comment ?? '无'}{review.answeredBy ? `（${review.answeredBy}，${formatDateTime(review.answeredAt)}）` : ''}
                  {review.resolution && <div>乡镇核实处理：{review.resolution}</div>}
                </div>
              )}
            </Card>
          )}
        />
      )}
      <FormModal<AnswerForm, string[]>
        title={answering.length > 1 ? `联审回复：${answering.length} 名人选` : `联审回复：${answering[0]?.candidate.name ?? ''}`}
        open={answering.length > 0}
        onClose={() => setAnswering([])}
        save={answer}
        onSaved={(names) => {
          void message.success(`已回复 ${names.join('、')} 的联审意见`);
          setAnswering([]);
          setChosen([]);
        }}
        onConflict={() => setAnswering([])}
        okText="提交"
        width={{ xs: '95%', md: 560 }}
        className="joint-review-modal"
        intro={answering.length > 1 && <Typography.Paragraph>同一结论和意见回复：{answering.map((review) => review.candidate.name).join('、')}</Typography.Paragraph>}
      >
        {(form) => <AnswerFields form={form} />}
      </FormModal>
    </div>
  );
}

function AnswerFields({ form }: { form: FormInstance<AnswerForm> }) {
  const verdict = Form.useWatch('verdict', form);
  return (
    <>
      <Form.Item name="verdict" label="审查结论" rules={[{ required: true, message: '请选择审查结论：通过或有问题' }]}>
        <Radio.Group options={[{ value: 'passed', label: '通过' }, { value: 'concern', label: '有问题' }]} />
      </Form.Item>
      <Form.Item
        name="comment"
        label="审查意见"
        rules={[
          ...(verdict === 'concern' ? [{ required: true, whitespace: true, message: '有问题时请写明发现的问题' }] : []),
          { max: 2000, message: '不能超过 2000 个字符' },
        ]}
      >
        <Input.TextArea rows={4} showCount maxLength={2000} placeholder={verdict === 'concern' ? '写明发现的问题及依据' : '可选'} />
      </Form.Item>
    </>
  );
}
