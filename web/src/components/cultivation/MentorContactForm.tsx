import { App, Form, Input, Radio } from 'antd';
import { useEffect } from 'react';
import { CONTACT_FORM_LABELS, CONTACT_FORM_SHORT_LABELS, CONTACT_FORMS, mentoringApi, todayInChina, type ContactForm, type MentorContact } from '../../api/cultivation.ts';
import { useSaveMutation } from '../../state/useSaveMutation.ts';
import { DateInput } from '../DateInput.tsx';
import { FormActions } from '../FormActions.tsx';
import { FormErrorAlert } from '../FormErrorAlert.tsx';

interface Values {
  contactedOn: string;
  form: ContactForm;
  thoughts?: string;
  work?: string;
  problems?: string;
  helpGiven?: string;
}

const trimmed = (value: string | undefined): string | null => (value?.trim() ? value.trim() : null);

/**
 * The monthly contact log (帮带记录) as a one-column form made for a phone: native date input,
 * four large choice buttons, full-width text areas and a large save button. Edits `editing` when given.
 */
export function MentorContactForm({ assignmentId, editing, defaultDate, onSaved, onCancel }: {
  assignmentId: string;
  editing?: MentorContact | null;
  /** The date a new log starts with (a reminder's month); today when not given. */
  defaultDate?: string;
  onSaved: (contact: MentorContact) => void;
  onCancel?: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const startDate = defaultDate ?? todayInChina();
  const mutation = useSaveMutation<Values, MentorContact>({
    form,
    isToastShown: false,
    save: (values) => {
      const texts = { thoughts: trimmed(values.thoughts), work: trimmed(values.work), problems: trimmed(values.problems), helpGiven: trimmed(values.helpGiven) };
      return editing
        ? mentoringApi.updateContact(editing.id, { contactedOn: values.contactedOn, form: values.form, ...texts, version: editing.version })
        : mentoringApi.addContact({ assignmentId, contactedOn: values.contactedOn, form: values.form, ...texts });
    },
    onSaved: (saved) => {
      void message.success(editing ? '已修改帮带记录' : '已保存帮带记录');
      if (!editing) {
        form.resetFields();
        form.setFieldsValue({ contactedOn: todayInChina(), form: 'talk' });
      }
      onSaved(saved);
    },
  });
  const { clearError } = mutation;

  useEffect(() => {
    clearError();
    if (editing) {
      form.setFieldsValue({
        contactedOn: editing.contactedOn, form: editing.form, thoughts: editing.thoughts ?? '', work: editing.work ?? '', problems: editing.problems ?? '', helpGiven: editing.helpGiven ?? '',
      });
    } else {
      form.resetFields();
      form.setFieldsValue({ contactedOn: startDate, form: 'talk' });
    }
  }, [editing, form, clearError, startDate]);

  const submit = (values: Values) => {
    if (![values.thoughts, values.work, values.problems, values.helpGiven].some(trimmed)) {
      void message.warning('请至少填写思想动态、工作情况、存在问题、帮助措施中的一项');
      return;
    }
    mutation.submit(values);
  };

  const textArea = (name: keyof Values, label: string, placeholder: string) => (
    <Form.Item name={name} label={label}>
      <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} placeholder={placeholder} />
    </Form.Item>
  );

  return (
    <Form<Values> form={form} layout="vertical" className="phone-form mentor-contact-form" onFinish={submit} requiredMark={false}>
      <FormErrorAlert error={mutation.error} onClose={clearError} />
      <Form.Item name="contactedOn" label="联系日期" rules={[{ required: true, message: '请选择联系日期' }]}>
        <DateInput max={todayInChina()} />
      </Form.Item>
      <Form.Item name="form" label="联系方式" rules={[{ required: true, message: '请选择联系方式' }]}>
        <Radio.Group className="contact-form-choices" optionType="button" buttonStyle="solid"
          options={CONTACT_FORMS.map((key) => ({ value: key, label: <span title={CONTACT_FORM_LABELS[key]}>{CONTACT_FORM_SHORT_LABELS[key]}</span> }))} />
      </Form.Item>
      {textArea('thoughts', '思想动态', '如：思想稳定，干事热情高')}
      {textArea('work', '工作情况', '如：参与矛盾纠纷调解')}
      {textArea('problems', '存在问题', '如：群众工作方法不多')}
      {textArea('helpGiven', '帮助措施', '如：带着走访农户，讲解政策')}
      <FormActions onCancel={onCancel} isSaving={mutation.isSaving} saveText={editing ? '保存修改' : '保存帮带记录'} />
    </Form>
  );
}
