import { Button, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { LoginBodySchema } from '@gongkai/shared';
import { zh } from '../../../../locale/zh';
import { zodRule } from '../../../../services/form-rules';
import type { LoginInput } from '../service';

/** Props of the login form. */
export interface LoginFormProps {
  submitting: boolean;
  onSubmit: (values: LoginInput) => void;
}

/** Username and password, both required and checked with the shared login schema before anything is sent. */
export function LoginForm({ submitting, onSubmit }: LoginFormProps) {
  return (
    <Form<LoginInput> name="login" layout="vertical" size="large" onFinish={onSubmit} requiredMark={false}>
      <Form.Item
        label={zh.login.username}
        name="username"
        validateFirst
        rules={[
          { required: true, whitespace: true, message: zh.login.usernameRequired },
          zodRule(LoginBodySchema.shape.username),
        ]}
      >
        <Input prefix={<UserOutlined />} placeholder={zh.login.usernamePlaceholder} autoComplete="username" autoFocus />
      </Form.Item>
      <Form.Item
        label={zh.login.password}
        name="password"
        validateFirst
        rules={[{ required: true, message: zh.login.passwordRequired }, zodRule(LoginBodySchema.shape.password)]}
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
