import { Button, Form, Space, type FormInstance } from 'antd';
import { zh } from '../locale/zh';

/**
 * The 查询 / 重置 buttons of a list page's filter form: submit searches, reset clears every field and
 * searches with no filters.
 */
export function FilterActions<T>({ form, onReset }: { form: FormInstance<T>; onReset: () => void }) {
  return (
    <Form.Item>
      <Space>
        <Button type="primary" htmlType="submit">
          {zh.common.search}
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            onReset();
          }}
        >
          {zh.common.reset}
        </Button>
      </Space>
    </Form.Item>
  );
}
