import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { TRAINING_METHOD_OPTIONS, trainingApi, type TrainingMethod, type TrainingSession } from '../../api/cultivation.ts';
import { DateInput } from '../DateInput.tsx';
import { FormModal } from '../FormModal.tsx';
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
  const editing = target?.kind === 'edit' ? target.session : null;
  const initialValues: Partial<Values> | undefined = editing
    ? { name: editing.name, method: editing.method, organiser: editing.organiser, startDate: editing.startDate, endDate: editing.endDate, days: editing.days, content: editing.content ?? '', place: editing.place ?? '' }
    : target?.kind === 'create' ? { orgCode: target.orgCode, organiser: target.orgName, method: 'centralised', days: 1 } : undefined;

  const save = (values: Values) => {
    const common = {
      name: values.name, method: values.method, organiser: values.organiser, startDate: values.startDate, endDate: values.endDate, days: values.days,
      content: values.content?.trim() || null, place: values.place?.trim() || null,
    };
    return editing ? trainingApi.update(editing.id, { ...common, version: editing.version }) : trainingApi.create({ ...common, orgCode: values.orgCode ?? '' });
  };

  return (
    <FormModal<Values, TrainingSession>
      title={editing ? `修改培训：${editing.name}` : '登记培训'}
      open={target !== null}
      onClose={onClose}
      initialValues={initialValues}
      save={save}
      onSaved={onSaved}
      className="training-session-modal"
    >
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
              <DateInput />
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
              <DateInput />
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
    </FormModal>
  );
}
