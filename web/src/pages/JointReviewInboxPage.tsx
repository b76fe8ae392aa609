import { App, Button, Card, Empty, Form, Input, List, Modal, Radio, Segmented, Skeleton, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { selectionApi, type JointReviewItem, type JointReviewList, type JointReviewStatus } from '../api/selection.ts';
import { useDictionaries } from '../components/DictionariesContext.tsx';
import { formatDateTime } from '../components/formatDate.ts';
import { FormErrorAlert } from '../components/FormErrorAlert.tsx';
import { JOINT_REVIEW_STATUS } from '../components/selection/labels.ts';
import {useShowError } from '../components/useShowError.ts';
import { useSaveMutation } from '../state/useSaveMutation.ts';

type Filter = JointReviewStatus | 'all';
interface AnswerForm { verdict?: 'passed' | 'concern'; comment?: string }

/**
 * 联审: the candidates sent to the user's department (纪检监察、政法、信访 …) for review; the
 * department answers 通过 or 有问题 with its opinion.
 */
export function JointReviewInboxPage() {
  const { message } = App.useApp();
  const showError = useShowError();
  const dictionaries = useDictionaries();
  const [form] = Form.useForm<AnswerForm>();
  const [filter, setFilter] = useState<Filter>('pending');
  const [list, setList] = useState<JointReviewList | null>(null);
  const [isLoading, setLoading] = useState(false);
  const [answering, setAnswering] = useState<JointReviewItem | null>(null);
  const mutation = useSaveMutation({ form, save: (values: AnswerForm) => save(values), onConflict: () => { setAnswering(null); void load(); } });
  const { clearError } = mutation;
  const verdict = Form.useWatch('verdict', form);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setList(await selectionApi.jointReviews(filter === 'all' ? undefined : filter));
    } catch (caught) {
      showError(caught);
    } finally {
      setLoading(false);
    }
  }, [filter, showError]);

  useEffect(() => { void load(); }, [load]);

  useEffect(() => {
    if (!answering) return;
    form.resetFields();
    clearError();
  }, [answering, form]);

  const save = async (values: AnswerForm) => {
    if (!answering) return;
    await selectionApi.answerJointReview(answering.id, { verdict: values.verdict ?? 'passed', comment: values.comment?.trim() || null, version: answering.version });
    void message.success(`已回复 ${answering.candidate.name} 的联审意见`);
    setAnswering(null);
    void load();
  };

  return (
    <div className="joint-review-page">
      <div className="page-header">
        <h2>联审</h2>
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
      </div>
      <Typography.Paragraph type="secondary">乡镇党委送来审查的后备力量人选。请核查本部门掌握的情况，回复「通过」或「有问题」并写明意见。</Typography.Paragraph>
      {!list && isLoading && <Skeleton active paragraph={{ rows: 6 }} />}
      {list && (
        <List<JointReviewItem>
          className="joint-review-list"
          loading={isLoading}
          dataSource={list.reviews}
          locale={{ emptyText: <Empty description={filter === 'pending' ? '没有待回复的联审' : '没有记录'} /> }}
          renderItem={(review) => (
            <Card size="small" className="joint-review-item" style={{ marginBottom: 12 }} data-review-id={review.id}>
              <div className="joint-review-head">
                <Space wrap>
                  <strong className="joint-review-name">{review.candidate.name}</strong>
                  <Tag color={JOINT_REVIEW_STATUS[review.status].color}>{JOINT_REVIEW_STATUS[review.status].label}</Tag>
                  <Typography.Text type="secondary">{review.department}</Typography.Text>
                </Space>
                {review.status === 'pending' && <Button type="primary" onClick={() => setAnswering(review)}>回复</Button>}
              </div>
              <div className="joint-review-facts">
                {dictionaries.label('gender', review.candidate.gender)} · {review.candidate.birthDate} 出生 · {review.candidate.townshipName} {review.candidate.villageName} · 拟任{dictionaries.label('targetPost', review.candidate.targetPost)}
              </div>
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
      <Modal
        title={`联审回复：${answering?.candidate.name ?? ''}`}
        open={answering !== null}
        onCancel={() => setAnswering(null)}
        onOk={() => form.submit()}
        okText="提交"
        confirmLoading={mutation.isSaving}
        forceRender
        width={{ xs: '95%', md: 560 }}
        className="joint-review-modal"
      >
        <FormErrorAlert error={mutation.error} onClose={clearError} />
        <Form<AnswerForm> form={form} layout="vertical" onFinish={mutation.submit}>
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
        </Form>
      </Modal>
    </div>
  );
}
