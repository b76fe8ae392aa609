import { Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { mentoringApi, todayInChina, type AnnualTalk } from '../../api/cultivation.ts';
import { FormErrorAlert } from '../FormErrorAlert.tsx';
import { ReservePicker } from './ReservePicker.tsx';

interface Values { reserveId?: string; talkedOn: string; talkerName: string; content: string }

/** Records the township Party secretary's annual talk (年度谈心谈话) with a reserve. */
export function AnnualTalkModal({ open, reserve, onClose, onSaved }: {
  open: boolean;
  reserve?: { id: string; name: string } | null;
  onClose: () => void;
  onSaved: (talk: AnnualTalk) => void;
}) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [isSaving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ reserveId: reserve?.id, talkedOn: todayInChina() });
    setError(null);
  }, [open, reserve, form]);

  const save = async (values: Values) => {
    if (!values.reserveId) return;
    setSaving(true);
    setError(null);
    try {
      onSaved(await mentoringApi.addTalk({ reserveId: values.reserveId, talkedOn: values.talkedOn, talkerName: values.talkerName, content: values.content }));
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal title="记录乡镇党委书记年度谈心谈话" open={open} onCancel={onClose} onOk={() => form.submit()} okText="保存" cancelText="取消" confirmLoading={isSaving} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" onFinish={(values) => void save(values)}>
        <FormErrorAlert error={error} onClose={() => setError(null)} />
        {reserve ? (
          <>
            <Form.Item label="后备力量">{reserve.name}</Form.Item>
            <Form.Item name="reserveId" hidden><Input /></Form.Item>
          </>
        ) : (
          <Form.Item name="reserveId" label="后备力量" rules={[{ required: true, message: '请选择后备力量' }]}>
            <ReservePicker />
          </Form.Item>
        )}
        <Form.Item name="talkedOn" label="谈话日期" rules={[{ required: true, message: '请选择谈话日期' }]}>
          <Input type="date" max={todayInChina()} />
        </Form.Item>
        <Form.Item name="talkerName" label="谈话人（乡镇党委书记）" rules={[{ required: true, whitespace: true, message: '请填写谈话人姓名' }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="content" label="谈话内容" rules={[{ required: true, whitespace: true, message: '请填写谈话内容' }]}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
