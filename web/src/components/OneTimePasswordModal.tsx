import { Alert, Modal, Typography } from 'antd';

interface Props {
  /** Whose password it is, e.g. "zhangsan（张三）"; null hides the modal. */
  shown: { who: string; password: string; title: string } | null;
  onClose: () => void;
}

/** Shows a new or initial password exactly once; it cannot be shown again after closing. */
export function OneTimePasswordModal({ shown, onClose }: Props) {
  return (
    <Modal
      title={shown?.title}
      open={shown !== null}
      onCancel={onClose}
      onOk={onClose}
      okText="我已记下"
      cancelButtonProps={{ style: { display: 'none' } }}
      maskClosable={false}
      className="one-time-password-modal"
    >
      {shown && (
        <>
          <Alert type="warning" showIcon title="密码仅显示这一次，请复制后当面或通过安全渠道交给本人。本人首次登录后须修改密码。" style={{ marginBottom: 16 }} />
          <Typography.Paragraph>用户：{shown.who}</Typography.Paragraph>
          <Typography.Paragraph>
            密码：<Typography.Text className="one-time-password" copyable={{ text: shown.password, tooltips: ['复制', '已复制'] }}>{shown.password}</Typography.Text>
          </Typography.Paragraph>
        </>
      )}
    </Modal>
  );
}
