import { App, Button, Form, Input, Radio } from 'antd';
import { useEffect, useState } from 'react';
import { CONTACT_FORM_LABELS, mentoringApi, todayInChina, type ContactForm, type MentorContact } from '../../api/cultivation.ts';
import { FormErrorAlert } from '../FormErrorAlert.tsx';

const SHORT_FORM_LABELS: Record<ContactForm, string> = { talk: '谈心谈话', visit: '走访', phone: '电话', online: '网络' };

interface Values {
  contactedOn: string;
  form: ContactForm;
  thoughts?: string;
  work?: string;
  problems?: string;
  helpGiven?: string;
}

const trimmed = (value: string | undefined) => (value?.trim() ? value.trim() : null);

/**
 * The monthly contact log (帮带记录) as a one-column form made for a phone: native date input,
 * four large choice buttons, full-width text areas and a large save button. Edits `editing` when given.
 */
export function MentorContactForm({ assignmentId, editing, onSaved, onCancel }: {
  assignmentId: string;
  editing?: MentorContact | null;
  onSaved: (contact: MentorContact) => void;
  onCancel?: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [isSaving, setSaving] = useState(false);

  useEffect(() => {
    setError(null);
    if (editing) {
      form.setFieldsValue({
        contactedOn: editing.contactedOn, form: editing.form, thoughts: editing.thoughts ?? '', work: editing.work ?? '', problems: editing.problems ?? '', helpGiven: editing.helpGiven ?? '',
      });
    } else {
      form.resetFields();
      form.setFieldsValue({ contactedOn: todayInChina(), form: 'talk' });
    }
  }, [editing, form]);

  const save = async (values: Values) => {
    const texts = { thoughts: trimmed(values.thoughts), work: trimmed(values.work), problems: trimmed(values.problems), helpGiven: trimmed(values.helpGiven) };
    if (!Object.values(texts).some(Boolean)) {
      void message.warning('请至少填写思想动态、工作情况、存在问题、帮助措施中的一项');
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const saved = editing
        ? await mentoringApi.updateContact(editing.id, { contactedOn: values.contactedOn, form: values.form, ...texts, version: editing.version })
        : await mentoringApi.addContact({ assignmentId, contactedOn: values.contactedOn, form: values.form, ...texts });
      void message.success(editing ? '已修改帮带记录' : '已保存帮带记录');
      if (!editing) {
        form.resetFields();
        form.setFieldsValue({ contactedOn: todayInChina(), form: 'talk' });
      }
      onSaved(saved);
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  };

  const textArea = (name: keyof Values, label: string, placeholder: string) => (
    <Form.Item name={name} label={label}>
      <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} placeholder={placeholder} />
    </Form.Item>
  );

  return (
    <Form<Values> form={form} layout="vertical" className="phone-form mentor-contact-form" onFinish={(values) => void save(values)} requiredMark={false}>
      <FormErrorAlert error={error} onClose={() => setError(null)} />
      <Form.Item name="contactedOn" label="联系日期" rules={[{ required: true, message: '请选择联系日期' }]}>
        <Input type="date" max={todayInChina()} />
      </Form.Item>
      <Form.Item name="form" label="联系方式" rules={[{ required: true, message: '请选择联系方式' }]}>
        <Radio.Group className="contact-form-choices" optionType="button" buttonStyle="solid"
          options={(Object.keys(SHORT_FORM_LABELS) as ContactForm[]).map((key) => ({ value: key, label: <span title={CONTACT_FORM_LABELS[key]}>{SHORT_FORM_LABELS[key]}</span> }))} />
      </Form.Item>
      {textArea('thoughts', '思想动态', '如：思想稳定，干事热情高')}
      {textArea('work', '工作情况', '如：参与矛盾纠纷调解')}
      {textArea('problems', '存在问题', '如：群众工作方法不多')}
      {textArea('helpGiven', '帮助措施', '如：带着走访农户，讲解政策')}
      <div className="form-actions">
        {onCancel && <Button size="large" onClick={onCancel}>取消</Button>}
        <Button type="primary" size="large" htmlType="submit" loading={isSaving}>{editing ? '保存修改' : '保存帮带记录'}</Button>
      </div>
    </Form>
  );
}
