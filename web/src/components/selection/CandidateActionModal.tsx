import { Alert, Checkbox, Col, DatePicker, Form, Input, Radio, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { selectionApi, type CandidateDetail, type EligibilityException, type JointReview, type Objection } from '../../api/selection.ts';
import { useDictionaries } from '../DictionariesContext.tsx';
import { FormModal } from '../FormModal.tsx';
import { EXCLUSION_OPTIONS, ruleLabel, toDateText, type ExclusionCode } from './labels.ts';

/** A step taken on the candidate page: each opens this modal with its own fields. */
export type CandidateTask =
  | { kind: 'reviewQualification' }
  | { kind: 'requestException' }
  | { kind: 'decideException'; exception: EligibilityException }
  | { kind: 'recordInterview' }
  | { kind: 'sendJointReview' }
  | { kind: 'resolveConcern'; review: JointReview }
  | { kind: 'recordObjection' }
  | { kind: 'handleObjection'; objection: Objection }
  | { kind: 'decide' }
  | { kind: 'file' }
  | { kind: 'reject' }
  | { kind: 'withdraw' };

const TITLES: Record<CandidateTask['kind'], string> = {
  reviewQualification: '资格审查',
  requestException: '申请破格',
  decideException: '审批破格申请',
  recordInterview: '谈话考察',
  sendJointReview: '送联审',
  resolveConcern: '核实处理联审问题',
  recordObjection: '登记公示异议',
  handleObjection: '记录异议处理结果',
  decide: '研究决定入库',
  file: '备案',
  reject: '不予通过',
  withdraw: '本人退出',
};

interface Values {
  date?: Dayjs | null;
  exclusionsFound?: ExclusionCode[];
  notes?: string;
  rule?: string;
  reason?: string;
  approve?: boolean;
  interviewer?: string;
  presentPerformance?: string;
  massBase?: string;
  socialRelations?: string;
  willingness?: string;
  health?: string;
  conclusion?: string;
  departments?: string[];
  resolution?: string;
  content?: string;
  handling?: string;
  isSubstantiated?: boolean;
  minutes?: string;
  readiness?: string;
}

const required = (message: string) => [{ required: true, whitespace: true, message }];
const text = (max: number) => ({ max, message: `不能超过 ${max} 个字符` });

interface Props {
  candidate: CandidateDetail;
  task: CandidateTask | null;
  onClose: () => void;
  /** After saving, or after a version conflict: the caller reloads the candidate. */
  onDone: (message: string | null) => void;
}

export function CandidateActionModal({ candidate, task, onClose, onDone }: Props) {
  const dictionaries = useDictionaries();

  const failedRules = candidate.eligibility.verdicts.filter((verdict) => !verdict.passed && !verdict.isWaived);

  const submit = async (values: Values): Promise<void> => {
    if (!task) return;
    const id = candidate.id;
    const version = candidate.version;
    const date = toDateText(values.date);
    const t = (value: string | undefined) => value?.trim() ?? '';
    const optional = (value: string | undefined) => value?.trim() || null;
    switch (task.kind) {
      case 'reviewQualification':
        await selectionApi.reviewQualification(id, { reviewedOn: date, exclusionsFound: values.exclusionsFound ?? [], notes: optional(values.notes), version });
        break;
      case 'requestException':
        await selectionApi.requestException(id, { rule: values.rule ?? '', reason: t(values.reason) });
        break;
      case 'decideException':
        await selectionApi.decideException(task.exception.id, { approve: values.approve ?? false, note: t(values.notes) });
        break;
      case 'recordInterview':
        await selectionApi.recordInterview(id, {
          heldOn: date, interviewer: t(values.interviewer), presentPerformance: t(values.presentPerformance), massBase: t(values.massBase),
          socialRelations: t(values.socialRelations), willingness: t(values.willingness), health: t(values.health), conclusion: t(values.conclusion), version,
        });
        break;
      case 'sendJointReview':
        await selectionApi.sendJointReview(id, { departments: values.departments ?? [], sentOn: date });
        break;
      case 'resolveConcern':
        await selectionApi.resolveConcern(task.review.id, { resolution: t(values.resolution), version: task.review.version });
        break;
      case 'recordObjection':
        if (!candidate.publicNotice) throw new Error('no notice');
        await selectionApi.recordObjection(candidate.publicNotice.id, { candidateId: id, receivedOn: date, content: t(values.content) });
        break;
      case 'handleObjection':
        await selectionApi.handleObjection(task.objection.id, { handling: t(values.handling), isSubstantiated: values.isSubstantiated ?? false });
        break;
      case 'decide':
        await selectionApi.decide(id, { decidedOn: date, minutes: t(values.minutes), readiness: values.readiness ?? '', version });
        break;
      case 'file':
        await selectionApi.file(id, { filedOn: date, notes: optional(values.notes), version });
        break;
      case 'reject':
        await selectionApi.reject(id, { occurredOn: date, reason: t(values.reason), version });
        break;
      case 'withdraw':
        await selectionApi.withdraw(id, { occurredOn: date, reason: t(values.reason), version });
        break;
    }
  };

  const dateItem = (label: string) => (
    <Col xs={24} md={12}>
      <Form.Item name="date" label={label} rules={[{ required: true, message: `请选择${label}` }]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </Col>
  );
  const area = (name: keyof Values, label: string, max: number, rows = 3, isRequired = true): ReactNode => (
    <Col xs={24}>
      <Form.Item name={name} label={label} rules={[...(isRequired ? required(`请填写${label}`) : []), text(max)]}>
        <Input.TextArea rows={rows} showCount maxLength={max} />
      </Form.Item>
    </Col>
  );

  let fields: ReactNode = null;
  switch (task?.kind) {
    case 'reviewQualification':
      fields = (
        <>
          {dateItem('审查日期')}
          <Col xs={24}>
            <Form.Item name="exclusionsFound" label="经核实存在的负面清单情形（没有则不勾选）">
              <Checkbox.Group className="exclusion-checklist" options={EXCLUSION_OPTIONS} />
            </Form.Item>
          </Col>
          {area('notes', '审查意见', 2000, 3, false)}
          {failedRules.length > 0 && (
            <Col xs={24}>
              <Alert type="warning" showIcon title="资格条件有未通过的项目" description={failedRules.map((verdict) => verdict.explanation).join('；')} />
            </Col>
          )}
        </>
      );
      break;
    case 'requestException':
      fields = (
        <>
          <Col xs={24}>
            <Form.Item name="rule" label="申请破格的条件" rules={[{ required: true, message: '请选择申请破格的条件' }]}>
              <Select options={failedRules.map((verdict) => ({ value: verdict.rule, label: `${ruleLabel(verdict.rule)}：${verdict.explanation}` }))} notFoundContent="没有未通过的条件" />
            </Form.Item>
          </Col>
          {area('reason', '破格理由', 2000, 4)}
        </>
      );
      break;
    case 'decideException':
      fields = (
        <>
          <Col xs={24}>
            <Typography.Paragraph>
              申请破格：{ruleLabel(task.exception.rule)}<br />理由：{task.exception.reason}
            </Typography.Paragraph>
            <Form.Item name="approve" label="审批结论" rules={[{ required: true, message: '请选择是否批准' }]}>
              <Radio.Group options={[{ value: true, label: '批准破格' }, { value: false, label: '不予批准' }]} />
            </Form.Item>
          </Col>
          {area('notes', '审批意见', 1000)}
        </>
      );
      break;
    case 'recordInterview':
      fields = (
        <>
          {dateItem('谈话日期')}
          <Col xs={24} md={12}>
            <Form.Item name="interviewer" label="谈话人（考察组组长）" rules={[...required('请填写谈话人（考察组组长）'), text(50)]}>
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          {area('presentPerformance', '现实表现', 2000)}
          {area('massBase', '群众基础', 2000, 2)}
          {area('socialRelations', '社会关系', 2000, 2)}
          {area('willingness', '任职意愿', 1000, 2)}
          {area('health', '身体状况', 500, 1)}
          {area('conclusion', '考察结论', 1000, 2)}
        </>
      );
      break;
    case 'sendJointReview':
      fields = (
        <>
          {dateItem('送审日期')}
          <Col xs={24}>
            <Form.Item name="departments" label="联审部门" rules={[{ required: true, message: '请至少选择一个联审部门' }]}>
              {candidate.jointReviewDepartments.length > 0
                ? <Checkbox.Group className="department-checklist" options={candidate.jointReviewDepartments.map((department) => ({ value: department, label: department }))} />
                : <Alert type="warning" showIcon title="本县还没有联审部门账号，请组织部先在用户管理中为联审部门开设账号" />}
            </Form.Item>
          </Col>
        </>
      );
      break;
    case 'resolveConcern':
      fields = (
        <>
          <Col xs={24}>
            <Typography.Paragraph>{task.review.department}提出：{task.review.comment ?? '（未填写意见）'}</Typography.Paragraph>
          </Col>
          {area('resolution', '核实处理情况', 2000, 4)}
        </>
      );
      break;
    case 'recordObjection':
      fields = (
        <>
          {dateItem('收到日期')}
          {area('content', '异议内容', 2000, 4)}
        </>
      );
      break;
    case 'handleObjection':
      fields = (
        <>
          <Col xs={24}><Typography.Paragraph>异议（{task.objection.receivedOn} 收到）：{task.objection.content}</Typography.Paragraph></Col>
          <Col xs={24}>
            <Form.Item name="isSubstantiated" label="反映问题是否属实" rules={[{ required: true, message: '请选择反映问题是否属实' }]}>
              <Radio.Group options={[{ value: true, label: '属实' }, { value: false, label: '不属实' }]} />
            </Form.Item>
          </Col>
          {area('handling', '处理情况', 2000, 4)}
        </>
      );
      break;
    case 'decide':
      fields = (
        <>
          {dateItem('会议日期')}
          <Col xs={24} md={12}>
            <Form.Item name="readiness" label="成熟度" rules={[{ required: true, message: '请选择成熟度' }]}>
              <Select options={dictionaries.options('readiness')} />
            </Form.Item>
          </Col>
          {area('minutes', '乡镇党委会议研究情况', 5000, 4)}
          {candidate.publicNotice && (
            <Col xs={24}><Typography.Text type="secondary">公示期至 {candidate.publicNotice.endsOn} 结束，须在公示期满后研究决定。</Typography.Text></Col>
          )}
        </>
      );
      break;
    case 'file':
      fields = (
        <>
          {dateItem('备案日期')}
          {area('notes', '备案意见', 1000, 3, false)}
        </>
      );
      break;
    case 'reject':
      fields = (
        <>
          {dateItem('日期')}
          {area('reason', '不予通过的原因', 1000)}
        </>
      );
      break;
    case 'withdraw':
      fields = (
        <>
          {dateItem('日期')}
          {area('reason', '退出原因', 1000)}
        </>
      );
      break;
    default:
      fields = null;
  }

  return (
    <FormModal<Values, void>
      title={task ? `${TITLES[task.kind]}：${candidate.person.name}` : ''}
      open={task !== null}
      onClose={onClose}
      initialValues={{ date: dayjs(), exclusionsFound: candidate.eligibility.exclusionsFound as ExclusionCode[], approve: true }}
      save={submit}
      onSaved={() => onDone(task ? `已完成「${TITLES[task.kind]}」` : null)}
      onConflict={() => onDone(null)}
      okText="提交"
      isDanger={task?.kind === 'reject'}
      width={{ xs: '95%', md: 680 }}
      className="candidate-action-modal"
    >
      <Row gutter={16}>{fields}</Row>
    </FormModal>
  );
}
