import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { authApi } from '../api/auth.ts';
import { ApiError } from '../api/client.ts';
import { useMe, useSession } from '../session/SessionContext.tsx';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** Changing one's own password; forced after the first login and after a reset. */
export function ChangePasswordPage() {
  const me = useMe();
  const { refresh, logout } = useSession();
  const navigate = useNavigate();
  const change = useMutation({
    mutationFn: async (values: PasswordForm) => {
      await authApi.changePassword(values.currentPassword, values.newPassword);
      await refresh();
    },
    onSuccess: () => void navigate('/', { replace: true }),
  });
  const error = change.error === null ? null : change.error instanceof ApiError ? change.error.message : '修改失败，请稍后重试';
  const isSubmitting = change.isPending;

  return (
    <div className="login-screen">
      <Card className="login-card">
        <Typography.Title level={3} style={{ marginTop: 0 }}>修改密码</Typography.Title>
        {me.mustChangePassword && (
          <Alert type="warning" showIcon title="首次登录或密码被重置后，须先修改密码才能使用系统。" style={{ marginBottom: 16 }} />
        )}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Form<PasswordForm> layout="vertical" onFinish={(values) => change.mutate(values)} requiredMark={false}>
          <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label="新密码"
            extra="至少 8 位，须同时包含字母和数字"
            rules={[
              { required: true, message: '请输入新密码' },
              { min: 8, message: '密码至少 8 位' },
              { max: 64, message: '密码不能超过 64 位' },
              { pattern: /^(?=.*[A-Za-z])(?=.*\d).*$/, message: '密码须同时包含字母和数字' },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirmPassword"
            label="确认新密码"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: '请再次输入新密码' },
              ({ getFieldValue }) => ({
                validator: (_rule, value: string | undefined) =>
                  !value || getFieldValue('newPassword') === value ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致')),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Space style={{ width: '100%', justifyContent: 'space-between' }}>
            <Button onClick={() => void (me.mustChangePassword ? logout() : navigate(-1))}>{me.mustChangePassword ? '退出登录' : '返回'}</Button>
            <Button type="primary" htmlType="submit" loading={isSubmitting}>确认修改</Button>
          </Space>
        </Form>
      </Card>
    </div>
  );
}
