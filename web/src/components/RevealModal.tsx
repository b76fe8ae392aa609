import { Alert, Descriptions, Modal, Typography } from 'antd';
import type { RevealedPerson } from '../api/types.ts';

interface Props {
  /** The person's name and the full numbers; null hides the modal. */
  shown: { name: string; revealed: RevealedPerson } | null;
  onClose: () => void;
}

/** Shows the full ID number and phone that the server released (and recorded in the audit log). */
export function RevealModal({ shown, onClose }: Props) {
  return (
    <Modal
      title={`完整身份证号和电话：${shown?.name ?? ''}`}
      open={shown !== null}
      onCancel={onClose}
      onOk={onClose}
      okText="关闭"
      cancelButtonProps={{ style: { display: 'none' } }}
      className="reveal-modal"
      destroyOnHidden
    >
      {shown && (
        <>
          <Alert type="warning" showIcon title="查看已记入操作日志" description="请勿截屏、转发或抄录到不安全的地方。" style={{ marginBottom: 16 }} />
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label="身份证号码">
              <Typography.Text className="revealed-id-number" copyable={{ tooltips: ['复制', '已复制'] }}>{shown.revealed.idNumber}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="联系电话">
              {shown.revealed.phone ? <Typography.Text copyable={{ tooltips: ['复制', '已复制'] }}>{shown.revealed.phone}</Typography.Text> : '未填写'}
            </Descriptions.Item>
          </Descriptions>
        </>
      )}
    </Modal>
  );
}
