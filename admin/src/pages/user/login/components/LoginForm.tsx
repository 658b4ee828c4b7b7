import { Button, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { zh } from '../../../../locale/zh';
import type { LoginInput } from '../service';

/** Props of the login form. */
export interface LoginFormProps {
  submitting: boolean;
  onSubmit: (values: LoginInput) => void;
}

/** Username and password, both required (checked in the browser before anything is sent). */
export function LoginForm({ submitting, onSubmit }: LoginFormProps) {
  return (
    <Form<LoginInput> name="login" layout="vertical" size="large" onFinish={onSubmit} requiredMark={false}>
      <Form.Item
        label={zh.login.username}
        name="username"
        rules={[{ required: true, whitespace: true, message: zh.login.usernameRequired }]}
      >
        <Input prefix={<UserOutlined />} placeholder={zh.login.usernamePlaceholder} autoComplete="username" autoFocus />
      </Form.Item>
      <Form.Item
        label={zh.login.password}
        name="password"
        rules={[{ required: true, message: zh.login.passwordRequired }]}
      >
        <Input.Password prefix={<LockOutlined />} placeholder={zh.login.passwordPlaceholder} autoComplete="current-password" />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" block loading={submitting}>
          {zh.login.submit}
        </Button>
      </Form.Item>
    </Form>
  );
}
