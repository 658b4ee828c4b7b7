import { useState } from 'react';
import { App, Button, Form, Input, Modal } from 'antd';
import { zh } from '../../../../locale/zh';
import { applyApiError } from '../../../../services/form-errors';
import { withdrawDisclosure } from '../../service';

const t = zh.disclosures.detail;

/** 撤回 with a reason (the chain keeps every version; residents get 404 from then on). */
export function WithdrawButton({ id, onDone }: { id: string; onDone: () => void }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const submit = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    try {
      await withdrawDisclosure(id, v.reason);
      message.success(t.withdrawn);
      setOpen(false);
      onDone();
    } catch (err) {
      const rest = applyApiError(form, err, { fields: ['reason'] });
      if (rest) message.error(rest);
    }
  };
  return (
    <>
      <Button danger onClick={() => setOpen(true)}>
        {t.withdraw}
      </Button>
      <Modal open={open} title={t.withdrawTitle} okText={t.withdraw} okButtonProps={{ danger: true }} cancelText={zh.common.cancel} onOk={submit} onCancel={() => setOpen(false)} destroyOnHidden>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="reason" label={t.withdrawReason} rules={[{ required: true, whitespace: true, min: 2, message: zh.disclosures.detail.withdrawReason }]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
