import { App, Form, Input, Radio } from 'antd';
import { useEffect } from 'react';
import { currentYear, mentoringApi, todayInChina, type MentoringSummary } from '../../api/cultivation.ts';
import { useSaveMutation } from '../../state/useSaveMutation.ts';
import { FormActions } from '../FormActions.tsx';
import { FormErrorAlert } from '../FormErrorAlert.tsx';

interface Values { year: string; quarter: number; periodText?: string; content: string; opinion: string }

/** The quarter that has just ended (or the current one in its last month): the usual one to summarise. */
function defaultQuarter(): { year: number; quarter: number } {
  const [year, month] = todayInChina().split('-').map(Number) as [number, number];
  const quarter = Math.ceil(month / 3);
  if (month % 3 === 0) return { year, quarter };
  return quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: quarter - 1 };
}

/** The quarterly summary with the assessment opinion (季度帮带小结), one column for a phone; edits `editing` when given. */
export function SummaryForm({ assignmentId, editing, onSaved, onCancel }: {
  assignmentId: string;
  editing?: MentoringSummary | null;
  onSaved: (summary: MentoringSummary) => void;
  onCancel?: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const initial = defaultQuarter();
  const mutation = useSaveMutation<Values, MentoringSummary>({
    form,
    isToastShown: false,
    save: (values) => (editing
      ? mentoringApi.updateSummary(editing.id, { periodText: values.periodText?.trim() || null, content: values.content, opinion: values.opinion, version: editing.version })
      : mentoringApi.addSummary({ assignmentId, year: Number(values.year), quarter: values.quarter, periodText: values.periodText?.trim() || null, content: values.content, opinion: values.opinion })),
    onSaved: (saved) => {
      void message.success(`已保存 ${saved.year} 年第 ${saved.quarter} 季度帮带小结`);
      form.resetFields(editing ? undefined : ['periodText', 'content', 'opinion']);
      onSaved(saved);
    },
  });
  const { clearError } = mutation;

  useEffect(() => {
    clearError();
    if (editing) {
      form.setFieldsValue({ year: String(editing.year), quarter: editing.quarter, periodText: editing.periodText ?? '', content: editing.content, opinion: editing.opinion });
    } else {
      form.resetFields();
    }
  }, [editing, form, clearError]);

  return (
    <Form<Values> form={form} layout="vertical" className="phone-form" requiredMark={false} initialValues={{ year: String(initial.year), quarter: initial.quarter }} onFinish={mutation.submit}>
      <FormErrorAlert error={mutation.error} onClose={clearError} />
      <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }, { pattern: /^\d{4}$/, message: '年度为 4 位数字' }]}>
        <Input inputMode="numeric" maxLength={4} max={currentYear()} disabled={Boolean(editing)} />
      </Form.Item>
      <Form.Item name="quarter" label="季度" rules={[{ required: true, message: '请选择季度' }]}>
        <Radio.Group disabled={Boolean(editing)} className="contact-form-choices" optionType="button" buttonStyle="solid" options={[1, 2, 3, 4].map((quarter) => ({ value: quarter, label: `第${'一二三四'[quarter - 1]}季度` }))} />
      </Form.Item>
      <Form.Item name="periodText" label="帮扶时间（可不填）">
        <Input placeholder="如：1—3 月；不填为该季度" maxLength={50} />
      </Form.Item>
      <Form.Item name="content" label="帮扶内容" rules={[{ required: true, whitespace: true, message: '请填写帮扶内容' }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={2000} placeholder="本季度谈心谈话、带领参与的工作等" />
      </Form.Item>
      <Form.Item name="opinion" label="评定意见" rules={[{ required: true, whitespace: true, message: '请填写评定意见' }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} placeholder="如：进步明显，需加强群众工作" />
      </Form.Item>
      <FormActions onCancel={onCancel} isSaving={mutation.isSaving} saveText={editing ? '保存修改' : '保存季度小结'} />
    </Form>
  );
}
