import { useState } from 'react';
import { Alert, App, Button, Form, Input } from 'antd';
import { NewPasswordItem } from '../../../components/NewPasswordItem';
import { zh } from '../../../locale/zh';
import { applyApiError } from '../../../services/form-errors';
import { changePassword } from '../service';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const FIELDS = ['currentPassword', 'newPassword'] as const;

/**
 * 修改密码: current password, a new one under the shared policy (checked with the shared PasswordSchema, its
 * text shown under the field) and its confirmation. Server errors go next to their field (a wrong current
 * password) or above the form.
 */
export function ChangePasswordForm() {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onFinish = async (v: Values) => {
    setSubmitting(true);
    setError(null);
    try {
      await changePassword({ currentPassword: v.currentPassword, newPassword: v.newPassword });
      form.resetFields();
      void message.success(zh.account.changed);
    } catch (err) {
      setError(applyApiError(form, err, { fields: FIELDS, labels: { 'body.currentPassword': zh.account.currentPassword, 'body.newPassword': zh.account.newPassword } }));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Form<Values> form={form} name="change-password" layout="vertical" onFinish={(v) => void onFinish(v)} style={{ maxWidth: 420 }}>
      {error ? <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 16 }} /> : null}
      <Form.Item label={zh.account.currentPassword} name="currentPassword" rules={[{ required: true, message: zh.account.currentRequired }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <NewPasswordItem
        label={zh.account.newPassword}
        name="newPassword"
        requiredMessage={zh.account.newRequired}
        dependencies={['currentPassword']}
        rules={[
          ({ getFieldValue }) => ({
            validator: async (_r, value: string) => {
              if (value && value === getFieldValue('currentPassword')) throw new Error(zh.account.sameAsCurrent);
            },
          }),
        ]}
      />
      <Form.Item
        label={zh.account.confirmPassword}
        name="confirmPassword"
        dependencies={['newPassword']}
        validateFirst
        rules={[
          { required: true, message: zh.account.confirmRequired },
          ({ getFieldValue }) => ({
            validator: async (_r, value: string) => {
              if (value !== getFieldValue('newPassword')) throw new Error(zh.account.mismatch);
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={submitting}>
        {zh.account.changePassword}
      </Button>
    </Form>
  );
}
