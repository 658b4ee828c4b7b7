import { Form, Input, type FormRule } from 'antd';
import { PASSWORD_POLICY_TEXT, PasswordSchema } from '@gongkai/shared';
import { zodRule } from '../services/form-rules';

/** Props of NewPasswordItem. */
export interface NewPasswordItemProps {
  label: string;
  name: string;
  requiredMessage: string;
  /** Further rules after the policy (e.g. "not the current password"). */
  rules?: FormRule[];
  dependencies?: string[];
}

/**
 * A form field for a new password: required, checked with the shared password policy (the server's own rule
 * and words), the policy shown under the field, and the browser told not to fill in a saved password.
 */
export function NewPasswordItem({ label, name, requiredMessage, rules = [], dependencies }: NewPasswordItemProps) {
  return (
    <Form.Item
      label={label}
      name={name}
      extra={PASSWORD_POLICY_TEXT}
      validateFirst
      dependencies={dependencies}
      rules={[{ required: true, message: requiredMessage }, zodRule(PasswordSchema), ...rules]}
    >
      <Input.Password autoComplete="new-password" />
    </Form.Item>
  );
}
