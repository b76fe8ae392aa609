import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { ApiError } from '../api/client.ts';
import { useSession } from '../session/SessionContext.tsx';

interface LoginForm {
  username: string;
  password: string;
}

export function LoginPage() {
  const { state, login } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const signIn = useMutation({
    mutationFn: (values: LoginForm) => login(values.username, values.password),
    onSuccess: (me) => void navigate(me.mustChangePassword ? '/change-password' : from, { replace: true }),
  });
  const error = signIn.error === null ? null : signIn.error instanceof ApiError ? signIn.error.message : '登录失败，请稍后重试';
  const isSubmitting = signIn.isPending;
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (state.status === 'authenticated') {
    return <Navigate to={state.me.mustChangePassword ? '/change-password' : from} replace />;
  }

  return (
    <div className="login-screen">
      <Card className="login-card">
        <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0 }}>后备力量选育管用系统</Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>村（社区）后备力量选育管用工作平台</Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Form<LoginForm> layout="vertical" onFinish={(values) => signIn.mutate(values)} requiredMark={false}>
          <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" placeholder="用户名" />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" placeholder="密码" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={isSubmitting}>登录</Button>
        </Form>
      </Card>
    </div>
  );
}
