import { App, Form, Input, Select, Typography } from 'antd';
import { removalsApi, type ProposeRemovalInput, type Removal } from '../../api/villages.ts';
import { DateInput } from '../DateInput.tsx';
import { useDictionaries } from '../DictionariesContext.tsx';
import { FormModal } from '../FormModal.tsx';
import { todayText } from './labels.ts';

/** The reserve a removal is proposed for. */
export interface RemovalTarget { reserveId: string; name: string; villageName: string }

/** 提出调整: the village Party organisation proposes taking a reserve out of the pool (乡镇审批、县备案 follow). */
export function ProposeRemovalModal({ target, onClose }: { target: RemovalTarget | null; onClose: () => void }) {
  const { message } = App.useApp();
  const dictionaries = useDictionaries();
  return (
    <FormModal<Omit<ProposeRemovalInput, 'reserveId'>, Removal>
      title={target ? `提出调整：${target.name}（${target.villageName}）` : '提出调整'}
      open={target !== null}
      onClose={onClose}
      okText="提出"
      initialValues={{ proposedOn: todayText() }}
      intro={<Typography.Paragraph type="secondary">调整建议经乡镇党委审批同意后调整出库，报县委组织部备案；本人仍保留在人才台账中。</Typography.Paragraph>}
      save={(values) => removalsApi.propose({ ...values, reserveId: target?.reserveId ?? '' })}
      onSaved={() => { onClose(); void message.success('已提出调整建议，待乡镇党委审批'); }}
      formClassName="removal-form"
    >
      <Form.Item name="reasonCode" label="调整原因" rules={[{ required: true, message: '请选择调整原因' }]}><Select options={dictionaries.options('removalReason')} /></Form.Item>
      <Form.Item name="reasonText" label="具体情况" rules={[{ required: true, message: '请填写具体情况' }]}><Input.TextArea rows={3} maxLength={1000} /></Form.Item>
      <Form.Item name="proposedOn" label="村党组织研究提出的日期" rules={[{ required: true, message: '请填写日期' }]}><DateInput /></Form.Item>
    </FormModal>
  );
}
