import { Button, Form, Input, Modal, Radio, Select, Space } from 'antd';
import { useEffect } from 'react';
import {
  GRADE_OPTIONS, MEETING_TYPE_OPTIONS, PARTY_STAGE_LABELS, PARTY_STAGES, PRACTICE_CATEGORY_LABELS, PRACTICE_POSTS, PRACTICE_TASKS, recordsApi, todayInChina,
  type Assessment, type Grade, type MeetingType, type PartyJoining, type PartyStage, type PracticeRecord,
} from '../../api/cultivation.ts';
import { useSaveMutation } from '../../state/useSaveMutation.ts';
import { DateInput } from '../DateInput.tsx';
import { FormErrorAlert } from '../FormErrorAlert.tsx';

/** Shared modal frame: the one save pattern (useSaveMutation) running the modal's action, its refusal kept in view. */
function useSaving() {
  const mutation = useSaveMutation<() => Promise<void>, void>({ save: (action) => action(), isToastShown: false });
  const { clearError, submit } = mutation;
  return { error: mutation.error, clearError, isSaving: mutation.isSaving, run: async (action: () => Promise<void>) => submit(action) };
}

interface PracticeValues { kind: 'post' | 'task'; category: string; startedOn: string; endedOn?: string; content: string; performance?: string; opinion?: string }

/** Registers practice (实践锻炼): a post held (岗位锻炼) or a special task (专项任务); or edits one (e.g. adds the performance and opinion). */
export function PracticeModal({ reserveId, open, editing, onClose, onSaved }: { reserveId: string; open: boolean; editing?: PracticeRecord | null; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<PracticeValues>();
  const kind = Form.useWatch('kind', form);
  const { error, clearError, isSaving, run } = useSaving();
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    clearError();
    if (editing) {
      form.setFieldsValue({
        kind: editing.kind, category: editing.category, startedOn: editing.startedOn, endedOn: editing.endedOn ?? '', content: editing.content, performance: editing.performance ?? '', opinion: editing.opinion ?? '',
      });
    }
  }, [open, editing, form, clearError]);
  const categories = (kind === 'task' ? PRACTICE_TASKS : PRACTICE_POSTS).map((value) => ({ value, label: PRACTICE_CATEGORY_LABELS[value] ?? value }));
  return (
    <Modal title={editing ? '修改实践锻炼' : '登记实践锻炼'} open={open} onCancel={onClose} onOk={() => form.submit()} okText="保存" cancelText="取消" confirmLoading={isSaving} destroyOnHidden>
      <Form<PracticeValues>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'post', startedOn: todayInChina() }}
        onValuesChange={(changed: Partial<PracticeValues>) => { if (changed.kind) form.setFieldValue('category', undefined); }}
        onFinish={(values) => void run(async () => {
          if (editing) {
            await recordsApi.updatePractice(editing.id, {
              category: values.category, startedOn: values.startedOn, endedOn: values.endedOn || null, content: values.content,
              performance: values.performance?.trim() || null, opinion: values.opinion?.trim() || null, version: editing.version,
            });
            onSaved();
            return;
          }
          await recordsApi.addPractice({
            reserveId, kind: values.kind, category: values.category, startedOn: values.startedOn, endedOn: values.endedOn || null, content: values.content,
            performance: values.performance?.trim() || null, opinion: values.opinion?.trim() || null,
          });
          onSaved();
        })}
      >
        <FormErrorAlert error={error} onClose={clearError} />
        <Form.Item name="kind" label="类别" rules={[{ required: true }]}>
          <Radio.Group disabled={Boolean(editing)} optionType="button" buttonStyle="solid" options={[{ value: 'post', label: '岗位锻炼' }, { value: 'task', label: '专项任务' }]} />
        </Form.Item>
        <Form.Item name="category" label={kind === 'task' ? '任务类型' : '锻炼岗位'} rules={[{ required: true, message: '请选择' }]}>
          <Select options={categories} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="startedOn" label="开始日期" rules={[{ required: true, message: '请选择开始日期' }]}><DateInput /></Form.Item>
          <Form.Item name="endedOn" label="结束日期（可不填）"><DateInput /></Form.Item>
        </Space>
        <Form.Item name="content" label="具体内容" rules={[{ required: true, whitespace: true, message: '请填写具体内容' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="performance" label="主要表现"><Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} /></Form.Item>
        <Form.Item name="opinion" label="评定意见"><Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={1000} /></Form.Item>
      </Form>
    </Modal>
  );
}

interface ObserverValues { meetingType: MeetingType; meetingDate: string; topic?: string }

/** Registers an observed meeting (列席会议). */
export function ObserverModal({ reserveId, open, onClose, onSaved }: { reserveId: string; open: boolean; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<ObserverValues>();
  const { error, clearError, isSaving, run } = useSaving();
  useEffect(() => { if (open) { form.resetFields(); clearError(); } }, [open, form, clearError]);
  return (
    <Modal title="登记列席会议" open={open} onCancel={onClose} onOk={() => form.submit()} okText="保存" cancelText="取消" confirmLoading={isSaving} destroyOnHidden>
      <Form<ObserverValues>
        form={form}
        layout="vertical"
        initialValues={{ meetingType: 'villageCommittees', meetingDate: todayInChina() }}
        onFinish={(values) => void run(async () => {
          await recordsApi.addObserver({ reserveId, meetingType: values.meetingType, meetingDate: values.meetingDate, topic: values.topic?.trim() || null });
          onSaved();
        })}
      >
        <FormErrorAlert error={error} onClose={clearError} />
        <Form.Item name="meetingType" label="会议" rules={[{ required: true, message: '请选择会议' }]}><Select options={MEETING_TYPE_OPTIONS} /></Form.Item>
        <Form.Item name="meetingDate" label="会议日期" rules={[{ required: true, message: '请选择会议日期' }]}><DateInput max={todayInChina()} /></Form.Item>
        <Form.Item name="topic" label="会议议题"><Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} /></Form.Item>
      </Form>
    </Modal>
  );
}

export type AssessmentTarget =
  | { kind: 'create'; preset: { kind: Assessment['kind']; assessor: Assessment['assessor']; year: number; quarter?: number } }
  | { kind: 'edit'; assessment: Assessment };

interface AssessmentValues { kind: Assessment['kind']; assessor: Assessment['assessor']; year: string; quarter?: number; grade?: Grade; opinion: string; assessedOn: string }

/** Records or edits an assessment: quarterly opinion of the village or township, annual result, pre-election review. */
export function AssessmentModal({ reserveId, target, canAssess, onClose, onSaved }: {
  reserveId: string;
  target: AssessmentTarget | null;
  /** Township-level assessments (乡镇意见、年度考核、再评估) need cultivation.assess. */
  canAssess: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<AssessmentValues>();
  const kind = Form.useWatch('kind', form);
  const { error, clearError, isSaving, run } = useSaving();

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    clearError();
    if (target.kind === 'edit') {
      const { assessment } = target;
      form.setFieldsValue({ kind: assessment.kind, assessor: assessment.assessor, year: String(assessment.year), quarter: assessment.quarter ?? undefined, grade: assessment.grade ?? undefined, opinion: assessment.opinion, assessedOn: assessment.assessedOn });
    } else {
      form.setFieldsValue({ ...target.preset, year: String(target.preset.year), assessedOn: todayInChina() });
    }
  }, [target, form, clearError]);

  const isEdit = target?.kind === 'edit';
  return (
    <Modal title={isEdit ? '修改考核记录' : '填写考核'} open={target !== null} onCancel={onClose} onOk={() => form.submit()} okText="保存" cancelText="取消" confirmLoading={isSaving} destroyOnHidden>
      <Form<AssessmentValues>
        form={form}
        layout="vertical"
        onValuesChange={(changed: Partial<AssessmentValues>) => { if (changed.kind && changed.kind !== 'quarterly') form.setFieldValue('assessor', 'township'); }}
        onFinish={(values) => void run(async () => {
          if (target?.kind === 'edit') {
            await recordsApi.updateAssessment(target.assessment.id, { grade: values.grade ?? null, opinion: values.opinion, assessedOn: values.assessedOn, version: target.assessment.version });
          } else {
            await recordsApi.addAssessment({
              reserveId, kind: values.kind, assessor: values.assessor, year: Number(values.year), quarter: values.kind === 'quarterly' ? values.quarter : undefined,
              grade: values.grade, opinion: values.opinion, assessedOn: values.assessedOn,
            });
          }
          onSaved();
        })}
      >
        <FormErrorAlert error={error} onClose={clearError} />
        <Form.Item name="kind" label="类别" rules={[{ required: true }]}>
          <Radio.Group disabled={isEdit} optionType="button" options={[
            { value: 'quarterly', label: '季度评定' },
            { value: 'annual', label: '年度考核', disabled: !canAssess },
            { value: 'preElection', label: '换届前再评估', disabled: !canAssess },
          ]} />
        </Form.Item>
        <Form.Item name="assessor" label="评定单位" rules={[{ required: true }]}>
          <Radio.Group disabled={isEdit} optionType="button" options={[
            { value: 'village', label: '村（社区）', disabled: kind !== 'quarterly' },
            { value: 'township', label: '乡镇', disabled: !canAssess },
          ]} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }, { pattern: /^\d{4}$/, message: '年度为 4 位数字' }]}>
            <Input disabled={isEdit} inputMode="numeric" maxLength={4} style={{ width: 100 }} />
          </Form.Item>
          {kind === 'quarterly' && (
            <Form.Item name="quarter" label="季度" rules={[{ required: true, message: '请选择季度' }]}>
              <Select disabled={isEdit} style={{ width: 120 }} options={[1, 2, 3, 4].map((quarter) => ({ value: quarter, label: `第${'一二三四'[quarter - 1]}季度` }))} />
            </Form.Item>
          )}
          <Form.Item name="assessedOn" label="评定日期" rules={[{ required: true, message: '请选择日期' }]}><DateInput /></Form.Item>
        </Space>
        <Form.Item name="grade" label={kind === 'quarterly' ? '等次（可不填）' : '等次'} rules={[{ required: kind === 'annual', message: '年度考核须选择等次' }]}>
          <Select allowClear options={GRADE_OPTIONS} />
        </Form.Item>
        <Form.Item name="opinion" label="评定意见" rules={[{ required: true, whitespace: true, message: '请填写评定意见' }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface PartyValues { steps: { stage: PartyStage; reachedOn: string; notes?: string }[] }

/** Edits the party-joining track (入党培养进程): the stages reached, in order, with dates. */
export function PartyJoiningModal({ reserveId, current, open, onClose, onSaved }: { reserveId: string; current: PartyJoining['steps']; open: boolean; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<PartyValues>();
  const { error, clearError, isSaving, run } = useSaving();
  useEffect(() => {
    if (!open) return;
    clearError();
    form.setFieldsValue({ steps: current.map((step) => ({ stage: step.stage, reachedOn: step.reachedOn, notes: step.notes ?? '' })) });
  }, [open, current, form, clearError]);
  return (
    <Modal title="入党培养进程" open={open} onCancel={onClose} onOk={() => form.submit()} okText="保存" cancelText="取消" confirmLoading={isSaving} destroyOnHidden width={600}>
      <Form<PartyValues>
        form={form}
        layout="vertical"
        onFinish={(values) => void run(async () => {
          await recordsApi.savePartyJoining(reserveId, { steps: (values.steps ?? []).map((step) => ({ stage: step.stage, reachedOn: step.reachedOn, notes: step.notes?.trim() || null })) });
          onSaved();
        })}
      >
        <FormErrorAlert error={error} onClose={clearError} />
        <Form.List name="steps">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Space key={field.key} wrap align="start">
                  <Form.Item name={[field.name, 'stage']} label={index === 0 ? '阶段' : undefined} rules={[{ required: true, message: '请选择阶段' }]}>
                    <Select style={{ width: 150 }} options={PARTY_STAGES.map((stage) => ({ value: stage, label: PARTY_STAGE_LABELS[stage] }))} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'reachedOn']} label={index === 0 ? '日期' : undefined} rules={[{ required: true, message: '请选择日期' }]}>
                    <DateInput />
                  </Form.Item>
                  <Form.Item name={[field.name, 'notes']} label={index === 0 ? '备注' : undefined}><Input maxLength={500} style={{ width: 160 }} /></Form.Item>
                  <Button type="link" danger onClick={() => remove(field.name)} style={{ marginTop: index === 0 ? 30 : 0 }}>删除</Button>
                </Space>
              ))}
              {fields.length < PARTY_STAGES.length && (
                <Button type="dashed" onClick={() => add({ stage: PARTY_STAGES[fields.length], reachedOn: todayInChina() })} block>增加下一阶段</Button>
              )}
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
