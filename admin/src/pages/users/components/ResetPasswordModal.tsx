import { useState } from 'react';
import { Alert, App, Form, Modal, Typography } from 'antd';
import type { AdminUser } from '@gongkai/shared';
import { NewPasswordItem } from '../../../components/NewPasswordItem';
import { zh } from '../../../locale/zh';
import { applyApiError } from '../../../services/form-errors';
import { resetPassword } from '../service';

/** Props of ResetPasswordModal. */
export interface ResetPasswordModalProps {
  /** The official whose password is reset; closed when null. */
  user: AdminUser | null;
  onClose: () => void;
  onDone: () => void;
}

/** 重置密码: a new password under the policy for an official in scope (who is signed out everywhere). */
export function ResetPasswordModal({ user, onClose, onDone }: ResetPasswordModalProps) {
  const [form] = Form.useForm<{ password: string }>();
  const { message } = App.useApp();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    if (!user) return;
    let values: { password: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      await resetPassword(user.id, values.password);
      void message.success(zh.users.resetDone(user.displayName));
      form.resetFields();
      onDone();
    } catch (err) {
      setError(applyApiError(form, err, { fields: ['password'] }));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={!!user}
      title={user ? zh.users.resetTitle(user.displayName) : ''}
      okText={zh.common.confirm}
      onOk={() => void submit()}
      confirmLoading={submitting}
      onCancel={() => {
        setError(null);
        form.resetFields();
        onClose();
      }}
      forceRender
    >
      <Typography.Paragraph type="secondary">{zh.users.resetHint}</Typography.Paragraph>
      {error ? <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 16 }} /> : null}
      <Form form={form} name="reset-password" layout="vertical">
        <NewPasswordItem label={zh.users.newPassword} name="password" requiredMessage={zh.users.passwordRequired} />
      </Form>
    </Modal>
  );
}
