import { Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { useEffect, useState } from 'react';
import { TRAINING_METHOD_OPTIONS, trainingApi, type TrainingMethod, type TrainingSession } from '../../api/cultivation.ts';
import { FormErrorAlert } from '../FormErrorAlert.tsx';
import { OrgUnitPicker } from '../OrgUnitPicker.tsx';

interface Values {
  orgCode?: string;
  name: string;
  method: TrainingMethod;
  organiser: string;
  startDate: string;
  endDate: string;
  days: number;
  content?: string;
  place?: string;
}

export type TrainingSessionTarget = { kind: 'create'; orgCode?: string; orgName?: string } | { kind: 'edit'; session: TrainingSession };

/** Registers a training session (登记培训) or edits one. */
export function TrainingSessionModal({ target, onClose, onSaved }: { target: TrainingSessionTarget | null; onClose: () => void; onSaved: (session: TrainingSession) => void }) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [isSaving, setSaving] = useState(false);

  useEffect(() => {
    if (!target) return;
    setError(null);
    form.resetFields();
    if (target.kind === 'edit') {
      const { session } = target;
      form.setFieldsValue({ name: session.name, method: session.method, organiser: session.organiser, startDate: session.startDate, endDate: session.endDate, days: session.days, content: session.content ?? '', place: session.place ?? '' });
    } else {
      form.setFieldsValue({ orgCode: target.orgCode, organiser: target.orgName, method: 'centralised', days: 1 });
    }
  }, [target, form]);

  const save = async (values: Values) => {
    if (!target) return;
    setSaving(true);
    setError(null);
    const common = {
      name: values.name, method: values.method, organiser: values.organiser, startDate: values.startDate, endDate: values.endDate, days: values.days,
      content: values.content?.trim() || null, place: values.place?.trim() || null,
    };
    try {
      const saved = target.kind === 'edit'
        ? await trainingApi.update(target.session.id, { ...common, version: target.session.version })
        : await trainingApi.create({ ...common, orgCode: values.orgCode ?? '' });
      onSaved(saved);
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={target?.kind === 'edit' ? `修改培训：${target.session.name}` : '登记培训'}
      open={target !== null}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存"
      cancelText="取消"
      confirmLoading={isSaving}
      destroyOnHidden
      width={640}
      className="training-session-modal"
    >
      <Form<Values> form={form} layout="vertical" onFinish={(values) => void save(values)}>
        <FormErrorAlert error={error} onClose={() => setError(null)} />
        {target?.kind === 'create' && (
          <Form.Item name="orgCode" label="举办单位" rules={[{ required: true, message: '请选择举办单位（县、乡镇或村）' }]} extra="县、乡镇举办的培训，其下辖的后备力量都可登记参训">
            <OrgUnitPicker initialLabel={target.orgName} />
          </Form.Item>
        )}
        <Form.Item name="name" label="培训名称" rules={[{ required: true, whitespace: true, message: '请填写培训名称' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="method" label="培训方式" rules={[{ required: true, message: '请选择培训方式' }]}>
              <Select options={TRAINING_METHOD_OPTIONS} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="organiser" label="举办单位名称" rules={[{ required: true, whitespace: true, message: '请填写举办单位名称' }]}>
              <Input maxLength={100} placeholder="如：县委组织部、某某镇党委" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="startDate" label="开始日期" rules={[{ required: true, message: '请选择开始日期' }]}>
              <Input type="date" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item
              name="endDate"
              label="结束日期"
              dependencies={['startDate']}
              rules={[
                { required: true, message: '请选择结束日期' },
                ({ getFieldValue }) => ({ validator: async (_rule, value: string | undefined) => { if (value && getFieldValue('startDate') && value < String(getFieldValue('startDate'))) throw new Error('结束日期不能早于开始日期'); } }),
              ]}
            >
              <Input type="date" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="days" label="培训天数" rules={[{ required: true, message: '请填写培训天数' }]} extra="以半天计，如 0.5、1、1.5">
              <InputNumber min={0} max={366} step={1} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="place" label="培训地点">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="content" label="培训内容">
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
