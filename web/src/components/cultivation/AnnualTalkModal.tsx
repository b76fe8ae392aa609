import { Form, Input } from 'antd';
import { mentoringApi, todayInChina, type AnnualTalk } from '../../api/cultivation.ts';
import { DateInput } from '../DateInput.tsx';
import { FormModal } from '../FormModal.tsx';
import { ReservePicker } from './ReservePicker.tsx';

interface Values { reserveId?: string; talkedOn: string; talkerName: string; content: string }

/** Records the township Party secretary's annual talk (年度谈心谈话) with a reserve. */
export function AnnualTalkModal({ open, reserve, onClose, onSaved }: {
  open: boolean;
  reserve?: { id: string; name: string } | null;
  onClose: () => void;
  onSaved: (talk: AnnualTalk) => void;
}) {
  return (
    <FormModal<Values, AnnualTalk>
      title="记录乡镇党委书记年度谈心谈话"
      open={open}
      onClose={onClose}
      initialValues={{ reserveId: reserve?.id, talkedOn: todayInChina() }}
      save={(values) => mentoringApi.addTalk({ reserveId: values.reserveId ?? '', talkedOn: values.talkedOn, talkerName: values.talkerName, content: values.content })}
      onSaved={onSaved}
      width={{ xs: '95%', md: 520 }}
    >
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
        <DateInput max={todayInChina()} />
      </Form.Item>
      <Form.Item name="talkerName" label="谈话人（乡镇党委书记）" rules={[{ required: true, whitespace: true, message: '请填写谈话人姓名' }]}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="content" label="谈话内容" rules={[{ required: true, whitespace: true, message: '请填写谈话内容' }]}>
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={4000} />
      </Form.Item>
    </FormModal>
  );
}
