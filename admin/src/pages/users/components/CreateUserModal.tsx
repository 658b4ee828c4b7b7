import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import {
  ADMIN_ROLE_LABELS,
  ADMIN_ROLES,
  DisplayNameSchema,
  UsernameSchema,
  type AdminUser,
  type CreateUserBody,
} from '@gongkai/shared';
import { NewPasswordItem } from '../../../components/NewPasswordItem';
import { RegionPicker } from '../../../components/RegionPicker';
import { zh } from '../../../locale/zh';
import { applyApiError } from '../../../services/form-errors';
import { zodRule } from '../../../services/form-rules';
import { createUser } from '../service';

/** Props of CreateUserModal. */
export interface CreateUserModalProps {
  open: boolean;
  onClose: () => void;
  onCreated: (user: AdminUser) => void;
}

const FIELDS = ['username', 'password', 'role', 'regionCode', 'displayName'] as const;
const LABELS = {
  'body.username': zh.users.username,
  'body.password': zh.users.password,
  'body.role': zh.users.role,
  'body.regionCode': zh.users.region,
  'body.displayName': zh.users.displayName,
};

/**
 * 新建用户: role, region (picker limited to the admin's scope), name, username and a first password under
 * the policy. Every field is checked with the shared schema before sending; the server's answers go next to
 * their field (409 duplicate username, 403 region out of scope, VALIDATION_FAILED details).
 */
export function CreateUserModal({ open, onClose, onCreated }: CreateUserModalProps) {
  const [form] = Form.useForm<CreateUserBody>();
  const { message } = App.useApp();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    let values: CreateUserBody;
    try {
      values = await form.validateFields();
    } catch {
      return; // the fields show what is wrong
    }
    setSubmitting(true);
    setError(null);
    try {
      const user = await createUser({ ...values, username: values.username.trim(), displayName: values.displayName.trim() });
      void message.success(zh.users.created(user.username));
      form.resetFields();
      onCreated(user);
    } catch (err) {
      setError(applyApiError(form, err, { fields: FIELDS, labels: LABELS, byCode: { CONFLICT: ['username'], FORBIDDEN: ['regionCode'] } }));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={open}
      title={zh.users.create}
      okText={zh.common.submit}
      onOk={() => void submit()}
      confirmLoading={submitting}
      onCancel={onClose}
      forceRender
    >
      {error ? <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 16 }} /> : null}
      <Form<CreateUserBody> form={form} name="create-user" layout="vertical" initialValues={{ role: 'editor' }}>
        <Form.Item label={zh.users.role} name="role" rules={[{ required: true, message: zh.users.roleRequired }]}>
          <Select options={ADMIN_ROLES.map((r) => ({ value: r, label: ADMIN_ROLE_LABELS[r] }))} />
        </Form.Item>
        <Form.Item label={zh.users.region} name="regionCode" rules={[{ required: true, message: zh.users.regionRequired }]}>
          <RegionPicker />
        </Form.Item>
        <Form.Item
          label={zh.users.displayName}
          name="displayName"
          validateFirst
          rules={[{ required: true, whitespace: true, message: zh.users.displayNameRequired }, zodRule(DisplayNameSchema)]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item
          label={zh.users.username}
          name="username"
          validateFirst
          rules={[{ required: true, whitespace: true, message: zh.users.usernameRequired }, zodRule(UsernameSchema)]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <NewPasswordItem label={zh.users.password} name="password" requiredMessage={zh.users.passwordRequired} />
      </Form>
    </Modal>
  );
}
